import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { localeCodes, type Locale } from '../i18n/locales.ts';
import type { SearchRecord } from '../search/records.ts';
import { Vocabulary } from '../search/related.ts';
import { WORDS_FOLDER } from '../search/fallback.ts';
import { WordCounts } from '../search/search-suggest.ts';
import { originalText } from '../search/text.ts';
import { searchBundleUrl } from '../site/urls.ts';

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
	const { vocabulary, words } = surveyRecords(records);
	const report = await writeIndex(index, outputPath, await addRecords(index, expanded(records, vocabulary)));
	await writeWordLists(words, outputPath);
	return report;
}

/** What a first pass over an index's records gathers: its analysed forms, and its words for "did you mean". */
interface Survey {
	vocabulary: Vocabulary;
	words: WordCounts;
}

function surveyRecords(
	records: Iterable<SearchRecord>,
	survey: Survey = { vocabulary: new Vocabulary(), words: new WordCounts() },
): Survey {
	for (const record of records) surveyRecord(record, survey);
	return survey;
}

function surveyRecord(record: SearchRecord, { vocabulary, words }: Survey): void {
	vocabulary.add(record.content);
	words.add(`${record.meta.title}\n${originalText(record.content)}`);
}

/** Records with the related forms their index confirms (`search-related.ts`). */
async function* expanded(
	records: Iterable<SearchRecord> | AsyncIterable<SearchRecord>,
	vocabulary: Vocabulary,
): AsyncIterable<SearchRecord> {
	for await (const record of records) yield { ...record, content: vocabulary.expand(record.content) };
}

/** Writes the word lists of "did you mean" into the bundle, one file per length. */
async function writeWordLists(words: WordCounts, outputPath: string): Promise<void> {
	await mkdir(join(outputPath, WORDS_FOLDER), { recursive: true });
	for (const [length, list] of words.files()) await writeFile(join(outputPath, WORDS_FOLDER, `${length}.json`), JSON.stringify(list));
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
 * Hands a language's records to the build in progress, from a route's getStaticPaths.
 * Outside a build (astro dev) it does nothing.
 */
export function feedSearchIndex(locale: Locale, records: () => AsyncIterable<SearchRecord>): void {
	(globalThis as { [FEED]?: SearchFeed })[FEED]?.index(locale, records());
}

/** Where a build leaves a language's records for `indexSearchRecords`: in Astro's cache folder, never in the site. */
export function recordsFile(cacheDir: string, locale: Locale): string {
	return join(cacheDir, 'search-records', `${locale}.jsonl`);
}

/**
 * Writes each language's search records, one JSON line each, while `astro build` renders the
 * pages; `npm run build` (src/cli/build.ts) indexes them once Astro has exited. Pagefind holds
 * about 0.2 MB per record while it indexes (4.2 GB for 23,000 Arabic articles, measured), so
 * it runs after Astro rather than beside it: the build's peak is the larger of the two, not
 * their sum. A build whose records never came fails, rather than publishing without search.
 */
export function searchIndex(): AstroIntegration {
	let cacheDir = '';
	const writing = new Map<Locale, Promise<number>>();
	return {
		name: 'newsroom:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(config.cacheDir);
			},
			'astro:build:start': () => {
				writing.clear();
				const feed: SearchFeed = {
					index: (locale, records) => {
						if (writing.has(locale)) return;
						const work = writeRecords(recordsFile(cacheDir, locale), records);
						work.catch(() => undefined); // Reported when awaited, at the end of the build.
						writing.set(locale, work);
					},
				};
				(globalThis as { [FEED]?: SearchFeed })[FEED] = feed;
			},
			'astro:build:done': async ({ logger }) => {
				try {
					for (const locale of localeCodes) {
						const work = writing.get(locale);
						if (!work) throw new Error(`no search records came for ${locale}: the index would be missing`);
						logger.info(`${locale}: ${await work} search records for npm run build to index`);
					}
				} finally {
					delete (globalThis as { [FEED]?: SearchFeed })[FEED];
				}
			},
		},
	};
}

