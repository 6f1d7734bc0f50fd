import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './admin-fixtures.ts';

/** The production build the other browser tests run against (npm run build: no local backend). */

test('the CMS at /admin/ is in Arabic, right to left, and logs in through the git host', async ({ page }) => {
	await page.goto('/admin/');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.getByRole('button', { name: 'الدخول عبر GitHub' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'تسجيل الدخول', exact: true })).toHaveCount(0);
});

test('no reader page loads or links to the admin bundle', async () => {
	const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter(
		(file) => file.endsWith('.html') && !file.startsWith('admin/'),
	);
	expect(pages.length).toBeGreaterThan(50);
	for (const file of pages) {
		const html = readFileSync(`dist/${file}`, 'utf8');
		expect(html, file).not.toMatch(/\/admin\/|cms\.js/);
		// JSON-LD is data; the search page's own script is the only code a reader page may load.
		if (!/^(en\/)?search\//.test(file))
			expect(html, file).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
	}
	expect(readdirSync('dist/admin')).toEqual(
		expect.arrayContaining(['index.html', 'cms.js', 'admin.css', 'preview.css']),
	);
});

test("the CMS's login screen passes axe's WCAG 2.2 A and AA rules", async ({ page }) => {
	await page.goto('/admin/');
	await expect(page.getByRole('button', { name: 'الدخول عبر GitHub' })).toBeVisible();
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
		.analyze();
	expect(
		results.violations.flatMap((violation) =>
			violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
		),
	).toEqual([]);
});
