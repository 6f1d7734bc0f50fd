import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { meaningQueries, misspelledQueries } from '../fixtures/meaning-corpus/queries.ts';
import { searchThroughPage } from '../helpers/search-page.ts';
import { meaningCorpusRoot, quality, qualityByClass, searchCorpusRoot } from '../helpers/search-quality.ts';
import { servedSiteCopy } from '../helpers/site-copy.ts';
import { test, expect } from './fixtures.ts';

/**
 * Builds a copy of the site whose Arabic articles are the meaning corpus (demonyms, broken
 * plurals, verbal nouns, feminine titles, with traps), serves it, and runs every labelled query
 * through the real search page in Chromium; then "did you mean" as a reader meets it.
 */
test.describe.configure({ mode: 'serial' });

let server: Awaited<ReturnType<typeof servedSiteCopy>>;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	server = await servedSiteCopy(async (root) => {
		await rm(join(root, 'content/articles'), { recursive: true });
		await mkdir(join(root, 'content/articles'), { recursive: true });
		await cp(join(meaningCorpusRoot, 'ar'), join(root, 'content/articles/ar'), { recursive: true });
		await cp(join(searchCorpusRoot, 'en'), join(root, 'content/articles/en'), { recursive: true });
	});
});

test.afterAll(async () => {
	await server?.close();
});

const slugOf = (href: string) => decodeURIComponent(href.match(/\/news\/([^/]+)\/$/)![1]!);

test('the meaning corpus through the search page: recall and precision >= 95% in every class, no trap found', async ({
	page,
}, testInfo) => {
	test.setTimeout(400_000);
	await page.goto(`${server.url}/search/`);
	const returned = new Map<string, string[]>();
	for (const { query } of meaningQueries)
		returned.set(query, (await searchThroughPage(page, query)).map(slugOf));
	const overall = quality(meaningQueries, returned);
	const classes = qualityByClass(meaningQueries, returned);
	const summary = [...classes, ['all', overall] as const]
		.map(
			([name, result]) =>
				`${name}: recall ${(result.recall * 100).toFixed(1)}%, precision ${(result.precision * 100).toFixed(1)}%`,
		)
		.join('; ');
	testInfo.annotations.push({ type: 'search quality', description: summary });
	console.log(summary, overall.misses.length ? JSON.stringify(overall.misses) : '');
	expect(overall.forbidden, 'articles a query must not find').toEqual([]);
	expect(overall.recall).toBeGreaterThanOrEqual(0.97);
	expect(overall.precision).toBeGreaterThanOrEqual(0.97);
	for (const [name, result] of classes) {
		expect(result.recall, `${name} recall`).toBeGreaterThanOrEqual(0.95);
		expect(result.precision, `${name} precision`).toBeGreaterThanOrEqual(0.95);
	}
});

test('a misspelled query that finds nothing offers the corrected query as a link, which finds the article', async ({
	page,
}) => {
	const { query, meant, find } = misspelledQueries.find((item) => item.meant === 'كازاخستان')!;
	await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
	const region = page.locator('.search-results');
	await expect(region).toHaveAttribute('aria-busy', 'false');
	await expect(region.locator('.search-list li')).toHaveCount(0);
	const link = region.locator('.search-suggestion a');
	await expect(link).toHaveText(meant);
	await link.click();
	await expect(page).toHaveURL(`${server.url}/search/?q=${encodeURIComponent(meant)}`);
	// The served page says aria-busy="false" before its script runs, so wait for the results themselves.
	await expect
		.poll(async () =>
			(
				await region
					.locator('.search-list a')
					.evaluateAll((links) => links.map((a) => a.getAttribute('href')!))
			).map(slugOf),
		)
		.toEqual(expect.arrayContaining(find));
	await expect(region.locator('.search-suggestion')).toBeHidden();
});

test('a query with results offers no suggestion, and one with nothing close offers none either', async ({
	page,
}) => {
	await page.goto(`${server.url}/search/?q=${encodeURIComponent('كازاخستان')}`);
	const region = page.locator('.search-results');
	await expect(region).toHaveAttribute('aria-busy', 'false');
	await expect(region.locator('.search-list li').first()).toBeVisible();
	await expect(region.locator('.search-suggestion')).toBeHidden();
	await page.goto(`${server.url}/search/?q=${encodeURIComponent('زبرجدستان')}`);
	await expect(region).toHaveAttribute('aria-busy', 'false');
	await expect(region.locator('.search-status')).toContainText('زبرجدستان');
	await expect(region.locator('.search-suggestion')).toBeHidden();
});

test('the suggestions of misspelled queries find what was meant', async ({ page }, testInfo) => {
	test.setTimeout(200_000);
	await page.goto(`${server.url}/search/`);
	let found = 0;
	for (const { query, find } of misspelledQueries) {
		await searchThroughPage(page, query);
		const href = await page
			.locator('.search-suggestion:not([hidden]) a')
			.getAttribute('href', { timeout: 1000 })
			.catch(() => null);
		if (!href) continue;
		const corrected = new URL(href, server.url).searchParams.get('q')!;
		const results = (await searchThroughPage(page, corrected)).map(slugOf);
		if (find.some((slug) => results.includes(slug))) found++;
	}
	const rate = found / misspelledQueries.length;
	testInfo.annotations.push({
		type: 'did you mean',
		description: `${found} of ${misspelledQueries.length} misspellings corrected`,
	});
	console.log(
		`did you mean: ${found} of ${misspelledQueries.length} misspellings corrected to a query that finds the article`,
	);
	expect(rate).toBeGreaterThanOrEqual(0.8);
});
