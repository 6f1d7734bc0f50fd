import type { Page } from '@playwright/test';
import { BUDGETS, kb } from '../quality/checks.ts';
import { expect, test } from './fixtures.ts';

/** The bytes of every font file a page downloads once it has rendered (WOFF2 is compressed already). */
async function fontBytes(page: Page, path: string): Promise<{ files: string[]; bytes: number }> {
	const fonts: Promise<{ url: string; size: number }>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'font' && response.status() === 200)
			fonts.push(response.body().then((body) => ({ url: response.url(), size: body.length })));
	});
	await page.goto(path);
	await page.evaluate(() => document.fonts.ready);
	const loaded = await Promise.all(fonts);
	return {
		files: loaded.map((font) => new URL(font.url).pathname),
		bytes: loaded.reduce((sum, font) => sum + font.size, 0),
	};
}

/** Problems of a page against a font budget. */
function overBudget(path: string, bytes: number, budget: number): string[] {
	return bytes > budget ? [`${path}: fonts ${kb(bytes)}, budget ${kb(budget)}`] : [];
}

test('the fonts one page uses stay within 120 KB, in both languages', async ({ page }) => {
	const report: string[] = [];
	const problems: string[] = [];
	for (const path of [
		'/',
		'/news/central-bank-holds-rates/',
		'/category/economy/',
		'/en/',
		'/en/news/central-bank-holds-rates/',
		'/search/',
	]) {
		const { files, bytes } = await fontBytes(page, path);
		report.push(`${path}: ${kb(bytes)} in ${files.length} files`);
		problems.push(...overBudget(path, bytes, BUDGETS.fontsPerPage));
	}
	console.log(`fonts per page (budget ${kb(BUDGETS.fontsPerPage)}):\n${report.join('\n')}`);
	expect(problems).toEqual([]);
});

test('the font budget catches a page over it', async ({ page }) => {
	const { bytes } = await fontBytes(page, '/news/central-bank-holds-rates/');
	expect(bytes).toBeGreaterThan(0);
	expect(overBudget('/news/central-bank-holds-rates/', bytes, 10 * 1024)).toHaveLength(1);
});
