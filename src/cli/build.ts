/**
 * `npm run build`: builds the site into a fresh folder and only then swaps it in as `dist/`, so
 * a failed build leaves the previous site exactly as it was (Astro empties its output folder
 * before it starts). Arguments are passed on to `astro build` (`--force` renders every page and indexes every language).
 *
 * 1. `astro build`: the pages, and each language's search records (the records step,
 *    src/pages/[...lang]/search/records.json.ts, writes them to Astro's cache folder);
 * 2. the search index, once Astro has exited, so that the two never hold memory at once (a
 *    language whose records did not change gets the last build's index back);
 * 3. the swap.
 *
 * `--no-search` stops after the pages: the records stay in the cache folder for
 * `npm run build:search` (src/cli/build-search.ts), which the deploy runs once the pages are live.
 *
 * Pages whose data and code did not change are copied from Astro's incremental-build cache in
 * node_modules/.astro/. A build that fails may have rewritten part of that cache under the old
 * manifest, so the manifest is dropped then, and the next build renders every page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { cacheFolder, siteFolder } from '../newsroom/folders.ts';
import { indexSearchRecords } from '../search/index.ts';

const root = process.cwd();
const dist = resolve(root, siteFolder());
const next = join(dirname(dist), `.${basename(dist)}-next`);
const previous = join(dirname(dist), `.${basename(dist)}-previous`);
const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
const cacheDir = resolve(root, cacheFolder());
const incrementalManifest = resolve(cacheDir, 'incremental-build.json');
const withSearch = !process.argv.includes('--no-search');
const astroArgs = process.argv.slice(2).filter((arg) => arg !== '--no-search');

/**
 * Astro keeps every article's data and rendered body in memory (its content layer), which at
 * archive scale passes Node's default heap limit (docs/performance.md has the measured peaks),
 * so Astro gets 12 GB. The search index is written after Astro has exited, so the two never add up.
 */
const HEAP_MB = 12288;

function fail(status: number): never {
	rmSync(next, { recursive: true, force: true });
	rmSync(incrementalManifest, { force: true });
	console.error(
		`\nThe build failed; ${existsSync(dist) ? `${basename(dist)}/ is left as it was` : `there is no ${basename(dist)}/`}.`,
	);
	process.exit(status);
}

rmSync(next, { recursive: true, force: true });
rmSync(join(cacheDir, 'search-records'), { recursive: true, force: true });
const build = spawnSync(
	process.execPath,
	[`--max-old-space-size=${HEAP_MB}`, astro, 'build', '--outDir', next, ...astroArgs],
	{
		stdio: 'inherit',
	},
);
if (build.status !== 0) fail(build.status ?? 1);
if (withSearch) {
	try {
		await indexSearchRecords(cacheDir, next, (line) => console.log(line), {
			force: process.argv.includes('--force'),
		});
	} catch (error) {
		console.error(
			`The search index could not be written: ${(error as Error).message}`,
			(error as Error).cause ?? '',
		);
		fail(1);
	}
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, previous);
renameSync(next, dist);
rmSync(previous, { recursive: true, force: true });
console.log(
	withSearch
		? `${basename(dist)}/ now holds the new build.`
		: `${basename(dist)}/ now holds the new pages, without a search index (npm run build:search -- --out ${basename(dist)}).`,
);
