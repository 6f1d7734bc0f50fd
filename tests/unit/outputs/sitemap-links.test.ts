import { describe, expect, test } from 'vitest';
import { sitemapAlternates } from '#src/outputs/sitemap-links.ts';

const site = 'https://news.example';
const pages = new Set([
	'/news/a/',
	'/en/news/a/',
	'/news/only-arabic/',
	'/tag/اقتصاد/',
	'/en/tag/اقتصاد/',
	'/',
	'/en/',
	'/category/world/2/',
	'/en/category/world/2/',
	'/category/world/',
	'/en/category/world/',
]);
const exists = (pathname: string) => pages.has(pathname);

describe('sitemap alternates', () => {
	test('a page in both languages lists both, from either side', () => {
		const both = [
			{ url: `${site}/news/a/`, lang: 'ar' },
			{ url: `${site}/en/news/a/`, lang: 'en' },
		];
		expect(sitemapAlternates(`${site}/news/a/`, exists)).toEqual(both);
		expect(sitemapAlternates(`${site}/en/news/a/`, exists)).toEqual(both);
		expect(sitemapAlternates(`${site}/`, exists)).toEqual([
			{ url: `${site}/`, lang: 'ar' },
			{ url: `${site}/en/`, lang: 'en' },
		]);
	});

	test('a page in one language has none', () => {
		expect(sitemapAlternates(`${site}/news/only-arabic/`, exists)).toBeUndefined();
	});

	test('numbered listing pages have none: their stories differ between the languages', () => {
		expect(sitemapAlternates(`${site}/category/world/2/`, exists)).toBeUndefined();
		expect(sitemapAlternates(`${site}/en/category/world/2/`, exists)).toBeUndefined();
		expect(sitemapAlternates(`${site}/category/world/`, exists)).toHaveLength(2);
	});

	test('Arabic paths are looked up decoded and linked encoded, as the sitemap writes them', () => {
		const url = new URL('/tag/اقتصاد/', site).href;
		expect(sitemapAlternates(url, exists)).toEqual([
			{ url, lang: 'ar' },
			{ url: new URL('/en/tag/اقتصاد/', site).href, lang: 'en' },
		]);
	});
});
