/**
 * `npm run build`: builds the site into a folder of its own and only then swaps it in as `dist/`,
 * so a failed build leaves the previous site exactly as it was. Arguments are passed on to
 * `astro build` (`--force` renders every page, starts from an empty folder and indexes every
 * language).
 *
 * 1. the new folder starts as hard links to the last output (`dist/`, or the live release named
 *    by `NEWSROOM_PREVIOUS_SITE`) when that is the output Astro's cache describes, else empty
 *    (src/build/previous-output.ts);
 * 2. `astro build`: the pages, and each language's search records (the records step,
 *    src/pages/[...lang]/search/records.json.ts, writes them to Astro's cache folder). Pages whose
 *    data and code did not change are kept from the last output (or copied from Astro's
 *    incremental-build cache in node_modules/.astro/); every other write replaces its file, never
 *    writing through a link (src/build/output-guard.ts);
 * 3. the search index, once Astro has exited, so that the two never hold memory at once (a
 *    language whose records did not change gets the last build's index back);
 * 4. the files of the last output that this build no longer makes are deleted, and a linked file
 *    written during the build (through the link, into the last output) fails the build;
 * 5. the swap, and a note in the cache of which folder it describes.
 *
 * `--no-search` stops after step 2's pages (and step 4): the records stay in the cache folder for
 * `npm run build:search` (src/cli/build-search.ts), which the deploy runs once the pages are live.
 *
 * A build that fails may have rewritten part of Astro's cache under the old manifest, so the
 * manifest is dropped then, and the next build renders every page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheFolder, siteFolder } from '../newsroom/folders.ts';
import { indexSearchRecords } from '../search/index.ts';
import { guardWrites, OUTPUT_GUARD_VARIABLE } from '../build/output-guard.ts';
import {
	articleCount,
	incrementalBuildFits,
	incrementalLimit,
	MANIFEST_LIMIT,
} from '../build/incremental-limit.ts';
import {
	forgetOutput,
	MANIFEST,
	PREVIOUS_SITE_VARIABLE,
	recordOutput,
	settleOutput,
	startOutput,
} from '../build/previous-output.ts';

const root = process.cwd();
const dist = resolve(root, siteFolder());
const next = join(dirname(dist), `.${basename(dist)}-next`);
const previous = join(dirname(dist), `.${basename(dist)}-previous`);
const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
const guard = pathToFileURL(resolve(import.meta.dirname, '../build/output-guard.ts')).href;
const cacheDir = resolve(root, cacheFolder());
const incrementalManifest = resolve(cacheDir, MANIFEST);
const force = process.argv.includes('--force');
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

rmSync(join(cacheDir, 'search-records'), { recursive: true, force: true });
// Past the size Astro's page manifest can hold, the incremental build is off (astro.config.mjs):
// a manifest of an earlier build would describe pages this one does not keep.
const incremental = incrementalBuildFits();
if (!incremental) {
	rmSync(incrementalManifest, { force: true });
	console.log(
		`[newsroom:output] ${articleCount()} articles, over ${incrementalLimit()}: Astro's page manifest could not hold them, so every page is rendered (docs/performance.md)`,
	);
}
const start = startOutput({
	next,
	previous: process.env[PREVIOUS_SITE_VARIABLE] ? resolve(process.env[PREVIOUS_SITE_VARIABLE]) : dist,
	cacheDir,
	force: force || !incremental,
});
// From here the cache no longer describes any output until this build has succeeded.
forgetOutput(cacheDir);
console.log(
	`[newsroom:output] ${start.from ? 'starting from the last output' : 'starting empty'}: ${start.note}`,
);
const build = spawnSync(
	process.execPath,
	[
		`--max-old-space-size=${HEAP_MB}`,
		...(start.from ? ['--import', guard] : []),
		astro,
		'build',
		'--outDir',
		next,
		...astroArgs,
	],
	{
		stdio: 'inherit',
		env: start.from ? { ...process.env, [OUTPUT_GUARD_VARIABLE]: next } : process.env,
	},
);
if (build.status !== 0) fail(build.status ?? 1);
if (existsSync(incrementalManifest)) {
	const size = statSync(incrementalManifest).size;
	const share = size / MANIFEST_LIMIT;
	console.log(
		`[newsroom:output] Astro's page manifest: ${Math.round(size / 2 ** 20)} MB, ${Math.round(100 * share)}% of the most it can hold`,
	);
	// An archive with more pictures a page than the limit assumes: say so while builds still work.
	if (share > 0.75)
		console.warn(
			`[newsroom:output] WARNING: the page manifest nears its limit; set NEWSROOM_INCREMENTAL_ARTICLES below ${articleCount()} for the build's environment, or a build will fail writing it`,
		);
}
// The search index is written by this process: its writes into the new folder replace files too.
if (start.from) guardWrites(next);
if (withSearch) {
	try {
		await indexSearchRecords(cacheDir, next, (line) => console.log(line), { force });
	} catch (error) {
		console.error(
			`The search index could not be written: ${(error as Error).message}`,
			(error as Error).cause ?? '',
		);
		fail(1);
	}
}
if (start.from) {
	try {
		const started = performance.now();
		const settled = settleOutput(next, cacheDir, start.since);
		console.log(
			`[newsroom:output] ${settled.kept} unchanged files kept from the last output, ${settled.removed} no longer built removed, in ${Math.round(performance.now() - started)} ms`,
		);
	} catch (error) {
		console.error(`The new output could not be settled: ${(error as Error).message}`);
		fail(1);
	}
}
recordOutput(cacheDir, next);
rmSync(previous, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, previous);
renameSync(next, dist);
rmSync(previous, { recursive: true, force: true });
console.log(
	withSearch
		? `${basename(dist)}/ now holds the new build.`
		: `${basename(dist)}/ now holds the new pages, without a search index (npm run build:search -- --out ${basename(dist)}).`,
);
