import { describe, expect, test } from 'vitest';
import { buildHead, type HeadInput, type HeadTag, type PageKind } from '#src/site/head.ts';
import type { Locale } from '#src/i18n/locales.ts';
import { breadcrumbList, liveBlogPosting, newsArticle, serializeJsonLd } from '#src/site/structured-data.ts';

const site = 'https://news.example.org';
const paths: Record<PageKind, Record<Locale, string>> = {
	home: { ar: '/', en: '/en/' },
	article: { ar: '/news/kazakhstan/', en: '/en/news/kazakhstan/' },
	archive: { ar: '/category/world/', en: '/en/category/world/' },
	page: { ar: '/about/', en: '/en/about/' },
	search: { ar: '/search/', en: '/en/search/' },
	notFound: { ar: '/404.html', en: '/en/404.html' },
};

function input(kind: PageKind, locale: Locale, translated: boolean): HeadInput {
	const other: Locale = locale === 'ar' ? 'en' : 'ar';
	return {
		locale,
		kind,
		siteName: locale === 'ar' ? 'الوسط' : 'Al Wasat',
		title: kind === 'home' ? undefined : 'عنوان & "اقتباس"',
		description: 'وصف الصفحة',
		url: site + paths[kind][locale],
		translationUrl: translated ? site + paths[kind][other] : undefined,
		image: { url: `${site}/social/${locale}.png`, alt: 'الوسط', width: 1200, height: 630, type: 'image/png' },
		article:
			kind === 'article'
				? {
						published: new Date('2022-01-10T09:00:00Z'),
						modified: new Date('2022-01-11T09:00:00Z'),
						section: 'دولي',
						tags: ['روسيا', 'كازاخستان'],
					}
				: undefined,
		feeds: [{ title: 'الوسط', url: `${site}/rss.xml` }],
		noindex: kind === 'notFound',
	};
}

const attr = (tags: HeadTag[], tag: string, key: string, value: string, want: string) =>
	tags.filter((t) => t.tag === tag && t.attrs[key] === value).map((t) => t.attrs[want]);

const kinds: PageKind[] = ['home', 'article', 'archive', 'page', 'search'];
const matrix = kinds.flatMap((kind) =>
	(['ar', 'en'] as const).flatMap((locale) =>
		[true, false].map((translated) => ({ kind, locale, translated })),
	),
);

describe.each(matrix)(
	'the head of a $locale $kind page (translated: $translated)',
	({ kind, locale, translated }) => {
		const tags = buildHead(input(kind, locale, translated));
		const own = site + paths[kind][locale];

		test('has one title, a description and an absolute canonical to itself', () => {
			expect(tags.filter((t) => t.tag === 'title')).toHaveLength(1);
			expect(attr(tags, 'meta', 'name', 'description', 'content')).toEqual(['وصف الصفحة']);
			expect(attr(tags, 'link', 'rel', 'canonical', 'href')).toEqual([own]);
			expect(attr(tags, 'meta', 'property', 'og:url', 'content')).toEqual([own]);
		});

		test('lists language alternates only when the translation exists, reciprocally, with x-default', () => {
			const alternates = tags.filter((t) => t.tag === 'link' && t.attrs.hreflang);
			if (!translated) {
				expect(alternates).toEqual([]);
				expect(attr(tags, 'meta', 'property', 'og:locale:alternate', 'content')).toEqual([]);
				return;
			}
			const other: Locale = locale === 'ar' ? 'en' : 'ar';
			const mine = Object.fromEntries(alternates.map((t) => [t.attrs.hreflang, t.attrs.href]));
			expect(mine).toEqual({
				ar: site + paths[kind].ar,
				en: site + paths[kind].en,
				'x-default': site + paths[kind].ar,
			});
			const theirs = buildHead(input(kind, other, true)).filter((t) => t.tag === 'link' && t.attrs.hreflang);
			expect(Object.fromEntries(theirs.map((t) => [t.attrs.hreflang, t.attrs.href]))).toEqual(mine);
			expect(attr(tags, 'meta', 'property', 'og:locale:alternate', 'content')).toEqual([
				locale === 'ar' ? 'en_US' : 'ar_AR',
			]);
		});

		test('has the Open Graph and Twitter tags, none empty', () => {
			for (const property of [
				'og:title',
				'og:type',
				'og:url',
				'og:image',
				'og:image:alt',
				'og:locale',
				'og:site_name',
			]) {
				expect(attr(tags, 'meta', 'property', property, 'content'), property).toHaveLength(1);
			}
			expect(attr(tags, 'meta', 'property', 'og:locale', 'content')).toEqual([
				locale === 'ar' ? 'ar_AR' : 'en_US',
			]);
			expect(attr(tags, 'meta', 'name', 'twitter:card', 'content')).toEqual(['summary_large_image']);
			expect(attr(tags, 'meta', 'property', 'twitter:card', 'content')).toEqual([]);
			for (const tag of tags) for (const value of Object.values(tag.attrs)) expect(value.trim()).not.toBe('');
		});

		test('marks articles as articles, with their dates, section, tags and large image previews', () => {
			const isArticle = kind === 'article';
			expect(attr(tags, 'meta', 'property', 'og:type', 'content')).toEqual([
				isArticle ? 'article' : 'website',
			]);
			expect(attr(tags, 'meta', 'name', 'robots', 'content')).toEqual(
				isArticle ? ['max-image-preview:large'] : [],
			);
			expect(attr(tags, 'meta', 'property', 'article:published_time', 'content')).toEqual(
				isArticle ? ['2022-01-10T09:00:00.000Z'] : [],
			);
			expect(attr(tags, 'meta', 'property', 'article:tag', 'content')).toEqual(
				isArticle ? ['روسيا', 'كازاخستان'] : [],
			);
		});

		test('advertises its feed', () => {
			expect(attr(tags, 'link', 'type', 'application/rss+xml', 'href')).toEqual([`${site}/rss.xml`]);
		});
	},
);

