import { normaliseArabic } from './arabic-analyser.ts';
import { spellingKey } from './fallback.ts';
import { textWords } from './text.ts';

/**
 * "Did you mean": for a query word the index does not have, the closest word it has, by an edit
 * distance that knows Arabic spelling. The index's words are written beside it at build time,
 * one small file per length of the analysed word (`words/<length>.json`, most frequent first),
 * and the search page fetches the few lengths near the query's only when a search found nothing.
 */

/** Words kept per length: the most frequent, so a file stays a few tens of kilobytes at any size of site. */
const WORDS_PER_FILE = 4000;

/** A word of the index as the reader wrote it, and how often. */
export type CountedWord = [word: string, count: number];

/** The article's compounds, which a suggestion drops: «بالمناطق» is offered as «المناطق». */
const COMPOUND = /^[وف]?(بال|كال)|^[وف]ال/;

/** Counts the words of the indexed text by spelling (`spellingKey`), remembering how each is most often written. */
export class WordCounts {
	#bySpelling = new Map<string, Map<string, number>>();

	/** Adds every word of `text`. */
	add(text: string): void {
		for (const word of textWords(text)) {
			if (word.primaries.length !== 1 || /\d/.test(word.primaries[0]!)) continue;
			const written = normaliseArabic(text.slice(word.start, word.end)).replace(COMPOUND, 'ال');
			const key = spellingKey(written);
			if (lengthOf(key) < 3 || lengthOf(key) > LONGEST_LISTED) continue;
			const spellings = this.#bySpelling.get(key) ?? new Map<string, number>();
			spellings.set(written, (spellings.get(written) ?? 0) + 1);
			this.#bySpelling.set(key, spellings);
		}
	}

	/** The counts, to keep and `merge` later: each spelling key with its written forms and their counts, in the order first seen. */
	entries(): [key: string, spellings: [written: string, count: number][]][] {
		return [...this.#bySpelling].map(([key, spellings]) => [key, [...spellings]]);
	}

	/** Adds counts kept by `entries`, as if their words were added after those already counted. */
	merge(entries: [key: string, spellings: [written: string, count: number][]][]): void {
		for (const [key, counted] of entries) {
			const spellings = this.#bySpelling.get(key) ?? new Map<string, number>();
			for (const [written, count] of counted) spellings.set(written, (spellings.get(written) ?? 0) + count);
			this.#bySpelling.set(key, spellings);
		}
	}

	/** The word lists, by length of spelling: each spelling once, as it is most often written, most frequent first. */
	files(): Map<number, CountedWord[]> {
		const files = new Map<number, CountedWord[]>(
			Array.from({ length: LONGEST_LISTED - 2 }, (_, n) => [n + 3, []]),
		);
		for (const [key, spellings] of this.#bySpelling) {
			const [written] = [...spellings].sort((a, b) => b[1] - a[1])[0]!;
			const count = [...spellings.values()].reduce((sum, n) => sum + n, 0);
			files.get(lengthOf(key))!.push([written, count]);
		}
		for (const [length, list] of files)
			files.set(length, list.sort((a, b) => b[1] - a[1]).slice(0, WORDS_PER_FILE));
		return files;
	}
}

/** Length of a spelling key, in letters: the key of its word list. */
export function lengthOf(form: string): number {
	return [...form].length;
}

/** Word lists are written for every length from 3 to this, empty or not, so the page never asks for one that is missing. */
export const LONGEST_LISTED = 30;

/** The word-list lengths worth reading for a query word as typed: a letter or two either way. */
export function lengthsNear(word: string): number[] {
	const length = lengthOf(spellingKey(word));
	return [length - 2, length - 1, length, length + 1, length + 2].filter(
		(n) => n >= 3 && n <= LONGEST_LISTED,
	);
}

/** Letters a hamza may sit on, or stand for: «مسألة», «مسئلة», «مساله». */
const HAMZA_SEATS = new Set(['ا', 'ء', 'و', 'ي']);
/** Long vowels, easily dropped or added: «كازخستان» for «كازاخستان». */
const LONG_VOWELS = new Set(['ا', 'و', 'ي']);
/** Letters told apart by a dot or by dialect, which readers confuse. */
const CONFUSABLE = ['ضظ', 'ذز', 'ثس', 'صس', 'طت', 'تة', 'هة', 'دذ', 'قك', 'حه', 'ثت', 'ظز'].flatMap(
	(pair) => [pair, [...pair].reverse().join('')],
);

function substitution(a: string, b: string): number {
	if (a === b) return 0;
	if ((a === 'ء' || b === 'ء') && HAMZA_SEATS.has(a) && HAMZA_SEATS.has(b)) return 0.3;
	if (CONFUSABLE.includes(a + b)) return 0.5;
	return 1;
}

/** Dropping or adding a letter: cheap when it doubles its neighbour or is a long vowel; a hamza a little less so. */
function gap(letters: string[], at: number): number {
	const letter = letters[at]!;
	if (letters[at - 1] === letter || letters[at + 1] === letter) return 0.3;
	if (letter === 'ء') return 0.7;
	return LONG_VOWELS.has(letter) ? 0.5 : 1;
}

/** An edit distance between two analysed forms that knows Arabic misspellings; transposed letters cost 0.7. */
export function spellingDistance(from: string, to: string): number {
	const a = [...from];
	const b = [...to];
	const rows: number[][] = [[0]];
	for (let j = 1; j <= b.length; j++) rows[0]![j] = rows[0]![j - 1]! + gap(b, j - 1);
	for (let i = 1; i <= a.length; i++) {
		const row: number[] = [rows[i - 1]![0]! + gap(a, i - 1)];
		for (let j = 1; j <= b.length; j++) {
			let best = Math.min(
				rows[i - 1]![j]! + gap(a, i - 1),
				row[j - 1]! + gap(b, j - 1),
				rows[i - 1]![j - 1]! + substitution(a[i - 1]!, b[j - 1]!),
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				best = Math.min(best, rows[i - 2]![j - 2]! + 0.7);
			row.push(best);
		}
		rows.push(row);
	}
	return rows[a.length]![b.length]!;
}

/** How far a word of `length` letters may be from a suggestion: one slip in a short word, two in a long one. */
function allowed(length: number): number {
	return length <= 4 ? 1 : length <= 7 ? 1.5 : 2;
}

/** The index word closest to `typed` (a query word as the reader wrote it), most frequent on a tie; undefined when none is close. */
export function closestWord(typed: string, words: CountedWord[]): string | undefined {
	const key = spellingKey(typed);
	let best: { word: string; distance: number; count: number } | undefined;
	for (const [word, count] of words) {
		const other = spellingKey(word);
		if (other === key) continue;
		const distance = spellingDistance(key, other);
		if (distance > allowed(lengthOf(key))) continue;
		if (!best || distance < best.distance || (distance === best.distance && count > best.count))
			best = { word, distance, count };
	}
	return best?.word;
}

/**
 * The query with each of its `missing` words (analysed forms) replaced by the closest index
 * word, as the reader would type it; undefined when a missing word has nothing close.
 */
export function correctedQuery(query: string, missing: string[], words: CountedWord[]): string | undefined {
	let corrected = '';
	let at = 0;
	for (const word of textWords(query)) {
		if (!word.primaries.some((primary) => missing.includes(primary))) continue;
		const replacement = closestWord(query.slice(word.start, word.end), words);
		if (!replacement) return undefined;
		corrected += query.slice(at, word.start) + replacement;
		at = word.end;
	}
	return at === 0 ? undefined : (corrected + query.slice(at)).trim();
}
