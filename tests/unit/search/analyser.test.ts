import { describe, expect, test } from 'vitest';
import { foldArabic, normaliseArabic } from '#src/search/arabic-analyser.ts';
import { englishSingular } from '#src/search/english-analyser.ts';
import { exactQuery, indexedText, pagefindQuery, queryWords, textWords, TERM_END } from '#src/search/text.ts';

/** Whether a search for `query` finds `text`: every query word is a form of some word of the text, as Pagefind sees it. */
function finds(text: string, query: string): boolean {
	const forms = new Set(textWords(text).flatMap((word) => word.forms));
	const words = queryWords(query);
	return words.length > 0 && words.every((word) => forms.has(word));
}

describe('normalisation', () => {
	test.each([
		['diacritics', 'مُسْتَشْفًى', 'مستشفي'],
		['tatweel', 'وزيـــر', 'وزير'],
		['shadda and dagger alef', 'هٰذَا المُدَرِّس', 'هذا المدرس'],
		['invisible characters', 'و\u200dز\u200bي\u200fر\u061c\ufeff', 'وزير'],
		['bidi isolates', '\u2067بيروت\u2069', 'بيروت'],
		['presentation forms (NFKC before folding)', 'ﻻ ﺑﻴﺮﻭﺕ', 'لا بيروت'],
		['alef wasla', 'ٱلحمد', 'الحمد'],
		['alef maqsura', 'مستشفى', 'مستشفي'],
		['Persian yeh and keheh', 'کتابی', 'كتابي'],
		['Arabic-Indic digits', '٢٠٢٢', '2022'],
		['Extended Arabic-Indic digits', '۲۰۲۲', '2022'],
	])('%s', (_, input, expected) => {
		expect(normaliseArabic(input)).toBe(expected);
	});

	test.each([
		['أإآ to ا', 'أإآ', 'ااا'],
		['ؤ and ئ to ء', 'مسؤول مسئول', 'مسءول مسءول'],
		['ة to ه', 'مدرسة', 'مدرسه'],
		['old spelling of a final hamza', 'شاطيء', 'شاطء'],
	])('fold: %s', (_, input, expected) => {
		expect(foldArabic(input)).toBe(expected);
	});
});