test('a not-found page is kept out of search engines and has no canonical', () => {
	const tags = buildHead(input('notFound', 'ar', false));
	expect(attr(tags, 'meta', 'name', 'robots', 'content')).toEqual(['noindex']);
	expect(attr(tags, 'link', 'rel', 'canonical', 'href')).toEqual([]);
});

describe('structured data', () => {
	const article = newsArticle({
		headline: '</script><script>alert(1)</script> & «عنوان»',
		url: `${site}/news/a/`,
		published: new Date('2022-01-10T09:00:00Z'),
		modified: new Date('2022-01-10T09:00:00Z'),
		images: [],
		section: 'دولي',
		tags: ['روسيا'],
		language: 'ar',
		publisher: { name: 'الوسط', url: site, logo: `${site}/logo.png` },
	});

	test('a headline cannot close the script element, and the data survives a round trip', () => {
		const json = serializeJsonLd([article, breadcrumbList([{ label: 'الرئيسية', url: `${site}/` }])]);
		expect(json).not.toMatch(/<\/script/i);
		expect(json).not.toContain('<');
		expect(JSON.parse(json)[0].headline).toBe('</script><script>alert(1)</script> & «عنوان»');
	});

	test('an article without an author names the publisher as its author', () => {
		expect(article.author).toEqual([
			expect.objectContaining({ '@type': 'NewsMediaOrganization', name: 'الوسط' }),
		]);
		expect(article).not.toHaveProperty('image');
		expect(article).toMatchObject({
			mainEntityOfPage: { '@id': `${site}/news/a/` },
			inLanguage: 'ar',
			keywords: 'روسيا',
		});
	});

	test('corrections are CorrectionComments with their times; an article without any has no correction', () => {
		expect(article).not.toHaveProperty('correction');
		const corrected = newsArticle({
			headline: 'خبر',
			url: `${site}/news/a/`,
			published: new Date('2022-01-10T09:00:00Z'),
			modified: new Date('2022-01-11T07:00:00Z'),
			images: [],
			section: 'دولي',
			tags: [],
			corrections: [{ date: new Date('2022-01-11T07:00:00Z'), text: 'صُحّح اسم الوزير.' }],
			language: 'ar',
			publisher: { name: 'الوسط', url: site, logo: `${site}/logo.png` },
		});
		expect(JSON.parse(serializeJsonLd(corrected))).toMatchObject({
			dateModified: '2022-01-11T07:00:00.000Z',
			correction: [
				{ '@type': 'CorrectionComment', text: 'صُحّح اسم الوزير.', datePublished: '2022-01-11T07:00:00.000Z' },
			],
		});
	});

	test('a live page is a LiveBlogPosting with its span and its updates as BlogPostings', () => {
		const input = {
			headline: 'تغطية مباشرة',
			url: `${site}/news/live/`,
			published: new Date('2026-11-29T04:00:00Z'),
			modified: new Date('2026-11-29T16:05:00Z'),
			images: [],
			section: 'محلي',
			tags: [],
			language: 'ar',
			publisher: { name: 'الوسط', url: site, logo: `${site}/logo.png` },
		};
		const update = {
			headline: 'إغلاق المراكز',
			text: 'أغلقت المراكز.',
			date: new Date('2026-11-29T16:05:00Z'),
			url: `${site}/news/live/#update-20261129-1605`,
		};
		const running = JSON.parse(
			serializeJsonLd(liveBlogPosting(input, { started: input.published, updates: [update] })),
		);
		expect(running).toMatchObject({
			'@type': 'LiveBlogPosting',
			headline: 'تغطية مباشرة',
			coverageStartTime: '2026-11-29T04:00:00.000Z',
			dateModified: '2026-11-29T16:05:00.000Z',
			liveBlogUpdate: [
				{
					'@type': 'BlogPosting',
					headline: 'إغلاق المراكز',
					articleBody: 'أغلقت المراكز.',
					datePublished: '2026-11-29T16:05:00.000Z',
					url: `${site}/news/live/#update-20261129-1605`,
				},
			],
		});
		expect(running).not.toHaveProperty('coverageEndTime');
		const ended = liveBlogPosting(input, {
			started: input.published,
			ended: new Date('2026-11-29T21:00:00Z'),
			updates: [],
		});
		expect(ended).toMatchObject({ coverageEndTime: '2026-11-29T21:00:00.000Z', liveBlogUpdate: [] });
	});
});
