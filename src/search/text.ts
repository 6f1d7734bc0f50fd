import { arabicWordForms, normaliseArabic } from './arabic-analyser.ts';
import { englishSingular, normaliseLatin } from './english-analyser.ts';

/**
 * What the search index holds and what a query becomes, and the way back from a match to the
 * words the reader sees. The same functions run at build time (indexing) and in the browser
 * (querying, highlighting), so both sides always agree.
 *
 * Pagefind is fed every form of every word of the original text. Each form ends in `TERM_END`,
 * and so does each query word. Pagefind matches a query word as a prefix of an indexed word;
 * the end mark turns that into an exact match of analysed forms, so «جامع» does not find
 * «جامعة» and «car» does not find «cargo». Pagefind also falls back to similar words when a
 * query word is not in the index at all, which the search page rules out by first looking each
 * word up exactly (`exactQuery`).
 */

/**
 * Marks the end of every indexed form and query term: a letter to Pagefind, and of a script
 * (Greek) that news in Arabic and English does not use. `_` would do too, but Pagefind indexes
 * words with `_` in them much more slowly (see docs/performance.md), and also matches `word_`
 * to a plain `word`.
 */
export const TERM_END = 'ζ';

/** Characters that belong to a word of the original text: letters, digits, marks, tatweel and invisible format characters. */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}\\u0640\\u00AD\\u061C\\u200B-\\u200F\\u2060\\uFEFF]';
/** A word of the original text; an apostrophe inside a word and a separator inside a number are part of it. */
const WORD = new RegExp(`${WORD_CHAR}+(?:(?:['’]|(?<=\\p{N})[.,٫٬](?=\\p{N}))${WORD_CHAR}+)*`, 'gu');
/** After normalisation: a number, a run of Arabic letters, or a run of other letters. */
const TOKEN =
	/\d+|[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9]+|(?:(?![\u0600-\u06FF\u0750-\u08FF])[\p{L}\p{M}'’])+/gu;
const ARABIC = /^[\u0600-\u06FF\u0750-\u08FF]/;

/** A word of the original text, where it is, and what it is indexed under. */
export interface TextWord {
	start: number;
	end: number;
	/** The forms a query word may match, without `TERM_END`. */
	forms: string[];
	/** The forms a query for this word looks for: one per token (a word such as «2022م» holds two). */
	primaries: string[];
}

/** Normalises one original word: digits to ASCII, thousands separators dropped; a decimal point parts two numbers. */
function normaliseWord(word: string): string {
	return normaliseArabic(word)
		.replace(/(?<=\d)[,٬](?=\d)/g, '')
		.replace(/(?<=\d)[.٫](?=\d)/g, ' ');
}

/** Analysed words, by original word: the same words come back in every article, and in every excerpt. */
const analysedWords = new Map<string, { forms: string[]; primaries: string[] }>();

/** The forms and primary forms of one original word; empty when nothing in it is searchable. */
export function analyseWord(word: string): { forms: string[]; primaries: string[] } {
	let analysed = analysedWords.get(word);
	if (!analysed) {
		if (analysedWords.size > 100_000) analysedWords.clear();
		analysed = analyseUncached(word);
		analysedWords.set(word, analysed);
	}
	return analysed;
}

function analyseUncached(word: string): { forms: string[]; primaries: string[] } {
	const forms = new Set<string>();
	const primaries: string[] = [];
	for (const token of normaliseWord(word).match(TOKEN) ?? []) {
		if (ARABIC.test(token)) {
			const analysed = arabicWordForms(token);
			primaries.push(analysed.primary);
			for (const form of analysed.forms) forms.add(form);
		} else {
			const form = /^\d/.test(token) ? token : englishSingular(normaliseLatin(token));
			if (!form) continue;
			primaries.push(form);
			forms.add(form);
		}
	}
	return { forms: [...forms], primaries };
}

/** Every searchable word of a text, in order, with its place in the text. */
export function textWords(text: string): TextWord[] {
	const words: TextWord[] = [];
	for (const match of text.matchAll(WORD)) {
		const analysed = analyseWord(match[0]);
		if (analysed.forms.length === 0) continue;
		words.push({ start: match.index, end: match.index + match[0].length, ...analysed });
	}
	return words;
}

/** The text Pagefind indexes for `text`: every form of every searchable word, in order. */
export function indexedText(text: string): string {
	return textWords(text)
		.flatMap((word) => word.forms.map((form) => form + TERM_END))
		.join(' ');
}

/** Words left out of a query that has other words: they would only narrow it («وزير في الحكومة»). */
const STOP_WORDS = new Set(
	[
		'في',
		'من',
		'على',
		'إلى',
		'الى',
		'عن',
		'مع',
		'أو',
		'او',
		'ثم',
		'أن',
		'إن',
		'ان',
		'هذا',
		'هذه',
		'ذلك',
		'تلك',
		'التي',
		'الذي',
		'الذين',
		'قد',
		'لا',
		'ما',
		'لم',
		'لن',
		'بين',
		'حتى',
		'كل',
		'عند',
		'منذ',
		'و',
		'the',
		'a',
		'an',
		'of',
		'in',
		'on',
		'at',
		'to',
		'for',
		'and',
		'or',
		'by',
		'with',
		'from',
		'is',
		'are',
		'was',
		'were',
		'be',
		'as',
		'that',
		'this',
		'it',
		'its',
	].flatMap((word) => analyseWord(word).primaries),
);

/** Longest query the search takes, in words: enough for any headline, bounded for a pasted article. */
export const MAX_QUERY_WORDS = 12;

/**
 * The analysed words of a reader's query, each once, without stop words unless nothing else is
 * left. Empty when the query has nothing searchable (only punctuation, say).
 */
export function queryWords(query: string): string[] {
	const words = [...new Set(textWords(query.slice(0, 2000)).flatMap((word) => word.primaries))];
	const content = words.filter((word) => !STOP_WORDS.has(word));
	return (content.length > 0 ? content : words).slice(0, MAX_QUERY_WORDS);
}

/** The query Pagefind runs for the analysed words: each an exact match of an indexed form. */
export function pagefindQuery(words: string[]): string {
	return words.map((word) => word + TERM_END).join(' ');
}

/** A Pagefind query that finds `word` only where it is indexed as it is, with no fallback to similar words. */
export function exactQuery(word: string): string {
	return `"${word}${TERM_END}"`;
}

/**
 * Separates the analysed slots from the original text in a record's content: the slots are
 * what queries match, the original text is where excerpts come from. An invisible separator,
 * which Pagefind does not index.
 */
export const ORIGINAL_TEXT = '\u2063';

/** The original text of a search result, from its content. */
export function originalText(content: string): string {
	const at = content.indexOf(ORIGINAL_TEXT);
	return at < 0 ? '' : content.slice(at + 1).trim();
}
