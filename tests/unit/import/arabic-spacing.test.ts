import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { normaliseArabicSpacing } from '#src/import/arabic-spacing.ts';

/** The text without any white space: what the rules must never change. */
const ink = (text: string) => text.replace(/\s/gu, '');

describe('spacing around Arabic punctuation', () => {
	test.each([
		['no space before a comma', 'قاسم توكاييف ، أن', 'قاسم توكاييف، أن'],
		['no space before, one after a colon', 'وبوتين :لن نسمح', 'وبوتين: لن نسمح'],
		['the issue title', 'محاولة انقلاب ..وبوتين :لن نسمح', 'محاولة انقلاب.. وبوتين: لن نسمح'],
		['question mark and semicolon', 'لماذا ؟هل ؛ربما', 'لماذا؟ هل؛ ربما'],
		['an ellipsis character', 'انتظر …ثم', 'انتظر… ثم'],
		['a lone waw joins the next word', 'و أكد الرئيس', 'وأكد الرئيس'],
		['a lone waw after punctuation', 'قال، و أضاف', 'قال، وأضاف'],
		['double spaces inside a line', 'قال  الرئيس', 'قال الرئيس'],
	])('%s', (_name, input, expected) => {
		expect(normaliseArabicSpacing(input)).toBe(expected);
	});

	test.each([
		['a word ending in waw keeps its space', 'قالوا أن', 'قالوا أن'],
		['decimals and times', 'ارتفع 3.4 في المئة عند 10:30', 'ارتفع 3.4 في المئة عند 10:30'],
		['links', 'الرابط https://example.com/a:b', 'الرابط https://example.com/a:b'],
		['Latin text', 'He said : no , and left', 'He said : no , and left'],
		['a single full stop before a word', 'انتهى.ثم', 'انتهى.ثم'],
		['already right', 'قاسم توكاييف: ما حصل', 'قاسم توكاييف: ما حصل'],
	])('leaves alone: %s', (_name, input, expected) => {
		expect(normaliseArabicSpacing(input)).toBe(expected);
	});

	test('is idempotent', () => {
		const once = normaliseArabicSpacing('و أكد توكاييف ، أن ..وبوتين :لن');
		expect(normaliseArabicSpacing(once)).toBe(once);
	});

	test('touches only spaces, on the whole seed', () => {
		const seed = readFileSync(
			fileURLToPath(new URL('../../../seeds/000_05359316afc88e59.txt', import.meta.url)),
			'utf8',
		);
		const lines = seed.split('\n');
		const normalised = lines.map(normaliseArabicSpacing);
		for (const [index, line] of lines.entries()) expect(ink(normalised[index]!)).toBe(ink(line));
		const text = normalised.join('\n');
		expect(text).not.toMatch(/\p{Script=Arabic} +[،؛؟:]/u);
		expect(text).not.toMatch(/(^|\s)و (?=\p{Script=Arabic})/mu);
		expect(text).toContain('محاولة انقلاب.. وبوتين: لن نسمح');
		expect(text).toContain('وأكد الرئيس الكازاخستاني قاسم توكاييف، أن');
	});

	test('(the ink check catches a rule that changes more than spaces)', () => {
		expect(ink('توكاييف،')).not.toBe(ink('توكاييف,'));
	});
});
