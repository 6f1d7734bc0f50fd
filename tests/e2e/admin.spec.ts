import { readdirSync, readFileSync } from 'node:fs';
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
		expect(html, file).not.toMatch(/\/admin\/|cms\.js|<script/);
	}
	expect(readdirSync('dist/admin')).toEqual(expect.arrayContaining(['index.html', 'cms.js', 'admin.css', 'preview.css']));
});
