import { textWords, type TextWord } from './text.ts';

/**
 * Excerpts and highlights in the original text. A word is highlighted when one of its analysed
 * forms is a query word, which is exactly what made Pagefind match it; the reader sees the
 * words as written, never the analysed forms.
 */

/** A run of original text, highlighted or not. Rendered as text nodes, never as HTML. */
export interface Segment {
	text: string;
	match: boolean;
}

/** The whole text in segments, with every word that matches the query highlighted. */
export function highlight(text: string, queryWords: string[]): Segment[] {
	return segments(text, 0, text.length, matchingWords(textWords(text), queryWords));
}

/**
 * About `length` words of the text around its densest run of matches, with an ellipsis where
 * text was cut. Without any match, the opening words.
 */
export function excerpt(text: string, queryWords: string[], length = 30): Segment[] {
	const words = textWords(text);
	if (words.length === 0) return [];
	const matches = matchingWords(words, queryWords);
	const hits = words.map((word) => (matches.has(word) ? 1 : 0));
	let best = 0;
	let bestCount = -1;
	let count = 0;
	for (let end = 0; end < words.length; end++) {
		count += hits[end]!;
		if (end >= length) count -= hits[end - length]!;
		const start = Math.max(0, end - length + 1);
		if (count > bestCount) {
			bestCount = count;
			best = start;
		}
	}
	// Start a few words before the first match, so it has context.
	const firstHit = hits.indexOf(1, best);
	const start = firstHit < 0 ? 0 : Math.max(0, Math.min(best, firstHit - 4));
	const last = Math.min(words.length, start + length) - 1;
	const from = start === 0 ? 0 : words[start]!.start;
	const to = last === words.length - 1 ? text.length : words[last]!.end;
	const result = segments(text, from, to, matches);
	if (start > 0) result.unshift({ text: '… ', match: false });
	if (to < text.length) result.push({ text: ' …', match: false });
	return result;
}

function matchingWords(words: TextWord[], queryWords: string[]): Set<TextWord> {
	const wanted = new Set(queryWords);
	return new Set(words.filter((word) => word.forms.some((form) => wanted.has(form))));
}

/** `text` from `from` to `to`, split at the matched words, with line breaks as spaces. */
function segments(text: string, from: number, to: number, matches: Set<TextWord>): Segment[] {
	const result: Segment[] = [];
	let at = from;
	const push = (end: number, match: boolean) => {
		if (end > at) result.push({ text: text.slice(at, end).replace(/\s+/g, ' '), match });
		at = end;
	};
	for (const word of [...matches].sort((a, b) => a.start - b.start)) {
		if (word.start < from || word.end > to) continue;
		push(word.start, false);
		push(word.end, true);
	}
	push(to, false);
	return result;
}
