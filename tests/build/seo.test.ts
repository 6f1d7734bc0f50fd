import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { load } from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';

/**
 * Builds a copy of the site with a fixed clock and a few stories around the Google News
 * window, then reads every page head, sitemap and feed it wrote, as a crawler would.
 */
const now = new Date('2026-11-29T12:00:00Z');
const hoursBefore = (hours: number) => new Date(now.getTime() - hours * 3600_000).toISOString();
const site = 'https://news.example.org';

const fixtures = [
	{ file: 'ar/window-fresh.md', date: hoursBefore(47), extra: '' },
	{ file: 'en/window-fresh.md', date: hoursBefore(47), extra: '' },
	{ file: 'ar/window-stale.md', date: hoursBefore(49), extra: '' },
	{ file: 'ar/window-draft.md', date: hoursBefore(1), extra: 'draft: true\n' },
	{ file: 'ar/window-future.md', date: hoursBefore(-1), extra: '' },
	{
		file: 'ar/hostile-title.md',
		date: hoursBefore(100),
		extra: '',
		title: `'</script><script>alert(1)</script> & "quotes" <b>'`,
	},
];

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
let dist: string;
let files: string[];
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

beforeAll(async () => {
	copy = await makeSiteCopy();
	for (const { file, date, extra, title } of fixtures) {
		await writeFile(
			join(copy.root, 'content/articles', file),
			`---\ntitle: ${title ?? `خبر ${file}`}\ndate: '${date}'\ncategory: world\nsummary: ملخص & «اقتباس»\n${extra}---\nنص الخبر.\n`,
		);
	}
	const build = await buildSite(copy.root, { NEWSROOM_NOW: now.toISOString() });
	expect(build.code, build.output).toBe(0);
	dist = join(copy.root, 'dist');
	files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) =>
		/\.(html|xml|txt|webmanifest)$/.test(file),
	);
});
afterAll(() => copy.remove());

/** The site path a built HTML file is served at. */
function pathOf(file: string): string {
	return `/${file.replace(/index\.html$/, '')}`.replace(/\\/g, '/');
}

/** Whether an absolute URL of the site points to a built page. */
function exists(url: string): boolean {
	const path = decodeURIComponent(new URL(url).pathname);
	return existsSync(join(dist, path, path.endsWith('/') ? 'index.html' : ''));
}

