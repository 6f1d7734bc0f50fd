import { describe, expect, test } from 'vitest';
import { articleFrontmatterSchema } from '#src/schemas/article.ts';
import { categorySchema } from '#src/schemas/category.ts';
import { siteSettingsSchema } from '#src/schemas/settings.ts';

const good = {
	title: 'قاسم توكاييف: ما حصل في كازاخستان محاولة انقلاب',
	date: '2022-01-10T12:00:00+03:00',
	category: 'world',
};

/** The first problem zod reports, as "field: message". */
function problem(input: unknown): string {
	const result = articleFrontmatterSchema.safeParse(input);
	if (result.success) return 'accepted';
	const [issue] = result.error.issues;
	return `${issue!.path.join('.')}: ${issue!.message}`;
}

describe('article front matter', () => {
	test('accepts the required fields and fills the defaults', () => {
		const article = articleFrontmatterSchema.parse(good);
		expect(article.date.toISOString()).toBe('2022-01-10T09:00:00.000Z');
		expect(article).toMatchObject({ tags: [], featured: false, breaking: false, draft: false });
	});

	test('accepts every optional field', () => {
		const article = articleFrontmatterSchema.parse({
			...good,
			summary: 'ملخص',
			tags: ['كازاخستان', 'روسيا'],
			author: 'newsroom',
			source: 'وكالات',
			image: '../../media/a.jpg',
			imageAlt: 'صورة',
			imageCaption: 'تعليق',
			featured: true,
			breaking: true,
			draft: true,
			updated: new Date('2022-01-11T00:00:00Z'),
		});
		expect(article.updated?.toISOString()).toBe('2022-01-11T00:00:00.000Z');
		expect(article.tags).toEqual(['كازاخستان', 'روسيا']);
	});

	test('takes a date that YAML already parsed', () => {
		expect(
			articleFrontmatterSchema.parse({ ...good, date: new Date('2022-01-10T09:00:00Z') }).date.getTime(),
		).toBe(Date.UTC(2022, 0, 10, 9));
	});

	test.each([
		['a missing title', { ...good, title: undefined }, /^title: /],
		['an empty title', { ...good, title: '   ' }, /^title: is required/],
		['a missing date', { ...good, date: undefined }, /^date: must be an ISO 8601 date/],
		[
			'a date without a time zone',
			{ ...good, date: '2022-01-10T12:00:00' },
			/^date: must be an ISO 8601 date/,
		],
		['a date alone', { ...good, date: '2022-01-10' }, /^date: must be an ISO 8601 date/],
		['an impossible time', { ...good, date: '2022-02-01T25:00:00Z' }, /^date: must be an ISO 8601 date/],
		[
			'a day that does not exist',
			{ ...good, date: '2022-02-30T10:00:00Z' },
			/^date: must be an ISO 8601 date/,
		],
		['a missing category', { ...good, category: undefined }, /^category: /],
		['a category that is not an id', { ...good, category: 'دولي' }, /^category: must be lower-case ASCII/],
		['tags that are not a list', { ...good, tags: 'روسيا' }, /^tags: /],
		['a flag that is not a boolean', { ...good, featured: 'yes' }, /^featured: /],
		['a field the model does not have', { ...good, subtitle: 'x' }, /subtitle/],
	])('rejects %s with the field named', (_name, input, expected) => {
		expect(problem(input)).toMatch(expected);
	});

	test("hands the pictures of a live update's text to the image schema, and a text without any gives none", () => {
		const update = (body: string) => ({ date: '2022-01-10T13:00:00+03:00', body });
		const article = articleFrontmatterSchema.parse({
			...good,
			live: { updates: [update('نص\n\n![قبة](../../media/dome.jpg)'), update('نص بلا صورة')] },
		});
		expect(article.live!.updates.map((item) => item.pictures)).toEqual([['../../media/dome.jpg'], []]);
		expect(
			problem({ ...good, live: { updates: [{ ...update('نص'), pictures: 'x.jpg', extra: 1 }] } }),
		).toMatch(/extra|Unrecognized/);
	});
});

describe('categories and settings', () => {
	test('a category needs both names and an order', () => {
		expect(categorySchema.safeParse({ name: { ar: 'دولي', en: 'World' }, order: 2 }).success).toBe(true);
		expect(categorySchema.safeParse({ name: { ar: 'دولي' }, order: 2 }).success).toBe(false);
		expect(categorySchema.safeParse({ name: { ar: 'دولي', en: 'World' } }).success).toBe(false);
	});

	test('settings need a real URL and a real time zone', () => {
		const settings = {
			name: { ar: 'أ', en: 'A' },
			tagline: { ar: 'ب', en: 'B' },
			url: 'https://a.example',
			timeZone: 'Asia/Riyadh',
		};
		expect(siteSettingsSchema.safeParse(settings).success).toBe(true);
		expect(siteSettingsSchema.safeParse({ ...settings, url: 'a.example' }).success).toBe(false);
		expect(siteSettingsSchema.safeParse({ ...settings, timeZone: 'Mars/Olympus' }).success).toBe(false);
	});
});
