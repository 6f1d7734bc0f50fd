import { describe, expect, test } from 'vitest';
import { articleFrontmatterSchema } from '#src/schemas/article.ts';
import { excerpt, highlight } from '#src/search/excerpt.ts';
import { readSearchParams, searchQueryString } from '#src/search/params.ts';
import { dayIn, htmlToText, searchRecord, searchRecordSchema } from '#src/search/records.ts';
import { originalText, queryWords, TERM_END } from '#src/search/text.ts';
import { arabicQueries, englishQueries } from '../../fixtures/search-corpus/queries.ts';
import { searchCorpus } from '../../helpers/search-quality.ts';

const marked = (segments: { text: string; match: boolean }[]) =>
	segments.filter((segment) => segment.match).map((segment) => segment.text);

describe('highlights and excerpts', () => {
	test('the matched words are highlighted as written, diacritics and all', () => {
		const text = 'قال الوزيرُ إن وزير المالية والوزراء سيجتمعون، وإن الوزيرة غائبة.';
		expect(marked(highlight(text, queryWords('وزير')))).toEqual(['الوزيرُ', 'وزير', 'والوزراء']);
	});

	test('highlighting keeps every character of the text, markup included, as text', () => {
		const text = 'قال <b>الوزير</b> & «النواب»';
		expect(
			highlight(text, queryWords('الوزير'))
				.map((segment) => segment.text)
				.join(''),
		).toBe(text);
	});

	test('an excerpt is cut around the densest run of matches, with ellipses', () => {
		const filler = 'كلام عادي لا شيء فيه. '.repeat(30);
		const text = `${filler}هنا البرتقال والبرتقال في الأسواق. ${filler}`;
		const segments = excerpt(text, queryWords('البرتقال'), 20);
		expect(segments[0]!.text).toBe('… ');
		expect(segments.at(-1)!.text).toBe(' …');
		expect(marked(segments)).toEqual(['البرتقال', 'والبرتقال']);
	});

	test('without a match, the excerpt is the opening words', () => {
		const segments = excerpt('واحد اثنان ثلاثة أربعة', ['غير'], 2);
		expect(segments.map((segment) => segment.text).join('')).toBe('واحد اثنان …');
	});
});

describe('search records', () => {
	const record = searchRecord({
		url: '/news/budget/',
		title: 'الوزير يعرض الموازنة',
		summary: 'ملخص الخبر',
		html: '<p>قال <strong>الوزير</strong> &amp; النواب &lt;غاضبون&gt;</p><ul><li>بند</li></ul>',
		date: new Date('2022-01-10T22:30:00Z'),
		category: 'economy',
		image: '/_astro/x.webp',
		timeZone: 'Asia/Riyadh',
	});

	test('the record is valid, analysed for search, and carries the original text for excerpts', () => {
		expect(searchRecordSchema.parse(record)).toEqual(record);
		expect(
			record.content.startsWith(['وزير', 'يعرض', 'موازنه'].map((form) => form + TERM_END).join(' ')),
		).toBe(true);
		expect(originalText(record.content)).toBe('ملخص الخبر\nقال الوزير & النواب <غاضبون>\nبند');
	});

	test('day, year and sort key are in the newsroom time zone, in Latin digits', () => {
		expect(record.meta.day).toBe('20220111');
		expect(record.filters).toEqual({ section: ['economy'], year: ['2022'] });
		expect(record.sort.date).toBe('2022-01-10T22:30:00.000Z');
		expect(dayIn(new Date('2022-12-31T21:30:00Z'), 'Asia/Riyadh')).toBe('2023-01-01');
	});

	test('metadata holds nothing a query could match but the title', () => {
		expect(Object.keys(record.meta).sort()).toEqual(['day', 'image', 'title']);
	});

	test('HTML to text decodes entities and drops tags and scripts', () => {
		expect(htmlToText('<p>a &#x41; &#66; &quot;c&quot;</p><script>alert(1)</script><p>d<br>e</p>')).toBe(
			'a A B "c"\nd\ne',
		);
	});
});

describe('the search in the URL', () => {
	const sections = ['economy', 'politics'];

	test.each([
		['?q=الوزير', { q: 'الوزير', section: '', year: '', sort: '' }],
		['?q=x&section=economy&year=2022&sort=date', { q: 'x', section: 'economy', year: '2022', sort: 'date' }],
		['?q=x&section=nope&year=20222&sort=random', { q: 'x', section: '', year: '', sort: '' }],
		['', { q: '', section: '', year: '', sort: '' }],
	])('%s', (query, expected) => {
		expect(readSearchParams(new URLSearchParams(query), sections)).toEqual(expected);
	});

	test('a long query is cut to 200 characters', () => {
		expect(readSearchParams(new URLSearchParams({ q: 'و'.repeat(1000) }), sections).q).toHaveLength(200);
	});

	test('the query string leaves out empty fields and round-trips', () => {
		const search = { q: 'وزير الخارجية', section: 'politics', year: '', sort: 'date' } as const;
		const query = searchQueryString(search);
		expect(query).not.toContain('year');
		expect(readSearchParams(new URLSearchParams(query), sections)).toEqual(search);
	});
});

describe('the labelled corpus', () => {
	test('is large enough, and every article passes the article schema', () => {
		expect(arabicQueries.length).toBeGreaterThanOrEqual(60);
		expect(englishQueries.length).toBeGreaterThanOrEqual(20);
		const articles = [...searchCorpus('ar'), ...searchCorpus('en')];
		expect(articles.length).toBeGreaterThanOrEqual(40);
		for (const article of articles)
			expect(articleFrontmatterSchema.safeParse(article.data).error?.issues, article.file).toBeUndefined();
	});

	test('every labelled slug exists in its language', () => {
		for (const [locale, queries] of [
			['ar', arabicQueries],
			['en', englishQueries],
		] as const) {
			const slugs = new Set(searchCorpus(locale).map((article) => article.slug));
			for (const { find, notFind = [] } of queries)
				for (const slug of [...find, ...notFind]) expect(slugs, slug).toContain(slug);
		}
	});
});
