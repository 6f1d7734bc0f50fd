import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { arabicQueries, englishQueries } from '../fixtures/search-corpus/queries.ts';
import { searchThroughPage } from '../helpers/search-page.ts';
import { quality, searchCorpusRoot } from '../helpers/search-quality.ts';
import { servedSiteCopy } from '../helpers/site-copy.ts';
import { test, expect } from './fixtures.ts';

/**
 * Builds a copy of the site whose articles are the labelled search corpus, serves it, and runs
 * every labelled query through the real search page in Chromium.
 */
test.describe.configure({ mode: 'serial' });

let server: Awaited<ReturnType<typeof servedSiteCopy>>;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	server = await servedSiteCopy(async (root) => {
		await rm(join(root, 'content/articles'), { recursive: true });
		for (const locale of ['ar', 'en']) {
			await mkdir(join(root, 'content/articles', locale), { recursive: true });
			await cp(join(searchCorpusRoot, locale), join(root, 'content/articles', locale), { recursive: true });
		}
	});
});

test.afterAll(async () => {
	await server?.close();
});

for (const [locale, queries, path] of [
	['ar', arabicQueries, '/search/'],
	['en', englishQueries, '/en/search/'],
] as const) {
	test(`the ${locale} labelled queries through the search page: recall >= 95%, precision >= 90%`, async ({
		page,
	}, testInfo) => {
		test.setTimeout(180_000);
		await page.goto(server.url + path);
		const returned = new Map<string, string[]>();
		for (const { query } of queries) {
			const links = await searchThroughPage(page, query);
			returned.set(
				query,
				links.map((href) => href.match(/\/news\/([^/]+)\/$/)![1]!),
			);
		}
		const result = quality(queries, returned);
		const summary = `${locale}: ${queries.length} queries, recall ${(result.recall * 100).toFixed(1)}%, precision ${(result.precision * 100).toFixed(1)}%`;
		testInfo.annotations.push({ type: 'search quality', description: summary });
		console.log(summary, result.misses.length ? JSON.stringify(result.misses) : '');
		expect(result.forbidden, 'articles a query must not find').toEqual([]);
		expect(result.recall).toBeGreaterThanOrEqual(0.95);
		expect(result.precision).toBeGreaterThanOrEqual(0.9);
		if (locale === 'en') {
			// A plural finds its singular, and the reverse.
			expect(returned.get('ministers')).toContain('minister-resigns');
			expect(returned.get('minister')).toContain('ministers-summit');
		}
	});
}

test('the scoring fails a search that finds everything or nothing', () => {
	const everything = new Map(
		arabicQueries.map(({ query }) => [
			query,
			['fm-visits-baghdad', 'riyadh-expo', 'startup-idea-contest', 'draft-gem-auction'],
		]),
	);
	const all = quality(arabicQueries, everything);
	expect(all.precision).toBeLessThan(0.9);
	expect(all.forbidden.length).toBeGreaterThan(0);
	expect(quality(arabicQueries, new Map()).recall).toBe(0);
});
