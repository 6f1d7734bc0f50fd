import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { localeCodes, type Locale } from '../lib/locales.ts';
import type { SearchRecord } from '../lib/search-records.ts';
import { searchBundleUrl } from '../lib/urls.ts';

/** Pagefind's prebuilt interfaces: the search page has its own, so they are not published. */
const UNUSED_FILES = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** What writing an index did. */
export interface IndexReport {
	pages: number;
	files: number;
	bytes: number;
}

/** Records handed to Pagefind at a time: its service stays busy without every reply held in memory. */
const BATCH = 100;

/** Adds records to a Pagefind index, a batch at a time. */
async function addRecords(index: pagefind.PagefindIndex, records: Iterable<SearchRecord> | AsyncIterable<SearchRecord>): Promise<number> {
	let count = 0;
	let batch: Promise<void>[] = [];
	for await (const record of records) {
		count++;
		batch.push(
			index.addCustomRecord(record).then((added) => {
				if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}`, { cause: added.errors });
			}),
		);
		if (batch.length === BATCH) {
			await Promise.all(batch);
			batch = [];
		}
	}
	await Promise.all(batch);
	return count;
}

/** A new Pagefind index for records the site analysed itself (so no language of Pagefind's). */
async function createIndex(): Promise<pagefind.PagefindIndex> {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
	if (!index || errors.length > 0) throw new Error('Pagefind could not create an index', { cause: errors });
	return index;
}

/** Writes an index's files into `outputPath` and drops what the site does not publish. */
async function writeIndex(index: pagefind.PagefindIndex, outputPath: string, pages: number): Promise<IndexReport> {
	const written = await index.writeFiles({ outputPath });
	if (written.errors.length > 0) throw new Error(`Pagefind could not write the index to ${outputPath}`, { cause: written.errors });
	await index.deleteIndex();
	await pruneBundle(outputPath);
	return { pages, ...(await folderSize(outputPath)) };
}

/**
 * Writes a Pagefind index of `records` into `outputPath`. Pagefind's reported errors, and any
 * failure of the tool, are thrown as one error saying what failed.
 */
export async function writeSearchIndex(records: SearchRecord[], outputPath: string): Promise<IndexReport> {
	const index = await createIndex();
	return writeIndex(index, outputPath, await addRecords(index, records));
}

/** Removes Pagefind's prebuilt interfaces from a bundle. */
export async function pruneBundle(outputPath: string): Promise<void> {
	for (const name of await readdir(outputPath)) if (UNUSED_FILES.test(name)) await rm(join(outputPath, name));
}

/** Number of files and bytes under a folder. */
export async function folderSize(folder: string): Promise<{ files: number; bytes: number }> {
	let files = 0;
	let bytes = 0;
	for (const name of await readdir(folder, { recursive: true })) {
		const info = await stat(join(folder, name));
		if (info.isFile()) {
			files++;
			bytes += info.size;
		}
	}
	return { files, bytes };
}

/** Where the build's pages find the search feed: the integration and the pages are separate module instances. */
const FEED = Symbol.for('newsroom.search-feed');

/** Takes each language's search records while the pages are rendered. */
export interface SearchFeed {
	index(locale: Locale, records: AsyncIterable<SearchRecord>): void;
}

/**
 * Hands a language's records to the search index of the build in progress. Called from a
 * route's getStaticPaths, which Astro runs before it renders any page, so that Pagefind's own
 * process indexes on another core while Astro renders. Outside a build (astro dev) it does
 * nothing.
 */
export function feedSearchIndex(locale: Locale, records: () => AsyncIterable<SearchRecord>): void {
	(globalThis as { [FEED]?: SearchFeed })[FEED]?.index(locale, records());
}

/**
 * Indexes each language's published articles with Pagefind during `astro build` (which empties
 * `dist/`): the records arrive while pages render (see `feedSearchIndex`), and each index is
 * written into `/pagefind/<locale>/` as soon as its records are in, beside the rendering. A
 * build whose records never came fails, rather than publishing a site without search.
 */
export function searchIndex(): AstroIntegration {
	let outDir: URL | undefined;
	const indexing = new Map<Locale, Promise<{ report: IndexReport; ms: number }>>();
	return {
		name: 'newsroom:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = config.outDir;
			},
			'astro:build:start': () => {
				indexing.clear();
				const feed: SearchFeed = {
					index: (locale, records) => {
						if (indexing.has(locale) || !outDir) return;
						const started = performance.now();
						const outputPath = fileURLToPath(new URL(`.${searchBundleUrl(locale)}`, outDir));
						const work = createIndex().then(async (index) => {
							const report = await writeIndex(index, outputPath, await addRecords(index, records));
							return { report, ms: performance.now() - started };
						});
						work.catch(() => undefined); // Reported when awaited, at the end of the build.
						indexing.set(locale, work);
					},
				};
				(globalThis as { [FEED]?: SearchFeed })[FEED] = feed;
			},
			'astro:build:done': async ({ logger }) => {
				try {
					for (const locale of localeCodes) {
						const work = indexing.get(locale);
						if (!work) throw new Error(`no search records came for ${locale}: the index would be missing`);
						const waited = performance.now();
						const { report, ms } = await work;
						const after = Math.round(performance.now() - waited);
						logger.info(
							`${locale}: ${report.pages} articles indexed, ${report.files} files, ${(report.bytes / 1024).toFixed(0)} KB written (${Math.round(ms - after)} ms of it indexing beside the pages, ${after} ms after them)`,
						);
					}
				} finally {
					delete (globalThis as { [FEED]?: SearchFeed })[FEED];
					await pagefind.close();
				}
			},
		},
	};
}