/** Pairs a reader expects to meet: [text, query]. */
const meets: [string, string, string][] = [
	['the article, either way', 'وزير', 'الوزير'],
	['the article, either way', 'الوزير', 'وزير'],
	['و before ال', 'والبرتقال', 'البرتقال'],
	['و before ال, reversed', 'البرتقال', 'والبرتقال'],
	['ف before ال', 'فالحكومة', 'الحكومة'],
	['بال', 'بالمدرسة', 'مدرسة'],
	['كال', 'كالعادة', 'العادة'],
	['لل', 'للحكومة', 'حكومة'],
	['و and لل', 'وللحكومة', 'الحكومة'],
	['a lone و prefix', 'ووزير', 'وزير'],
	['a lone ب prefix', 'بفلسطين', 'فلسطين'],
	['a lone ل prefix', 'لبيروت', 'بيروت'],
	['و then ب', 'وبغداد', 'بغداد'],
	['a three-letter compound leaving two letters', 'بالحج', 'الحج'],
	['و as a root letter stays', 'وزير', 'وزير'],
	['ف as a root letter stays', 'فلسطين', 'فلسطين'],
	['ل as a root letter stays', 'لبنان', 'لبنان'],
	['ب as a root letter stays', 'بيروت', 'بيروت'],
	['hamza on waw and on yeh', 'مسئول', 'مسؤول'],
	['hamza on waw and on yeh, reversed', 'مسؤول', 'مسئول'],
	['hamza seats in a plural', 'الشئون', 'شؤون'],
	['alef with hamza above', 'أحمد', 'احمد'],
	['alef with hamza below', 'اسرائيل', 'إسرائيل'],
	['alef madda', 'الآلاف', 'آلاف'],
	['alef wasla', 'ٱلقدس', 'القدس'],
	['ة and ه', 'مدرسه', 'مدرسة'],
	['ة and ه, reversed', 'مدرسة', 'مدرسه'],
	['ى and ي', 'مستشفي', 'مستشفى'],
	['ى and ي, reversed', 'على', 'علي'],
	['diacritics in the text', 'الحُكُومَةُ', 'الحكومة'],
	['diacritics in the query', 'الحكومة', 'الحُكُومَة'],
	['tatweel in the text', 'الرئيـــس', 'الرئيس'],
	['tatweel in the query', 'الرئيس', 'الرئيـــس'],
	['Arabic-Indic and Latin digits', '٢٠٢٢', '2022'],
	['Latin and Arabic-Indic digits', '2022', '٢٠٢٢'],
	['a number glued to a letter', '2022م', '٢٠٢٢'],
	['thousands separators', '١٬٥٠٠', '1500'],
	['feminine singular finds its plural', 'سيارات', 'سيارة'],
	['feminine plural finds its singular', 'سيارة', 'سيارات'],
	['masculine singular finds its ات plural', 'المطارات', 'مطار'],
	['sound masculine plural, nominative', 'المسؤولون', 'مسؤول'],
	['sound masculine plural, oblique', 'المسؤولين', 'مسؤول'],
	['sound plural query finds the singular', 'مسؤول', 'المسؤولين'],
	['nisba plural finds the nisba', 'الفلسطينيين', 'الفلسطيني'],
	['dual', 'الوزيران', 'وزير'],
	['dual of a feminine noun', 'السيارتين', 'سيارة'],
	['a pronoun suffix', 'حكومتها', 'الحكومة'],
	['a pronoun suffix after a plural', 'سياراتهم', 'سيارات'],
	['a pronoun suffix on a masculine noun', 'رئيسها', 'رئيس'],
	['broken plural: مدينة/مدن', 'المدن', 'مدينة'],
	['broken plural: مدن/مدينة', 'المدينة', 'مدن'],
	['broken plural: مرض/أمراض', 'الأمراض', 'مرض'],
	['broken plural: شهر/أشهر', 'الأشهر', 'شهر'],
	['broken plural: طفل/أطفال', 'للأطفال', 'طفل'],
	['broken plural: سوق/أسواق', 'الأسواق', 'السوق'],
	['broken plural: وزير/وزراء', 'الوزراء', 'وزير'],
	['broken plural with a pronoun', 'أطفالهم', 'طفل'],
	['a final hamza written two ways', 'شيء', 'شئ'],
	['a word run into the next with a zero-width joiner', 'الحكو\u200dمة', 'الحكومة'],
	['ل and the article before a lam', 'للغة', 'اللغة'],
	['a feminine nisba for the masculine', 'الفلسطينية', 'الفلسطيني'],
	['broken plural: أسرة/أسر', 'الأسر', 'أسرة'],
];

/** Pairs a reader tells apart: [text, query]. */
const apart: [string, string, string][] = [
	['ball is not idea', 'فكرة', 'كرة'],
	['idea is not ball', 'الكرة', 'فكرة'],
	['committee is not paradise', 'اللجنة', 'جنة'],
	['the city is not sporting', 'الرياضي', 'الرياض'],
	['sporting is not the city', 'الرياض', 'الرياضي'],
	['village is not decision', 'القرار', 'قرية'],
	['mosque is not university', 'الجامعة', 'جامع'],
	['universities are not a mosque', 'الجامعات', 'جامع'],
	['university is not mosque', 'الجامع', 'جامعة'],
	['family is not prisoners', 'الأسرى', 'أسرة'],
	['prisoners are not family', 'أسرة', 'الأسرى'],
	['Bahrain is not sea', 'البحرين', 'بحر'],
	['fifty is not five', 'خمسين', 'خمسة'],
	['Lebanon is not yogurt', 'لبنان', 'لبن'],
	['a query word is not a prefix: وزير is not وزيرة', 'الوزيرة', 'وزير'],
	['a query word is not a prefix: مطار is not مطاردة', 'مطاردة', 'مطار'],
	['Palestinian is not Palestine', 'الفلسطيني', 'فلسطين'],
	['the query keeps its single letters: وزير does not become زير', 'زير', 'وزير'],
	['God is not «to him»', 'له', 'الله'],
	['card is not energy', 'بطاقة', 'الطاقة'],
	['the masculine nisba does not find the place', 'فلسطين', 'الفلسطيني'],
];

