import { describe, expect, test } from 'vitest';
import { buildPhases, renderedByKind } from '../../../tools/bench/build-report.ts';

const line = (at: number, text: string) => ({ at, text });

describe("the build benchmark's reading of a build's output", () => {
	const lines = [
		line(2000, '10:00:02 [content] Synced content'),
		line(3000, '  ├─ /news/a/index.html (+3ms)'),
		line(3001, '  ├─ /news/b/index.html (restored)'),
		line(3002, '  ├─ /news/c/index.html (restored)'),
		line(8000, '10:00:08 [build] 3 page(s) built in 6.00s'),
		line(9000, '[newsroom:search-index] en: 1 articles indexed, 5 files, 10 KB written in 900 ms'),
		line(9500, '[newsroom:search-index] ar: 2 articles indexed, 9 files, 20 KB written in 1400 ms'),
	];

	test('splits the wall time into loading, rendering, search after the pages, and the rest', () => {
		expect(buildPhases(lines, 10_000)).toEqual({
			loadingMs: 2000,
			renderingMs: 6000,
			searchMs: 1500,
			otherMs: 500,
			rendered: 1,
			reused: 2,
			renderedByKind: { articles: 1, listings: 0, other: 0 },
		});
	});

	test('counts rendered pages by kind: articles, listing pages (not the feeds) and the rest', () => {
		expect(
			renderedByKind([
				'/news/a/index.html',
				'/en/news/b/index.html',
				'/category/world/index.html',
				'/category/world/3/index.html',
				'/tag/وسم/index.html',
				'/en/author/layla/1/index.html',
				'/archive/2026/11/index.html',
				'/archive/index.html',
				'/category/world/rss.xml',
				'/index.html',
			]),
		).toEqual({ articles: 2, listings: 5, other: 3 });
	});

	test('refuses output without its landmarks rather than report zeros', () => {
		expect(() => buildPhases(lines.slice(1), 10_000)).toThrow(/Synced content/);
		expect(() => buildPhases(lines.slice(0, 5), 10_000)).toThrow(/search-index/);
	});
});
