/**
 * The search index: each language's records (written by the build's records step,
 * `src/pages/[...lang]/search/records.json.ts`) in, a Pagefind bundle per language out, at
 * `<site>/pagefind/<locale>/`, with the word lists of "did you mean". `npm run build` calls
 * `indexSearchRecords` once Astro has exited.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { localeCodes } from '../i18n/locales.ts';
import type { SearchRecord } from './records.ts';
import { Vocabulary } from './related.ts';
import { WORDS_FOLDER } from './fallback.ts';
import { WordCounts } from './search-suggest.ts';
import { originalText } from './text.ts';
import { searchBundleUrl } from '../site/urls.ts';
import { readRecords, recordsFile } from './records-file.ts';
import { searchCodeKey } from './record-cache.ts';

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
async function addRecords(
	index: pagefind.PagefindIndex,
	records: Iterable<SearchRecord> | AsyncIterable<SearchRecord>,
): Promise<number> {
	let count = 0;
	let batch: Promise<void>[] = [];
	for await (const record of records) {
		count++;
		batch.push(
			index.addCustomRecord(record).then((added) => {
				if (added.errors.length > 0)
					throw new Error(`Pagefind could not index ${record.url}`, { cause: added.errors });
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
async function writeIndex(
	index: pagefind.PagefindIndex,
	outputPath: string,
	pages: number,
): Promise<IndexReport> {
	const written = await index.writeFiles({ outputPath });
	if (written.errors.length > 0)
		throw new Error(`Pagefind could not write the index to ${outputPath}`, { cause: written.errors });
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
	for (const [length, list] of words.files())
		await writeFile(join(outputPath, WORDS_FOLDER, `${length}.json`), JSON.stringify(list));
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

/**
 * A language's records, the installed packages (Pagefind among them) and the search code (what
 * the index adds to the records at index time, related forms and word lists, is code too), as one hash.
 */
async function recordsKey(file: string, codeKey: string): Promise<string> {
	const hash = createHash('sha256');
	hash.update(await readFile('package-lock.json').catch(() => ''));
	hash.update(codeKey);
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
		const codeKey = await searchCodeKey(process.cwd());
		for (const locale of localeCodes) {
			const started = performance.now();
			const file = recordsFile(cacheDir, locale);
			if (!existsSync(file)) throw new Error(`no search records for ${locale}: the index would be missing`);
			const bundle = join(outDir, `.${searchBundleUrl(locale)}`);
			const cached = join(cacheDir, 'search-index', locale);
			const key = await recordsKey(file, codeKey);
			const { report, done } = await indexLanguage(file, key, bundle, cached, force);
			await rm(file);
			log(
				`[newsroom:search-index] ${locale}: ${report.pages} articles ${done}, ${report.files} files, ${(report.bytes / 1024).toFixed(0)} KB written in ${Math.round(performance.now() - started)} ms`,
			);
		}
	} finally {
		await pagefind.close();
	}
}

/** Indexes one language's records into `bundle`, or copies the last index back when they did not change. */
async function indexLanguage(
	file: string,
	key: string,
	bundle: string,
	cached: string,
	force: boolean,
): Promise<{ report: IndexReport; done: string }> {
	const last = JSON.parse(await readFile(join(cached, 'key.json'), 'utf8').catch(() => '{}')) as {
		key?: string;
		report?: IndexReport;
	};
	if (!force && last.key === key && last.report) {
		await cp(join(cached, 'bundle'), bundle, { recursive: true });
		return { report: last.report, done: 'unchanged: the last index reused' };
	}
	// Two passes: the first learns the index's forms and words, the second indexes.
	const survey: Survey = { vocabulary: new Vocabulary(), words: new WordCounts() };
	for await (const record of readRecords(file)) surveyRecord(record, survey);
	const index = await createIndex();
	const report = await writeIndex(
		index,
		bundle,
		await addRecords(index, expanded(readRecords(file), survey.vocabulary)),
	);
	await writeWordLists(survey.words, bundle);
	// The copy for the next build; its key is written last, so a copy cut short is never used.
	await rm(cached, { recursive: true, force: true });
	await cp(bundle, join(cached, 'bundle'), { recursive: true });
	await writeFile(join(cached, 'key.json'), JSON.stringify({ key, report }));
	return { report, done: 'indexed' };
}
