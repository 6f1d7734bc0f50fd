/**
 * `npm run cms:server`: the CMS's local backend alone (src/cms/server.ts), for a site served some
 * other way. `npm run dev` and `npm start` start it themselves.
 *
 * Usage: node src/cli/cms-server.ts [--git] [--port 8081] [--site-port 4321] [--root .]
 * The CMS page must be built with NEWSROOM_CMS_LOCAL=<the printed URL> and NEWSROOM_CMS_TOKEN set
 * to the same secret as this server's (its NEWSROOM_CMS_TOKEN; a new one is printed otherwise).
 */
import { parseArgs } from 'node:util';
import { startCmsServer, type CmsServerMode } from '../cms/server.ts';

const { values } = parseArgs({
	options: {
		git: { type: 'boolean', default: false },
		port: { type: 'string', default: process.env.PORT ?? '8081' },
		'site-port': { type: 'string', default: process.env.SITE_PORT ?? '4321' },
		root: { type: 'string', default: process.cwd() },
	},
});
const mode: CmsServerMode = values.git || process.env.NEWSROOM_CMS_MODE === 'git' ? 'git' : 'fs';
try {
	const server = await startCmsServer({
		root: values.root,
		port: Number(values.port),
		sitePort: Number(values['site-port']),
		mode,
		token: process.env.NEWSROOM_CMS_TOKEN,
	});
	console.log(
		`CMS local backend (${mode} mode) on ${server.url}, for the CMS at ${server.origins.join(' and ')}/admin/`,
	);
	if (!process.env.NEWSROOM_CMS_TOKEN) console.log(`NEWSROOM_CMS_TOKEN=${server.token}`);
	const stop = () => server.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
} catch (error) {
	console.error(`CMS local backend: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
