/**
 * Runs the site with the CMS editing this working tree, for `npm run dev`, `npm start` and
 * `npm run cms:git`: starts the local backend (src/cms/server.ts) on 127.0.0.1, then the site
 * with `NEWSROOM_CMS_LOCAL` and the backend's per-start secret set, so that /admin/ talks to it,
 * and stops the backend when the site stops.
 *
 * Usage: node src/cli/with-cms.ts dev|start [--git]
 *   dev    astro dev on 127.0.0.1:4321: a save shows on the next page load
 *   start  the site's build, served on 127.0.0.1:4321 (src/cms/local-site.ts): a save is
 *          rebuilt and served within seconds. It builds into its own folder, so `npm run build`
 *          beside it never replaces the local CMS with the production one.
 *   --git  commit every save (or NEWSROOM_CMS_MODE=git).
 * CMS_PORT sets the backend's port (default 8081), PORT the site's (default 4321).
 */
import { startCmsServer, type CmsServerMode } from '../cms/server.ts';
import { astro, serveLocalSite } from '../cms/local-site.ts';

async function main(args: string[]): Promise<number> {
	const [command] = args;
	if (command !== 'dev' && command !== 'start') {
		console.error('usage: with-cms.ts dev|start [--git]');
		return 2;
	}
	const mode: CmsServerMode =
		args.includes('--git') || process.env.NEWSROOM_CMS_MODE === 'git' ? 'git' : 'fs';
	const sitePort = Number(process.env.PORT ?? 4321);
	let server;
	try {
		server = await startCmsServer({
			root: process.cwd(),
			port: Number(process.env.CMS_PORT ?? 8081),
			sitePort,
			mode,
		});
	} catch (error) {
		console.error(
			`The CMS's local backend did not start: ${error instanceof Error ? error.message : String(error)}`,
		);
		return 1;
	}
	console.log(`CMS local backend (${mode} mode) on ${server.url}`);
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NEWSROOM_CMS_LOCAL: server.url,
		NEWSROOM_CMS_MODE: mode,
		NEWSROOM_CMS_TOKEN: server.token,
	};
	try {
		if (command === 'dev')
			return await astro(['dev', '--host', '127.0.0.1', '--port', String(sitePort)], env);
		return await serveLocalSite({ root: process.cwd(), port: sitePort, env, mode });
	} finally {
		await server.close();
	}
}

process.exitCode = await main(process.argv.slice(2));
