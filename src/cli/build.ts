/**
 * `npm run build`: builds the site into a fresh folder and only then swaps it in as `dist/`, so
 * a failed build leaves the previous site exactly as it was (Astro empties its output folder
 * before it starts). Arguments are passed on to `astro build` (`--force` renders every page).
 *
 * Pages whose data and code did not change are copied from Astro's incremental-build cache in
 * node_modules/.astro/. A build that fails may have rewritten part of that cache under the old
 * manifest, so the manifest is dropped then, and the next build renders every page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = process.cwd();
const dist = resolve(root, 'dist');
const next = resolve(root, '.dist-next');
const previous = resolve(root, '.dist-previous');
const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
const incrementalManifest = resolve(root, 'node_modules/.astro/incremental-build.json');

rmSync(next, { recursive: true, force: true });
const build = spawnSync(process.execPath, [astro, 'build', '--outDir', next, ...process.argv.slice(2)], { stdio: 'inherit' });
if (build.status !== 0) {
	rmSync(next, { recursive: true, force: true });
	rmSync(incrementalManifest, { force: true });
	console.error(`\nThe build failed; ${existsSync(dist) ? 'dist/ is left as it was' : 'there is no dist/'}.`);
	process.exit(build.status ?? 1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, previous);
renameSync(next, dist);
rmSync(previous, { recursive: true, force: true });
console.log('dist/ now holds the new build.');
