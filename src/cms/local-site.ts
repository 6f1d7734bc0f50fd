/**
 * `npm start`'s site: the real build, served on 127.0.0.1, rebuilt when content changes.
 * In: the working tree and the CMS's environment. Out: a static server of the built site that
 * shows a save within seconds; the terminal says when the site was updated.
 *
 * It builds into its own folder and cache (`LOCAL_SITE`), so a `npm run build` beside it (which
 * writes dist/ with the production CMS) never replaces the local CMS, and the two builds never
 * share Astro's cache. Rebuilds are incremental (Astro's cache keeps unchanged pages).
 */
import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm start` keeps its build and cache, apart from dist/ and node_modules/.astro/. */
export const LOCAL_SITE = 'node_modules/.newsroom/start';

/** Astro's own command-line script, run with this Node (an `npx` wrapper would outlive a stop). */
const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
/** The site's build (Astro, then the search index), which keeps the previous site when it fails. */
const buildScript = fileURLToPath(new URL('../cli/build.ts', import.meta.url));

/** Runs Node with `args`, resolving with its exit code; signals to this process are passed on. */
export function node(
	args: string[],
	env: NodeJS.ProcessEnv,
	output: 'inherit' | 'collect' = 'inherit',
): Promise<{ code: number; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, {
			stdio: output === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
			env,
		});
		let text = '';
		child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
		const forward = (signal: NodeJS.Signals) => child.kill(signal);
		process.on('SIGINT', forward);
		process.on('SIGTERM', forward);
		child.once('error', reject);
		child.once('close', (code, signal) => {
			process.off('SIGINT', forward);
			process.off('SIGTERM', forward);
			resolve({ code: code ?? (signal ? 1 : 0), output: text });
		});
	});
}

/** Runs astro with `args` in the foreground. */
export async function astro(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
	return (await node([astroBin, ...args], env)).code;
}

const nodeFlags = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

/**
 * Calls `rebuild` once for a burst of changes, never two at a time: changes during a rebuild
 * make one more after it.
 */
export function rebuilder(
	rebuild: (changed: string[]) => Promise<void>,
	quietMs = 300,
): (path: string) => void {
	let changed = new Set<string>();
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> | undefined;
	const start = () => {
		timer = undefined;
		if (running) return;
		const paths = [...changed];
		changed = new Set();
		running = rebuild(paths).finally(() => {
			running = undefined;
			if (changed.size > 0) start();
		});
	};
	return (path) => {
		changed.add(path);
		clearTimeout(timer);
		timer = setTimeout(start, quietMs);
	};
}

/** Watches content/ and public/ for changes to files that are not hidden. */
function watchSources(root: string, onChange: (path: string) => void): FSWatcher[] {
	return ['content', 'public'].map((folder) =>
		watch(join(root, folder), { recursive: true }, (_event, name) => {
			const path = `${folder}/${String(name ?? '')}`;
			if (!path.split('/').some((segment) => segment.startsWith('.'))) onChange(path);
		}),
	);
}

/** Resolves once `url` answers, or rejects after `ms`. */
async function answering(url: string, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		const ok = await fetch(url).then(
			(response) => response.status < 500,
			() => false,
		);
		if (ok) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`the site server did not answer at ${url}`);
}

/** Builds, serves and rebuilds the site for `npm start`; resolves with the exit code when it stops. */
export async function serveLocalSite({
	root,
	port,
	env,
	mode,
}: {
	root: string;
	port: number;
	env: NodeJS.ProcessEnv;
	mode: string;
}): Promise<number> {
	const siteEnv = {
		...env,
		NEWSROOM_SITE_DIR: join(root, LOCAL_SITE, 'site'),
		NEWSROOM_CACHE_DIR: join(root, LOCAL_SITE, 'cache'),
	};
	const first = await node([...nodeFlags, buildScript], siteEnv);
	if (first.code !== 0) return first.code;
	const server = node(
		[astroBin, 'preview', '--host', '127.0.0.1', '--port', String(port)],
		siteEnv,
		'collect',
	);
	const url = `http://127.0.0.1:${port}/`;
	await Promise.race([
		answering(url, 60_000),
		server.then(({ output }) => Promise.reject(new Error(output))),
	]);
	const onChange = rebuilder(async (changed) => {
		const started = performance.now();
		const built = await node([...nodeFlags, buildScript], siteEnv, 'collect');
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		const what = changed.length === 1 ? changed[0] : `${changed.length} changes`;
		if (built.code === 0) console.log(`[site] updated in ${seconds} s (${what})`);
		else
			console.error(
				`${built.output}\n[site] NOT updated: the build failed (${what}); the site still shows the previous build.`,
			);
	});
	const watchers = watchSources(root, onChange);
	const saves = mode === 'git' ? 'commits to the checked-out branch' : 'writes to content/';
	console.log(
		`\nThe CMS ${saves}; every change under content/ or public/ rebuilds the site. Ctrl-C stops both.`,
	);
	console.log(`Site: ${url}`);
	console.log(`CMS:  ${url}admin/`);
	const { code } = await server;
	for (const watcher of watchers) watcher.close();
	return code;
}
