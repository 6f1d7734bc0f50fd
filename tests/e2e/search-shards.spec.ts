import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { servedSiteCopy } from '../helpers/site-copy.ts';
import { test, expect } from './fixtures.ts';

/**
 * The search index is cut by time (`src/search/shards.ts`): the newest year (2026) is a shard of
 * its own and the older years of the site's articles an archive shard, so these searches cross
 * shards, as a reader's do.
 */

/** The Pagefind shard folders (year ranges: `2026`, `2022-2025`) a page requested files from, from now on. */
function shardRequests(page: Page): Set<string> {
	const shards = new Set<string>();
	page.on('request', (request) => {
		const shard = new URL(request.url()).pathname.match(/^\/pagefind\/ar\/(\d{4}(?:-\d{4})?)\//)?.[1];
		if (shard) shards.add(shard);
	});
	return shards;
}

async function results(page: Page) {
	await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
	await expect(page.locator('.search-list li').first()).toBeVisible();
	return page
		.locator('.search-list time')
		.evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
}

test('newest first is in exact date order across a year boundary', async ({ page }) => {
	const requested = shardRequests(page);
	await page.goto(`/search/?q=${encodeURIComponent('في')}&sort=date`);
	const dates = await results(page);
	while (await page.locator('.search-more').isVisible()) {
		await page.locator('.search-more').click();
		await expect(page.locator('.search-list li')).not.toHaveCount(dates.length);
		dates.splice(0, dates.length, ...(await results(page)));
	}
	// Hits in the newest year's shard and in the archive's: the order crosses a shard boundary.
	expect(dates.some((date) => date.startsWith('2026'))).toBe(true);
	expect(dates.some((date) => date < '2026')).toBe(true);
	expect([...dates].sort().reverse()).toEqual(dates);
	expect([...requested].sort()).toEqual(['2022-2025', '2026']);
	// The count is the total across shards.
	await expect(page.locator('.search-status')).toContainText(String(dates.length));
});

test('a search by relevance finds hits in two shards, highlighted in title and excerpt as written', async ({
	page,
}) => {
	await page.goto(`/search/?q=${encodeURIComponent('الوزير')}`);
	const dates = await results(page);
	// Hits in the newest year's shard and in the archive's.
	expect(dates.some((date) => date.startsWith('2026'))).toBe(true);
	expect(dates.some((date) => date < '2026')).toBe(true);
	for (const item of await page.locator('.search-list li').all()) {
		const marks = await item.locator('mark').allTextContents();
		expect(marks.length).toBeGreaterThan(0);
		for (const mark of marks) expect(mark).toMatch(/^(ال|و|وال)?وزير$/);
		await expect(item.locator('.search-excerpt mark').first()).toBeVisible();
	}
});

test("a year filter fetches only the shard of that year's files, and finds that year alone in it", async ({
	page,
}) => {
	// «في» is in every article: the archive shard has hits in 2022 and 2025.
	const query = encodeURIComponent('في');
	const all = shardRequests(page);
	await page.goto(`/search/?q=${query}`);
	await results(page);
	expect([...all].sort()).toEqual(['2022-2025', '2026']);

	for (const year of ['2022', '2025', '2026']) {
		// A fresh page, as a reader arriving from a shared link.
		const fresh = await page.context().newPage();
		const requested = shardRequests(fresh);
		await fresh.goto(`/search/?q=${query}&year=${year}`);
		const filtered = await results(fresh);
		expect(filtered.length).toBeGreaterThan(0);
		for (const date of filtered) expect(date.startsWith(year)).toBe(true);
		expect([...requested]).toEqual([year === '2026' ? '2026' : '2022-2025']);
		await fresh.close();
	}
});

test.describe('newest first, with several hits in each of two years', () => {
	// Pagefind's own merge of sorted indexes gives each result its place from the end of its own
	// index's results as a score (2, 1, 0 in each year here), so it would interleave the years.
	test.describe.configure({ mode: 'serial', timeout: 60_000 });
	let site: Awaited<ReturnType<typeof servedSiteCopy>>;

	test.beforeAll(async () => {
		test.setTimeout(300_000);
		site = await servedSiteCopy(async (root) => {
			for (const [n, date] of [
				'2026-03-01',
				'2026-02-01',
				'2026-01-05',
				'2025-12-20',
				'2025-11-01',
				'2025-03-01',
			].entries())
				await writeFile(
					join(root, 'content/articles/ar', `observatory-${n}.md`),
					`---\ntitle: 'خبر عن المرصد رقم ${n}'\ndate: '${date}T10:00:00+03:00'\ncategory: world\n---\nزار الطلاب المرصد الفلكي في المدينة.\n`,
				);
		});
	});
	test.afterAll(async () => {
		await site?.close();
	});

	test('comes in exact date order across the year boundary, which is a shard boundary', async ({ page }) => {
		const requested = shardRequests(page);
		await page.goto(`${site.url}/search/?q=${encodeURIComponent('المرصد')}&sort=date`);
		expect(await results(page)).toEqual([
			'2026-03-01',
			'2026-02-01',
			'2026-01-05',
			'2025-12-20',
			'2025-11-01',
			'2025-03-01',
		]);
		// The newest year (2026) is a shard of its own; 2025 is in the archive shard.
		expect([...requested].sort()).toEqual(['2022-2025', '2026']);
	});
});
