import { foldArabic, normaliseArabic } from './arabic-analyser.ts';
import type { CountedWord } from './search-suggest.ts';

/**
 * What the search page does when a query word is not in the index as it is: first a related
 * form that the index has (a plural's singular, a verb's noun, a place's adjective: see
 * `arabic-related.ts`), then, if a word has none, a "did you mean" query. Both modules load
 * only when needed, so a query whose words are all in the index costs nothing more.
 */

/** Folder of "did you mean"'s word lists inside a language's search bundle (`words/<length>.json`). */
export const WORDS_FOLDER = 'words';

/** How many articles have an analysed form (as `exactQuery` finds them). */
export type CountForm = (form: string) => Promise<number>;

/** The query words as the index has them; `missing` are those with neither themselves nor a related form in it. */
export interface ResolvedWords {
	words: string[];
	missing: string[];
}

const ARABIC_FORM = /^[\u0621-\u064A]+$/;

/**
 * A word as spelled, to compare spellings: normalised and folded, without the article and its
 * compounds, lower-case. Not the analysed form: «الأطباء» is spelled «اطباء», analysed «طبيب».
 */
export function spellingKey(word: string): string {
	const folded = foldArabic(normaliseArabic(word).toLowerCase());
	return folded.replace(/^(و|ف)?(ال|بال|كال|لل)(?=.{3})/, '');
}

/**
 * Each word itself when the index has it, else the related form most articles have, unless a
 * rival word is there, in the index or in the `query` as typed (a reader who types «مكاتب» means
 * offices, never «مكتبة», a library).
 */
export async function resolveWords(words: string[], count: CountForm, query = ''): Promise<ResolvedWords> {
	const typed = new Set((normaliseArabic(query).match(/[\u0621-\u064A]+/g) ?? []).map(spellingKey));
	const rivalled: CountForm = async (form) => (typed.has(form) ? 1 : count(form));
	const resolved = await Promise.all(
		words.map(async (word) => ((await count(word)) > 0 ? word : relatedInIndex(word, count, rivalled))),
	);
	return {
		words: resolved.filter((word): word is string => word !== undefined),
		missing: words.filter((_, at) => resolved[at] === undefined),
	};
}

async function relatedInIndex(
	word: string,
	count: CountForm,
	rivalled: CountForm,
): Promise<string | undefined> {
	if (!ARABIC_FORM.test(word)) return undefined;
	const { relatedCandidates } = await import('./arabic-related.ts');
	let best: { form: string; articles: number } | undefined;
	for (const candidate of relatedCandidates(word)) {
		const articles = await count(candidate.form);
		if (articles === 0 || (best && articles <= best.articles)) continue;
		if (candidate.unless && (await someCounted(candidate.unless, rivalled))) continue;
		if (candidate.requires && !(await someCounted(candidate.requires, count))) continue;
		best = { form: candidate.form, articles };
	}
	return best?.form;
}

async function someCounted(forms: string[], count: CountForm): Promise<boolean> {
	for (const form of forms) if ((await count(form)) > 0) return true;
	return false;
}

/** The word lists of the lengths near each query word that is missing, read once each. */
async function wordsNear(
	query: string,
	missing: string[],
	readList: (length: number) => Promise<CountedWord[]>,
): Promise<CountedWord[]> {
	const { lengthsNear } = await import('./search-suggest.ts');
	const { textWords } = await import('./text.ts');
	const typed = textWords(query)
		.filter((word) => word.primaries.some((primary) => missing.includes(primary)))
		.map((word) => query.slice(word.start, word.end));
	const lengths = [...new Set(typed.flatMap(lengthsNear))];
	return (await Promise.all(lengths.map(readList))).flat();
}

/** A corrected query for a search that found nothing because of `missing` words; undefined when nothing is close. */
export async function suggestQuery(
	query: string,
	missing: string[],
	readList: (length: number) => Promise<CountedWord[]>,
): Promise<string | undefined> {
	if (missing.length === 0) return undefined;
	const { correctedQuery } = await import('./search-suggest.ts');
	return correctedQuery(query, missing, await wordsNear(query, missing, readList));
}
