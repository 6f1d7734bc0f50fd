import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import {
	newsSitemapFiles,
	newsSitemapXml,
	NEWS_WINDOW_MS,
	type NewsEntry,
} from '#src/outputs/news-sitemap-xml.ts';
import { absolutizeHtml } from '#src/outputs/xml.ts';

const now = new Date('2026-11-29T12:00:00Z');
const at = (ms: number, title = `t${ms}`): NewsEntry => ({
	url: `https://a.example/${ms}`,
	title,
	language: 'ar',
	published: new Date(now.getTime() - ms),
});

describe('the Google News sitemap', () => {
	test('holds exactly the stories of the 48 hours before the build, newest first', () => {
		const entries = [at(NEWS_WINDOW_MS + 1), at(NEWS_WINDOW_MS), at(0), at(-1), at(3600_000)];
		expect(newsSitemapFiles(entries, now)[0]!.map((e) => e.published.getTime())).toEqual([
			now.getTime(),
			now.getTime() - 3600_000,
			now.getTime() - NEWS_WINDOW_MS,
		]);
	});

	test('puts at most 1,000 stories in a file', () => {
		const files = newsSitemapFiles(
			Array.from({ length: 2001 }, (_, i) => at(i * 1000)),
			now,
		);
		expect(files.map((file) => file.length)).toEqual([1000, 1000, 1]);
	});

	test('is one empty, valid file when nothing is recent', () => {
		const files = newsSitemapFiles([at(NEWS_WINDOW_MS * 2)], now);
		expect(files).toEqual([[]]);
		expect(XMLValidator.validate(newsSitemapXml(files[0]!, () => 'الوسط'))).toBe(true);
	});

	test('escapes titles and is well-formed XML with the news namespace', () => {
		const xml = newsSitemapXml([at(0, 'A & B <script> «ج»')], (lang) =>
			lang === 'ar' ? 'الوسط' : 'Al Wasat',
		);
		expect(XMLValidator.validate(xml)).toBe(true);
		const parsed = new XMLParser().parse(xml);
		expect(parsed.urlset.url['news:news']['news:title']).toBe('A & B <script> «ج»');
		expect(parsed.urlset.url['news:news']['news:publication']).toEqual({
			'news:name': 'الوسط',
			'news:language': 'ar',
		});
	});
});

test('feed content gets absolute URLs', () => {
	expect(
		absolutizeHtml(
			'<a href="/news/a/">x</a><img src="/_astro/a.jpg" srcset="/_astro/a.jpg 1x, /_astro/b.jpg 2x"><a href="https://b.example/">y</a>',
			'https://a.example',
		),
	).toBe(
		'<a href="https://a.example/news/a/">x</a><img src="https://a.example/_astro/a.jpg" srcset="https://a.example/_astro/a.jpg 1x, https://a.example/_astro/b.jpg 2x"><a href="https://b.example/">y</a>',
	);
});