describe('every built page', () => {
	// The CMS's page is an empty shell for editors, kept out of search engines with noindex.
	const pages = () =>
		files.filter(
			(file) => file.endsWith('.html') && !file.endsWith('404.html') && !file.startsWith('admin/'),
		);

	test('has an absolute canonical to itself, and og:url the same', () => {
		expect(pages().length).toBeGreaterThan(100);
		for (const file of pages()) {
			const $ = load(read(file));
			const expected = site + encodeURI(pathOf(file));
			// The search page is noindex: many thin result pages; it has no canonical to claim.
			if ($('meta[name=robots]').attr('content') === 'noindex') {
				expect(file, 'only the search page is noindex').toMatch(/^(en\/)?search\/index\.html$/);
				expect($('link[rel=canonical]')).toHaveLength(0);
				continue;
			}
			expect($('link[rel=canonical]').attr('href'), file).toBe(expected);
			expect($('meta[property="og:url"]').attr('content'), file).toBe(expected);
		}
	});

	test('has reciprocal hreflang alternates that point to pages that exist', () => {
		let pairs = 0;
		for (const file of pages()) {
			const $ = load(read(file));
			const alternates = Object.fromEntries(
				$('link[rel=alternate][hreflang]')
					.map((_, el) => [[$(el).attr('hreflang'), $(el).attr('href')]])
					.get(),
			);
			if (Object.keys(alternates).length === 0) continue;
			pairs++;
			expect(Object.keys(alternates).sort(), file).toEqual(['ar', 'en', 'x-default']);
			for (const url of Object.values(alternates))
				expect(exists(url as string), `${file} → ${url}`).toBe(true);
			const other = alternates[file.startsWith('en/') ? 'ar' : 'en'] as string;
			const path = decodeURIComponent(new URL(other).pathname);
			const $other = load(read(`${path.slice(1)}index.html`));
			const back = $other('link[rel=alternate][hreflang]')
				.map((_, el) => $other(el).attr('href'))
				.get();
			expect(back, `${other} does not link back to ${file}`).toContain(site + encodeURI(pathOf(file)));
		}
		expect(pairs).toBeGreaterThan(40);
	});

	test('has JSON-LD that parses, with a NewsArticle (a LiveBlogPosting on live pages) on articles and a breadcrumb on articles and archives', () => {
		for (const file of pages()) {
			const $ = load(read(file));
			const blocks = $('script[type="application/ld+json"]');
			const data = blocks.length ? (JSON.parse(blocks.first().text()) as { '@type': string }[]) : [];
			const types = data.map((item) => item['@type']);
			// The sample live page (content/articles/*/municipal-elections-live.md) is the one live article.
			const article = /municipal-elections-live\//.test(file) ? 'LiveBlogPosting' : 'NewsArticle';
			if (/^(en\/)?news\/[^/]+\/index\.html$/.test(file))
				expect(types, file).toEqual([article, 'BreadcrumbList']);
			if (/^(en\/)?(category|tag|author|archive)\//.test(file))
				expect(types, file).toContain('BreadcrumbList');
			if (file === 'index.html' || file === 'en/index.html') expect(types, file).toEqual(['WebSite']);
		}
	});

	test('escapes a hostile headline everywhere, and it stays the same text', () => {
		const $ = load(read('news/hostile-title/index.html'));
		const title = `</script><script>alert(1)</script> & "quotes" <b>`;
		expect($('h1').text()).toBe(title);
		expect($('script:not([type])')).toHaveLength(0);
		expect(JSON.parse($('script[type="application/ld+json"]').text())[0].headline).toBe(title);
		expect($('meta[property="og:title"]').attr('content')).toBe(title);
		const item = parseFeed(read('rss.xml')).items.find(
			(entry) => entry.url === `${site}/news/hostile-title/`,
		);
		expect(item?.title).toBe(title);
		expect(read('rss.xml')).not.toContain('<script>');
	});
});

test('no built file contains undefined, NaN, [object Object] or an empty content attribute', () => {
	for (const file of files) {
		const text = read(file);
		for (const bad of ['undefined', 'NaN', '[object Object]', 'content=""'])
			expect(text.includes(bad), `${file} contains ${bad}`).toBe(false);
	}
});

describe('sitemaps, robots.txt and feeds', () => {
	const xmlFiles = () => files.filter((file) => file.endsWith('.xml'));

	test('every XML file is well-formed', () => {
		expect(xmlFiles().length).toBeGreaterThan(20);
		for (const file of xmlFiles()) expect(XMLValidator.validate(read(file)), file).toBe(true);
	});

	test('robots.txt names the sitemap index and the news sitemap', () => {
		expect(read('robots.txt')).toContain(`Sitemap: ${site}/sitemap-index.xml`);
		expect(read('robots.txt')).toContain(`Sitemap: ${site}/news-sitemap.xml`);
	});

	test('the sitemap lists translation pairs with xhtml:link alternates', () => {
		const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
			read('sitemap-0.xml'),
		);
		const seed = `${site}/news/qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab/`;
		const entry = parsed.urlset.url.find((url: { loc: string }) => url.loc === seed);
		const links = Object.fromEntries(
			[entry['xhtml:link']]
				.flat()
				.map((link: { hreflang: string; href: string }) => [link.hreflang, link.href]),
		);
		expect(links).toEqual({
			ar: seed,
			en: `${site}/en/news/qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab/`,
		});
		const single = parsed.urlset.url.find(
			(url: { loc: string }) => url.loc === `${site}/news/metro-line-two-opens/`,
		);
		expect(single['xhtml:link']).toBeUndefined();
	});

	test('the news sitemap holds exactly the stories of the last 48 hours', () => {
		const parsed = new XMLParser().parse(read('news-sitemap.xml'));
		const urls = [parsed.urlset.url].flat().map((url: { loc: string }) => url.loc);
		expect(urls.sort()).toEqual(
			[
				`${site}/en/news/municipal-elections-live/`,
				`${site}/en/news/parliament-passes-2027-budget/`,
				`${site}/en/news/window-fresh/`,
				`${site}/news/municipal-elections-live/`,
				`${site}/news/parliament-passes-2027-budget/`,
				`${site}/news/window-fresh/`,
			].sort(),
		);
		const entry = [parsed.urlset.url]
			.flat()
			.find((url: { loc: string }) => url.loc.endsWith('/en/news/window-fresh/'));
		expect(entry['news:news']['news:publication']).toEqual({
			'news:name': 'Al Wasat',
			'news:language': 'en',
		});
		expect(entry['news:news']['news:publication_date']).toBe(hoursBefore(47));
	});

	test('drafts and future stories are in no sitemap and no feed', () => {
		for (const file of xmlFiles()) {
			expect(read(file), file).not.toContain('window-draft');
			expect(read(file), file).not.toContain('window-future');
		}
	});

	test.each([
		['rss.xml', 'ar'],
		['en/rss.xml', 'en'],
		['category/world/rss.xml', 'ar'],
		['en/category/economy/rss.xml', 'en'],
	])('%s parses as a feed in its language, newest first, with content and images', (file, language) => {
		const feed = parseFeed(read(file));
		expect(feed.language).toBe(language);
		expect(feed.self).toBe(`${site}/${file}`);
		expect(feed.items.length).toBeGreaterThan(0);
		expect(feed.items.length).toBeLessThanOrEqual(50);
		const dates = feed.items.map((item) => item.published!.getTime());
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		for (const item of feed.items) {
			expect(item.url).toMatch(new RegExp(`^${site}/(en/)?news/[a-z0-9-]+/$`));
			expect(item.content).toBeTruthy();
			expect(item.content).not.toMatch(/(href|src)="\//);
		}
		if (file.includes('economy'))
			expect(feed.items.some((item) => item.media.some((media) => media.mimeType === 'image/jpeg'))).toBe(
				true,
			);
	});

	test('each language has a web app manifest in its direction', () => {
		expect(JSON.parse(read('manifest.webmanifest'))).toMatchObject({
			lang: 'ar',
			dir: 'rtl',
			start_url: '/',
		});
		expect(JSON.parse(read('en/manifest.webmanifest'))).toMatchObject({
			lang: 'en',
			dir: 'ltr',
			start_url: '/en/',
		});
	});
});
