import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic } from './serve.ts';

/** The project's root folder. */
export const projectRoot = resolve(import.meta.dirname, '../..');

/** What a copy of the site needs: the code and the content, not the outputs. */
const SITE_FILES = ['src', 'admin', 'public', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * A throw-away copy of the site in a temporary folder, to build against changed content.
 * Its `node_modules` is a folder of links to the project's packages, so that Astro's cache
 * (`node_modules/.astro`) is the copy's own and copies can build side by side.
 */
export async function makeSiteCopy({ git = false }: { git?: boolean } = {}): Promise<{
	root: string;
	remove: () => Promise<void>;
}> {
	const root = await mkdtemp(join(tmpdir(), 'newsroom-site-'));
	await Promise.all(
		SITE_FILES.map((name) => cp(join(projectRoot, name), join(root, name), { recursive: true })),
	);
	await mkdir(join(root, 'node_modules'));
	const packages = (await readdir(join(projectRoot, 'node_modules'))).filter(
		(name) => !['.astro', '.newsroom'].includes(name),
	);
	await Promise.all(
		packages.map((name) =>
			symlink(join(projectRoot, 'node_modules', name), join(root, 'node_modules', name)),
		),
	);
	if (git) commitAll(root);
	return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Makes `root` a git repository on `main` with everything committed, as a newsroom's checkout is. */
function commitAll(root: string): void {
	writeFileSync(join(root, '.gitignore'), 'node_modules/\ndist/\n.dist-*/\n.astro/\n');
	const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
	git('init', '-q', '-b', 'main');
	git('config', 'user.name', 'Test Editor');
	git('config', 'user.email', 'editor@example.org');
	git('add', '.');
	git('commit', '-q', '-m', 'The site as it was copied');
}

/** Runs `npm run build`'s script (Astro, then the search index) in `root` and collects its exit code and everything it printed. */
export function buildSite(
	root: string,
	env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(
			process.execPath,
			['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'src/cli/build.ts'],
			{
				cwd: root,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolvePromise({ code, output }));
	});
}

/**
 * A copy of the site with `edit` applied to its files, built and served on 127.0.0.1: for
 * browser tests that need content of their own. A failed build throws with Astro's output.
 */
export async function servedSiteCopy(
	edit: (root: string) => Promise<void>,
): Promise<{ root: string; url: string; close: () => Promise<void> }> {
	const copy = await makeSiteCopy();
	try {
		await edit(copy.root);
		const build = await buildSite(copy.root);
		if (build.code !== 0) throw new Error(`the site copy did not build:\n${build.output}`);
		const server = await serveStatic(join(copy.root, 'dist'));
		return { root: copy.root, url: server.url, close: () => server.close().then(copy.remove) };
	} catch (error) {
		await copy.remove();
		throw error;
	}
}