/** Writes records as JSON lines, a batch at a time, and returns how many. */
async function writeRecords(file: string, records: AsyncIterable<SearchRecord>): Promise<number> {
	await mkdir(join(file, '..'), { recursive: true });
	const out = await open(file, 'w');
	let count = 0;
	let batch = '';
	try {
		for await (const record of records) {
			count++;
			batch += `${JSON.stringify(record)}\n`;
			if (batch.length > 1 << 20) {
				await out.write(batch);
				batch = '';
			}
		}
		await out.write(batch);
	} finally {
		await out.close();
	}
	return count;
}

/** Reads records written by `writeRecords`, one line at a time. */
async function* readRecords(file: string): AsyncIterable<SearchRecord> {
	const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
	for await (const line of lines) if (line) yield JSON.parse(line) as SearchRecord;
}

/** A language's records and the installed packages (Pagefind among them), as one hash. */
async function recordsKey(file: string): Promise<string> {
	const hash = createHash('sha256');
	hash.update(await readFile('package-lock.json').catch(() => ''));
	// What the index adds to the records at index time (related forms, word lists) is code too.
	for (const module of ['arabic-related.ts', 'arabic-places.ts', 'related.ts', 'search-suggest.ts', 'fallback.ts'])
		hash.update(await readFile(new URL(`../search/${module}`, import.meta.url)));
	for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/**
 * Indexes the records a build left in `cacheDir` into `<outDir>/pagefind/<locale>/`, one
 * language after the other (each Pagefind index holds all its records in memory until it is
 * written), deletes the records, and reports each language. Pagefind writes the same files for
 * the same records, so a language whose records are byte for byte those of the last build gets
 * that build's index back from the cache: the hourly rebuild, and a publish in the other
 * language, skip Pagefind for it. `force` indexes every language.
 */
export async function indexSearchRecords(
	cacheDir: string,
	outDir: string,
	log: (line: string) => void,
	{ force = false }: { force?: boolean } = {},
): Promise<void> {
	try {
		for (const locale of localeCodes) {
			const started = performance.now();
			const file = recordsFile(cacheDir, locale);
			const bundle = join(outDir, `.${searchBundleUrl(locale)}`);
			const cached = join(cacheDir, 'search-index', locale);
			const key = await recordsKey(file);
			const last = JSON.parse(await readFile(join(cached, 'key.json'), 'utf8').catch(() => '{}')) as { key?: string; report?: IndexReport };
			let report: IndexReport;
			let done: string;
			if (!force && last.key === key && last.report) {
				await cp(join(cached, 'bundle'), bundle, { recursive: true });
				report = last.report;
				done = 'unchanged: the last index reused';
			} else {
				// Two passes: the first learns the index's forms and words, the second indexes.
				const survey: Survey = { vocabulary: new Vocabulary(), words: new WordCounts() };
				for await (const record of readRecords(file)) surveyRecord(record, survey);
				const index = await createIndex();
				report = await writeIndex(index, bundle, await addRecords(index, expanded(readRecords(file), survey.vocabulary)));
				await writeWordLists(survey.words, bundle);
				// The copy for the next build; its key is written last, so a copy cut short is never used.
				await rm(cached, { recursive: true, force: true });
				await cp(bundle, join(cached, 'bundle'), { recursive: true });
				await writeFile(join(cached, 'key.json'), JSON.stringify({ key, report }));
				done = 'indexed';
			}
			await rm(file);
			log(
				`[newsroom:search-index] ${locale}: ${report.pages} articles ${done}, ${report.files} files, ${(report.bytes / 1024).toFixed(0)} KB written in ${Math.round(performance.now() - started)} ms`,
			);
		}
	} finally {
		await pagefind.close();
	}
}