describe.each([
	['meets', meets, true],
	['apart', apart, false],
] as const)('%s', (_, cases, expected) => {
	test.each(cases)('%s: «%s» for the query «%s»', (_, text, query) => {
		expect(finds(text, query)).toBe(expected);
	});
});

describe('English', () => {
	test.each([
		['ministers', 'minister'],
		['countries', 'country'],
		['taxes', 'tax'],
		['churches', 'church'],
		['classes', 'class'],
		['cars', 'car'],
		["minister's", 'minister'],
		['ministers’', 'minister'],
		['women', 'woman'],
		['crises', 'crisis'],
		['news', 'news'],
		['virus', 'virus'],
		['crisis', 'crisis'],
		['bus', 'bus'],
		['series', 'series'],
		['days', 'day'],
	])('%s → %s', (word, singular) => {
		expect(englishSingular(word)).toBe(singular);
	});

	test.each([
		['Ministers', 'minister', true],
		['the minister', 'Ministers', true],
		['Café', 'cafe', true],
		['cargo', 'car', false],
		['election', 'elect', false],
		['news', 'new', false],
	])('«%s» for the query «%s»: %s', (text, query, expected) => {
		expect(finds(text, query)).toBe(expected);
	});
});

describe('queries', () => {
	test('stop words are left out when other words remain, kept when they are all there is', () => {
		expect(queryWords('وزير في الحكومة')).toEqual(['وزير', 'حكومه']);
		expect(queryWords('the minister of finance')).toEqual(['minister', 'finance']);
		expect(queryWords('في')).toEqual(['في']);
	});

	test.each([
		['only punctuation', '؟!، ... «» - — ()'],
		['only spaces', '   '],
		['only marks', 'ـــ ً ٌ'],
	])('%s gives no query', (_, query) => {
		expect(queryWords(query)).toEqual([]);
	});

	test('a long query is bounded', () => {
		expect(queryWords('وزير '.repeat(10) + 'كلمة'.repeat(1000)).length).toBeLessThanOrEqual(12);
		expect(queryWords(Array.from({ length: 300 }, (_, i) => `word${i}`).join(' '))).toHaveLength(12);
	});

	test('markup in a query is only words', () => {
		expect(queryWords('<img src=x onerror=alert(1)>')).toEqual(['img', 'src', 'x', 'onerror', 'alert', '1']);
	});

	test('each query word must end where the indexed form ends', () => {
		expect(pagefindQuery(['وزير', 'car'])).toBe(`وزير${TERM_END} car${TERM_END}`);
		expect(exactQuery('وزير')).toBe(`"وزير${TERM_END}"`);
	});
});

describe('indexed text', () => {
	test('every form of every word, each marked at its end', () => {
		expect(indexedText('قال الوزير، ووزير المالية: «لا».')).toBe(
			['قال', 'وزير', 'ووزير', 'وزير', 'ماليه', 'مالي', 'ماليات', 'لا']
				.map((form) => form + TERM_END)
				.join(' '),
		);
	});

	test('a word with no letters or digits has no form', () => {
		expect(indexedText('أ - ب ـ ج').split(' ')).toHaveLength(3);
	});

	test('words are found where they are in the original text', () => {
		const text = 'قال الوزيرُ: «لن نتراجع»';
		expect(textWords(text).map((word) => text.slice(word.start, word.end))).toEqual([
			'قال',
			'الوزيرُ',
			'لن',
			'نتراجع',
		]);
	});
});
