import { describe, expect, test } from 'vitest';
import { spellingKey, suggestQuery } from '#src/search/fallback.ts';
import {
	closestWord,
	correctedQuery,
	lengthsNear,
	spellingDistance,
	WordCounts,
	type CountedWord,
} from '#src/search/search-suggest.ts';
import { queryWords } from '#src/search/text.ts';

describe('an edit distance that knows Arabic spelling', () => {
	test.each([
		['a hamza seat', 'مسالة', 'مسءلة', 0.3],
		['a doubled letter', 'البحرين', 'الببحرين', 0.3],
		['a dropped long vowel', 'كازاخستان', 'كازخستان', 0.5],
		['a dropped hamza', 'خبراء', 'خبرا', 0.7],
		['letters told apart by a dot', 'ضابط', 'ظابط', 0.5],
		['swapped letters', 'سفارة', 'سافرة', 0.7],
		['any other letter', 'كتاب', 'كلاب', 1],
		['the same spelling', 'وزير', 'وزير', 0],
	])('%s: «%s» / «%s» is %f', (_, a, b, distance) => {
		expect(spellingDistance(spellingKey(a), spellingKey(b))).toBeCloseTo(distance);
	});
});

const words: CountedWord[] = [
	['كازاخستان', 3],
	['كازينو', 9],
	['الأطباء', 4],
	['قبل', 40],
	['القبائل', 2],
	['الوزير', 12],
];

describe('the closest word of the index', () => {
	test.each([
		['a dropped vowel', 'كازخستان', 'كازاخستان'],
		['as written, not as analysed: «الأطباء» is not looked up as «طبيب»', 'أطبباء', 'الأطباء'],
		['a missing hamza seat before a shorter frequent word', 'قبئل', 'القبائل'],
		['with the article on one side only', 'الوزيير', 'الوزير'],
	])('%s: «%s» → «%s»', (_, typed, expected) => {
		expect(closestWord(typed, words)).toBe(expected);
	});

	test('nothing close, nothing offered', () => {
		expect(closestWord('زبرجدستان', words)).toBeUndefined();
		expect(closestWord('كتب', words)).toBeUndefined();
	});
});

describe('the corrected query', () => {
	test('only the missing words change; the others stay as typed', () => {
		expect(correctedQuery('الرئيس في كازخستان', queryWords('كازخستان'), words)).toBe('الرئيس في كازاخستان');
	});

	test('no suggestion when one missing word has nothing close', () => {
		expect(correctedQuery('كازخستان زبرجدستان', queryWords('كازخستان زبرجدستان'), words)).toBeUndefined();
	});

	test('no suggestion when nothing is missing', async () => {
		expect(await suggestQuery('الوزير', [], async () => words)).toBeUndefined();
	});

	test('reads only the word lists of lengths near the typed word', async () => {
		const read: number[] = [];
		const corrected = await suggestQuery('كازخستان', queryWords('كازخستان'), async (length) => {
			read.push(length);
			return words;
		});
		expect(corrected).toBe('كازاخستان');
		expect(read.sort((a, b) => a - b)).toEqual(lengthsNear('كازخستان'));
		expect(read).toEqual([6, 7, 8, 9, 10]);
	});
});

describe('the word lists written beside the index', () => {
	test('each spelling once, as most often written, without the article compounds, most frequent first', () => {
		const counts = new WordCounts();
		counts.add('قال الوزير إن الوزير وبالوزير ووزير 2022 في المناطق وبالمناطق');
		const files = counts.files();
		expect(files.get(4)).toEqual([['الوزير', 3]]);
		expect(files.get(5)).toEqual([
			['المناطق', 2],
			['ووزير', 1],
		]);
		expect(files.get(3)).toEqual([['قال', 1]]);
		expect(files.get(30)).toEqual([]);
		expect([...files.keys()].every((length) => length >= 3)).toBe(true);
		expect([...files.values()].flat().some(([word]) => /\d/.test(word))).toBe(false);
	});
});
