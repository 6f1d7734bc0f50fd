/**
 * Runs the site with the CMS editing this working tree, for `npm run dev`, `npm start` and
 * `npm run cms:git`: starts the local backend (cms-server.ts) on 127.0.0.1, then Astro with
 * `NEWSROOM_CMS_LOCAL` set so that /admin/ talks to it, and stops the backend when Astro stops.
 *
 * Usage: node src/cli/with-cms.ts dev|start [--git]
 *   dev    astro dev on 127.0.0.1:4321
 *   start  the site's build (src/cli/build.ts), then astro preview on 127.0.0.1:4321
 *   --git  commit every save (or NEWSROOM_CMS_MODE=git).
 * CMS_PORT sets the backend's port (default 8081), PORT the site's (default 4321).
 */
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startCmsServer, type CmsServerMode } from './cms-server.ts';

/** Astro's own command-line script, run with this Node (an `npx` wrapper would outlive a stop). */
const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
/** The site's build, which keeps the previous dist/ when it fails. */
const buildScript = fileURLToPath(new URL('./build.ts', import.meta.url));

/** Runs astro with `args`, resolving with its exit code; signals to this process are passed on. */
function astro(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
	return run([astroBin, ...args], env);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { stdio: 'inherit', env });
		const forward = (signal: NodeJS.Signals) => child.kill(signal);
		process.on('SIGINT', forward);
		process.on('SIGTERM', forward);
		child.once('error', reject);
		child.once('exit', (code, signal) => {
			process.off('SIGINT', forward);
			process.off('SIGTERM', forward);
			resolve(code ?? (signal ? 1 : 0));
		});
	});
}

function currentBranch(): string | undefined {
	try {
		return execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { encoding: 'utf8' }).trim() || undefined;
	} catch {
		return undefined;
	}
}

async function main(args: string[]): Promise<number> {
	const [command] = args;
	if (command !== 'dev' && command !== 'start') {
		console.error('usage: with-cms.ts dev|start [--git]');
		return 2;
	}
	const mode: CmsServerMode = args.includes('--git') || process.env.NEWSROOM_CMS_MODE === 'git' ? 'git' : 'fs';
	let server;
	try {
		server = await startCmsServer({ root: process.cwd(), port: Number(process.env.CMS_PORT ?? 8081), mode });
	} catch (error) {
		console.error(`The CMS's local backend did not start: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	}
	console.log(`CMS local backend (${mode} mode) on ${server.url}; the CMS is at http://127.0.0.1:${process.env.PORT ?? 4321}/admin/`);
	const env: NodeJS.ProcessEnv = { ...process.env, NEWSROOM_CMS_LOCAL: server.url, NEWSROOM_CMS_MODE: mode };
	// In git mode decap-server checks out the configured branch for every save: use the one checked out.
	if (mode === 'git') env.CMS_BRANCH ??= currentBranch();
	try {
		const host = ['--host', '127.0.0.1', '--port', process.env.PORT ?? '4321'];
		if (command === 'dev') return await astro(['dev', ...host], env);
		const built = await run(['--experimental-strip-types', '--disable-warning=ExperimentalWarning', buildScript], env);
		return built === 0 ? await astro(['preview', ...host], env) : built;
	} finally {
		await server.close();
	}
}

process.exitCode = await main(process.argv.slice(2));
