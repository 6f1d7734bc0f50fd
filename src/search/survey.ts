/**
 * The first pass of a language's index, kept a year at a time: records in, the language's
 * analysed forms (for related forms, `related.ts`) and its words (for "did you mean",
 * `search-suggest.ts`) out, with a key for each year that changes only when what Pagefind would
 * index of that year changes. Surveying every record cost about 0.7 ms an article on every build
 * (5 to 6 s at 10,000 articles); a year whose records are those of the last build is read back
 * from `<cache>/search-index/<locale>/survey.json` instead, so a publish surveys its article's
 * year alone (docs/performance.md).
 */
import { createHash, type Hash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { originalText } from './text.ts';
import type { SearchRecord } from './records.ts';
import { Vocabulary } from './related.ts';
import { WordCounts } from './search-suggest.ts';
import { yearOf } from './shards.ts';

/** The file of the kept surveys, in a language's search-index cache folder. */
export const SURVEY_FILE = 'survey.json';

/** What a year's records give the language's index, as kept between builds. */
interface YearSurvey {
	/** A digest of the year's records as the build wrote them. */
	digest: string;
	forms: string[];
	written: string[];
	words: ReturnType<WordCounts['entries']>;
}

/** The kept surveys, valid for one version of the search code (`key`). */
interface SurveyFile {
	key: string;
	years: Record<string, YearSurvey>;
}

/** A language's survey: its vocabulary and words, and per year its articles and its key. */
export interface LanguageSurvey {
	vocabulary: Vocabulary;
	words: WordCounts;
	pages: number;
	/** Articles by year, in the order the records first show each year. */
	articles: Map<string, number>;
	/** Per year, a digest of its records with the related forms the vocabulary gives them. */
	keys: Map<string, string>;
	/** The years surveyed in this build (the others were read back). */
	surveyed: string[];
}

/** Where a language's records come from: read afresh for each pass, so that no pass holds them all. */
export type RecordSource = () => Iterable<SearchRecord> | AsyncIterable<SearchRecord>;

/**
 * Surveys a language's records: a pass that counts and digests them by year, then a pass over
 * the records of the years that `file` (when given) does not hold for these digests; `force`
 * surveys every year. The surveys are written to `file` for the next build.
 */
export async function surveyLanguage(
	source: RecordSource,
	file: string | undefined,
	key: string,
	force = false,
): Promise<LanguageSurvey> {
	const digests = new Map<string, Hash>();
	const articles = new Map<string, number>();
	for await (const record of source()) {
		const year = yearOf(record);
		if (!digests.has(year)) digests.set(year, createHash('sha256'));
		digests.get(year)!.update(`${JSON.stringify(record)}\n`);
		articles.set(year, (articles.get(year) ?? 0) + 1);
	}
	const byYear = new Map([...digests].map(([year, digest]) => [year, digest.digest('hex')]));
	const kept = file && !force ? await readSurveys(file, key) : {};
	const surveyed = [...byYear]
		.filter(([year, digest]) => kept[year]?.digest !== digest)
		.map(([year]) => year);
	const fresh = await surveyYears(source, surveyed, byYear);
	const years = new Map([...byYear.keys()].map((year) => [year, fresh.get(year) ?? kept[year]!]));
	const same = surveyed.length === 0 && Object.keys(kept).length === years.size;
	if (file && !same) await writeSurveys(file, { key, years: Object.fromEntries(years) });

	const vocabulary = new Vocabulary();
	const words = new WordCounts();
	for (const year of years.values()) {
		for (const form of year.forms) vocabulary.forms.add(form);
		for (const word of year.written) vocabulary.written.add(word);
		words.merge(year.words);
	}
	const keys = new Map([...years].map(([year, survey]) => [year, yearKey(survey, vocabulary)]));
	const pages = [...articles.values()].reduce((sum, count) => sum + count, 0);
	return { vocabulary, words, pages, articles, keys, surveyed };
}

/** Surveys the records of `years`, one pass over the records. */
async function surveyYears(
	source: RecordSource,
	years: string[],
	digests: Map<string, string>,
): Promise<Map<string, YearSurvey>> {
	const found = new Map<string, { vocabulary: Vocabulary; words: WordCounts }>();
	if (years.length > 0) {
		for (const year of years) found.set(year, { vocabulary: new Vocabulary(), words: new WordCounts() });
		for await (const record of source()) {
			const survey = found.get(yearOf(record));
			if (!survey) continue;
			survey.vocabulary.add(record.content);
			survey.words.add(`${record.meta.title}\n${originalText(record.content)}`);
		}
	}
	return new Map(
		[...found].map(([year, { vocabulary, words }]) => [
			year,
			{
				digest: digests.get(year)!,
				forms: [...vocabulary.forms],
				written: [...vocabulary.written],
				words: words.entries(),
			},
		]),
	);
}

/**
 * A year's key: its records' digest and, for each of its forms, the related forms the whole
 * vocabulary gives it, which is all that `Vocabulary.expand` adds to its records.
 */
function yearKey(survey: YearSurvey, vocabulary: Vocabulary): string {
	const digest = createHash('sha256').update(survey.digest);
	for (const form of survey.forms) digest.update(`${form}\t${vocabulary.related(form).join(' ')}\n`);
	return digest.digest('hex');
}

/** The kept surveys for `key`; none when the file is missing, unreadable or of other code. */
async function readSurveys(file: string, key: string): Promise<Record<string, YearSurvey>> {
	try {
		const kept = JSON.parse(await readFile(file, 'utf8')) as SurveyFile;
		return kept.key === key ? kept.years : {};
	} catch {
		return {};
	}
}

/** Writes the surveys beside `file`, then renames it into place: a write cut short is never read. */
async function writeSurveys(file: string, surveys: SurveyFile): Promise<void> {
	await mkdir(dirname(file), { recursive: true });
	await writeFile(`${file}.${process.pid}`, JSON.stringify(surveys));
	await rename(`${file}.${process.pid}`, file);
}
