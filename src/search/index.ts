/**
 * The search index: each language's records (written by the build's records step,
 * `src/pages/[...lang]/search/records.json.ts`) in, a Pagefind bundle per language and shard (the newest year, and archive shards of older years) out,
 * at `<site>/pagefind/<locale>/<years>/`, with the list of those shards (`shards.ts`) and the word
 * lists of "did you mean". `npm run build` calls `indexSearchRecords` once Astro has exited.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import * as pagefind from 'pagefind';
import { localeCodes } from '../i18n/locales.ts';
import type { SearchRecord } from './records.ts';
import type { Vocabulary } from './related.ts';
import { WORDS_FOLDER } from './fallback.ts';
import type { WordCounts } from './search-suggest.ts';
import { SURVEY_FILE, surveyLanguage, type RecordSource } from './survey.ts';
import { ORIGINAL_TEXT, originalText } from './text.ts';
import { linkTree } from '../build/previous-output.ts';
import { searchBundleUrl } from '../site/urls.ts';
import { readRecords, recordsFile } from './records-file.ts';
import { searchCodeKey } from './record-cache.ts';
import { planShards, SHARDS_FILE, yearOf, type ShardEntry, type ShardList } from './shards.ts';

/** Pagefind's prebuilt interfaces: the search page has its own, so they are not published. */
const UNUSED_FILES = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

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
	records: Iterable<pagefind.CustomRecord> | AsyncIterable<pagefind.CustomRecord>,
): Promise<void> {
	let batch: Promise<void>[] = [];
	for await (const record of records) {
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
}

/** A new Pagefind index for records the site analysed itself (so no language of Pagefind's). */
async function createIndex(): Promise<pagefind.PagefindIndex> {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
	if (!index || errors.length > 0) throw new Error('Pagefind could not create an index', { cause: errors });
	return index;
}

/** Files written at once: the writes and the fragments' compression run on libuv's threads. */
const WRITES = 16;

/**
 * Writes an index's files into the new folder `outputPath`, each once: Pagefind hands them over
 * in memory (`getFiles`), the fragments get what a result shows (`showOriginal`), and its
 * prebuilt interfaces are left out. Pagefind's own `writeFiles` wrote every file, then the
 * fragments were read back and written again.
 */
async function writeIndex(
	index: pagefind.PagefindIndex,
	outputPath: string,
	shown: Map<string, Shown>,
): Promise<void> {
	const { files, errors } = await index.getFiles();
	if (errors.length > 0)
		throw new Error(`Pagefind could not write the index to ${outputPath}`, { cause: errors });
	await index.deleteIndex();
	const wanted = files.filter((file) => !UNUSED_FILES.test(file.path));
	for (const folder of new Set(wanted.map((file) => dirname(join(outputPath, file.path)))))
		await mkdir(folder, { recursive: true });
	let next = 0;
	const write = async () => {
		for (let file = wanted[next++]; file; file = wanted[next++]) {
			const contents = file.path.startsWith('fragment/')
				? await showOriginal(file.path, file.content, shown)
				: file.content;
			await writeFile(join(outputPath, file.path), contents);
		}
	};
	await Promise.all(Array.from({ length: WRITES }, write));
}

/**
 * Writes a language's sharded search bundle of `records` into `outputPath` (every shard indexed:
 * no cache). For the search benchmark, which indexes records it made itself.
 */
export async function writeSearchIndex(records: SearchRecord[], outputPath: string): Promise<IndexReport> {
	const { report } = await indexLanguage(() => records, outputPath, undefined, '', true);
	return report;
}

/** A record with the related forms its language's index confirms (`related.ts`). */
function expand(record: SearchRecord, vocabulary: Vocabulary): SearchRecord {
	return { ...record, content: vocabulary.expand(record.content) };
}

/** The records of one shard (of its years), expanded. */
async function* shardRecords(source: RecordSource, years: string[], vocabulary: Vocabulary) {
	const wanted = new Set(years);
	for await (const record of source()) if (wanted.has(yearOf(record))) yield expand(record, vocabulary);
}

/** Writes the word lists of "did you mean" into `folder`, one file per length. */
async function writeWordLists(words: WordCounts, folder: string): Promise<void> {
	await mkdir(folder, { recursive: true });
	for (const [length, list] of words.files())
		await writeFile(join(folder, `${length}.json`), JSON.stringify(list));
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
 * What every shard's key starts from: the installed packages (Pagefind among them) and the search
 * code (what the index adds to the records at index time, related forms, is code too).
 */
async function baseKey(codeKey: string): Promise<string> {
	return createHash('sha256')
		.update(await readFile('package-lock.json').catch(() => ''))
		.update(codeKey)
		.digest('hex');
}

/**
 * Replaces `target` with the folder `fresh`. The site folder may share its files with the live
 * site by hard links, so nothing in it is ever written in place: a folder is removed (which
 * unlinks), then the new one renamed into its place.
 */
async function swapIn(fresh: string, target: string): Promise<void> {
	await rm(target, { recursive: true, force: true });
	await rename(fresh, target);
}

/** A new folder name beside `target`, for a copy that is swapped in once complete. */
function freshBeside(target: string): string {
	return join(dirname(target), `.${basename(target)}-${process.pid}`);
}

/** How each shard of a language was made in this build. */
interface LanguageReport {
	report: IndexReport;
	indexed: string[];
	copied: string[];
	kept: string[];
	/** The years whose records were surveyed again (the others' surveys were kept), of how many. */
	surveyed: string[];
	years: number;
}

/**
 * Indexes the records a build left in `cacheDir` into `<outDir>/pagefind/<locale>/`, one shard
 * (the newest year, or a range of older years, `planShards`) at a time, so that Pagefind holds no
 * more than the largest shard in memory; deletes
 * the records, and reports each language. Pagefind writes the same files for the same records,
 * so a shard whose records (with their related forms), packages and search code are those it was
 * made from is not indexed again: its folder is left as it is when the site folder already holds
 * it, or copied back from the cache. A publish re-indexes the shard of its article's year: the
 * newest year's, nearly always.
 * `force` indexes every shard.
 */
export async function indexSearchRecords(
	cacheDir: string,
	outDir: string,
	log: (line: string) => void,
	{ force = false }: { force?: boolean } = {},
): Promise<void> {
	try {
		const key = await baseKey(await searchCodeKey(process.cwd()));
		for (const locale of localeCodes) {
			const started = performance.now();
			const file = recordsFile(cacheDir, locale);
			if (!existsSync(file)) throw new Error(`no search records for ${locale}: the index would be missing`);
			const bundle = join(outDir, `.${searchBundleUrl(locale)}`);
			const cached = join(cacheDir, 'search-index', locale);
			const made = await indexLanguage(() => readRecords(file), bundle, cached, key, force);
			await rm(file);
			log(
				`[newsroom:search-index] ${locale}: ${describe(made)} in ${Math.round(performance.now() - started)} ms`,
			);
		}
	} finally {
		await pagefind.close();
	}
}

/** The log line of a language's index. */
function describe({ report, indexed, copied, kept, surveyed, years }: LanguageReport): string {
	const shards = indexed.length + copied.length + kept.length;
	const what =
		indexed.length > 0
			? `${report.pages} articles indexed in ${indexed.length} of ${shards} shards (${indexed.join(', ')})`
			: `${report.pages} articles unchanged: the last index reused (${shards} shards)`;
	const reused = [
		...(kept.length ? [`${kept.length} left as they were`] : []),
		...(copied.length ? [`${copied.length} copied from the cache`] : []),
	];
	return `${what}${reused.length ? `, ${reused.join(', ')}` : ''}; ${surveyed.length} of ${years} years surveyed; ${report.files} files, ${(report.bytes / 1024).toFixed(0)} KB`;
}

/**
 * A language's bundle: its shards, the list of them, and the word lists of "did you mean". The
 * survey (`survey.ts`) gives the whole language's related forms and words (a form confirmed by
 * any year's article) and a key per year of what Pagefind would index of it; the years are
 * planned into shards, each shard's key made of its years' keys, so that a shard changes only
 * when what Pagefind indexes in it changes; then each changed shard is indexed, a pass over the
 * records each.
 */
async function indexLanguage(
	source: RecordSource,
	bundle: string,
	cached: string | undefined,
	key: string,
	force: boolean,
): Promise<LanguageReport> {
	const survey = await surveyLanguage(source, cached && join(cached, SURVEY_FILE), key, force);
	const shards: ShardEntry[] = planShards(survey.articles).map((shard) => {
		const digest = createHash('sha256').update(key);
		for (const year of shard.years) digest.update(`${year} ${survey.keys.get(year)}\n`);
		return { ...shard, key: digest.digest('hex').slice(0, 32) };
	});
	await mkdir(bundle, { recursive: true });
	const last = await readShardList(bundle);
	const made: Omit<LanguageReport, 'report' | 'surveyed' | 'years'> = { indexed: [], copied: [], kept: [] };
	for (const shard of shards) {
		const target = join(bundle, shard.name);
		const there = last.shards.find((entry) => entry.name === shard.name);
		if (!force && there?.key === shard.key && existsSync(target)) made.kept.push(shard.name);
		else if (!force && cached && (await copyFromCache(join(cached, shard.name), shard.key, target)))
			made.copied.push(shard.name);
		else {
			await indexShard(shardRecords(source, shard.years, survey.vocabulary), target, cached, shard.key);
			made.indexed.push(shard.name);
		}
	}
	await removeOthers(bundle, shards, cached);
	const words = join(bundle, WORDS_FOLDER);
	await writeWordLists(survey.words, freshBeside(words));
	await swapIn(freshBeside(words), words);
	const list = join(bundle, SHARDS_FILE);
	await writeFile(`${list}.${process.pid}`, JSON.stringify({ shards } satisfies ShardList));
	await rename(`${list}.${process.pid}`, list);
	return {
		report: { pages: survey.pages, ...(await folderSize(bundle)) },
		surveyed: survey.surveyed,
		years: survey.articles.size,
		...made,
	};
}

/** The shard list a bundle folder holds from the build it started from; none when it starts empty. */
async function readShardList(bundle: string): Promise<ShardList> {
	const text = await readFile(join(bundle, SHARDS_FILE), 'utf8').catch(() => '');
	return text ? (JSON.parse(text) as ShardList) : { shards: [] };
}

/** Puts a shard back from the cache into `target` when the cache holds it for `key`; false when it does not. */
async function copyFromCache(cached: string, key: string, target: string): Promise<boolean> {
	const last = JSON.parse(await readFile(join(cached, 'key.json'), 'utf8').catch(() => '{}')) as {
		key?: string;
	};
	if (last.key !== key) return false;
	const fresh = freshBeside(target);
	await rm(fresh, { recursive: true, force: true });
	await linkOrCopy(join(cached, 'bundle'), fresh);
	await swapIn(fresh, target);
	return true;
}

/**
 * Makes the new folder `to` hold the files of `from` by hard links, or copies on a file system
 * without them (or another one). Shard folders are never written in place, in the site (the
 * output guard) or in the cache (`indexShard` removes a shard's folder before it writes one).
 */
async function linkOrCopy(from: string, to: string): Promise<void> {
	await mkdir(dirname(to), { recursive: true });
	try {
		linkTree(from, to, []);
	} catch {
		await rm(to, { recursive: true, force: true });
		await cp(from, to, { recursive: true });
	}
}

/** Indexes one shard into a fresh folder, keeps a copy in the cache, and swaps the folder in. */
async function indexShard(
	records: AsyncIterable<SearchRecord>,
	target: string,
	cached: string | undefined,
	key: string,
): Promise<void> {
	const fresh = freshBeside(target);
	await rm(fresh, { recursive: true, force: true });
	const index = await createIndex();
	const shown = new Map<string, Shown>();
	await addRecords(index, forPagefind(records, shown));
	await writeIndex(index, fresh, shown);
	if (cached) {
		const folder = join(cached, basename(target));
		// The cache's copy: its key is written last, so a copy cut short is never used.
		await rm(folder, { recursive: true, force: true });
		await linkOrCopy(fresh, join(folder, 'bundle'));
		await writeFile(join(folder, 'key.json'), JSON.stringify({ key }));
	}
	await swapIn(fresh, target);
}

/** What a result shows that Pagefind must not index: the headline and the text as written. */
interface Shown {
	title: string;
	text: string;
}

/**
 * What Pagefind indexes of each record: the analysed forms alone, and metadata without words
 * (Pagefind searches every metadata field, and the original words can never match a query, whose
 * every word ends in the analyser's mark). The headline and text as written are kept aside in `shown`.
 */
async function* forPagefind(
	records: AsyncIterable<SearchRecord>,
	shown: Map<string, Shown>,
): AsyncIterable<pagefind.CustomRecord> {
	for await (const record of records) {
		const { title, ...meta } = record.meta;
		shown.set(record.url, { title, text: originalText(record.content) });
		const analysed = record.content.slice(0, record.content.indexOf(ORIGINAL_TEXT)).trim();
		yield { ...record, content: analysed, meta: { ...meta } };
	}
}

/** How Pagefind stores a result's fragment: this marker, then the fragment as JSON, gzipped. */
const FRAGMENT_MARK = 'pagefind_dcd';

/**
 * A fragment file with what a result shows: the search page loads a result's fragment to show it,
 * never to search, so its content becomes the text as written (excerpts and highlights come from
 * it) and its metadata gets the headline.
 */
async function showOriginal(name: string, bytes: Uint8Array, shown: Map<string, Shown>): Promise<Uint8Array> {
	const text = (await gunzip(bytes)).toString('utf8');
	if (!text.startsWith(FRAGMENT_MARK))
		throw new Error(`Pagefind's fragment ${name} is not in the expected format`);
	const fragment = JSON.parse(text.slice(FRAGMENT_MARK.length)) as {
		url: string;
		content: string;
		meta: Record<string, string>;
	};
	const original = shown.get(fragment.url);
	if (!original) throw new Error(`Pagefind's fragment ${name} is of no record: ${fragment.url}`);
	fragment.content = original.text;
	fragment.meta = { title: original.title, ...fragment.meta };
	return gzip(FRAGMENT_MARK + JSON.stringify(fragment));
}

/**
 * Removes from the bundle folder (and the cache) what is not a current shard, the word lists
 * or the shard list: a shard whose articles were all deleted or whose years were regrouped
 * (the year that was newest, once the year turns), an unsharded bundle
 * of an earlier build, a fresh folder left by a build that failed.
 */
async function removeOthers(bundle: string, shards: ShardEntry[], cached: string | undefined): Promise<void> {
	const keep = new Set([...shards.map((shard) => shard.name), WORDS_FOLDER, SHARDS_FILE, SURVEY_FILE]);
	for (const name of await readdir(bundle))
		if (!keep.has(name)) await rm(join(bundle, name), { recursive: true, force: true });
	if (cached && existsSync(cached))
		for (const name of await readdir(cached))
			if (!keep.has(name)) await rm(join(cached, name), { recursive: true, force: true });
}
