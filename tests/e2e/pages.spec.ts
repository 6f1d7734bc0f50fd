import { mkdirSync } from 'node:fs';
import { tagSlug as tagPath } from '../../src/site/urls.ts';
import { contentArticles, isPublished } from '../helpers/content.ts';
import { test, expect, RUNNING_SCRIPTS } from './fixtures.ts';

const published = contentArticles().filter((article) => isPublished(article));
const arabicTag = published.find((a) => a.locale === 'ar' && a.data.tags?.length)!.data.tags![0]!;
const englishTag = published.find((a) => a.locale === 'en' && a.data.tags?.length)!.data.tags![0]!;

/** Every kind of page, in both languages, and the page its language switch must lead to. */
const pages: { kind: string; path: string; lang: 'ar' | 'en'; switchTo: string; script?: boolean }[] = [
	{ kind: 'front page', path: '/', lang: 'ar', switchTo: '/en/' },
	{ kind: 'front page', path: '/en/', lang: 'en', switchTo: '/' },
	{ kind: 'section', path: '/category/world/', lang: 'ar', switchTo: '/en/category/world/' },
	{ kind: 'section', path: '/en/category/world/', lang: 'en', switchTo: '/category/world/' },
	{ kind: 'empty section', path: '/en/category/opinion/', lang: 'en', switchTo: '/category/opinion/' },
	{ kind: 'tag', path: `/tag/${tagPath(arabicTag)}/`, lang: 'ar', switchTo: '/en/' },
	{ kind: 'tag', path: `/en/tag/${tagPath(englishTag)}/`, lang: 'en', switchTo: '/' },
	{ kind: 'author', path: '/author/layla-haddad/', lang: 'ar', switchTo: '/en/author/layla-haddad/' },
	{ kind: 'author', path: '/en/author/layla-haddad/', lang: 'en', switchTo: '/author/layla-haddad/' },
	{ kind: 'archive index', path: '/archive/', lang: 'ar', switchTo: '/en/archive/' },
	{ kind: 'archive index', path: '/en/archive/', lang: 'en', switchTo: '/archive/' },
	{ kind: 'month archive', path: '/archive/2026/11/', lang: 'ar', switchTo: '/en/archive/2026/11/' },
	{ kind: 'month archive', path: '/en/archive/2026/11/', lang: 'en', switchTo: '/archive/2026/11/' },
	{ kind: 'static page', path: '/about/', lang: 'ar', switchTo: '/en/about/' },
	{ kind: 'static page', path: '/en/privacy/', lang: 'en', switchTo: '/privacy/' },
	{ kind: 'not-found page', path: '/404.html', lang: 'ar', switchTo: '/en/' },
	{ kind: 'not-found page', path: '/en/404.html', lang: 'en', switchTo: '/' },
];

for (const { kind, path, lang, switchTo } of pages) {
	test(`${lang} ${kind} ${decodeURIComponent(path)}: language, direction, switch, no script`, async ({
		page,
	}) => {
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
		await expect(page.locator('h1')).toHaveCount(1);
		await expect(page.locator(RUNNING_SCRIPTS)).toHaveCount(0);
		await expect(page.locator('.language-switch')).toHaveAttribute('href', switchTo);
		await page.locator('.language-switch').click();
		await expect(page.locator('html')).toHaveAttribute('lang', lang === 'ar' ? 'en' : 'ar');
		expect(new URL(page.url()).pathname).toBe(decodeURIComponent(switchTo));
	});
}

test('an author page shows the name, photo and bio, and the byline links to it', async ({ page }) => {
	await page.goto('/author/layla-haddad/');
	await expect(page.locator('h1')).toHaveText('ليلى حداد');
	await expect(page.locator('.author-card img')).toHaveAttribute('src', '/media/authors/layla-haddad.svg');
	await expect(page.locator('.author-card p')).toContainText('محررة الشؤون الاقتصادية');
	const story = page.locator('.article-list a').first();
	await story.click();
	await expect(page.locator('.author a')).toHaveAttribute('href', '/author/layla-haddad/');
});

test('archives and articles have breadcrumbs that lead home', async ({ page }) => {
	for (const path of [
		'/category/world/',
		'/archive/2026/11/',
		'/about/',
		`/news/${published.find((a) => a.locale === 'ar')!.slug}/`,
	]) {
		await page.goto(path);
		const crumbs = page.locator('.breadcrumbs li');
		await expect(crumbs.first().locator('a')).toHaveAttribute('href', '/');
		await expect(crumbs.last()).toHaveAttribute('aria-current', 'page');
	}
});

test('the front page has breaking news, headlines, the latest news and section blocks in the settings order', async ({
	page,
}) => {
	await page.goto('/');
	await expect(page.locator('.headlines h2')).toHaveText('العناوين الرئيسية');
	await expect(page.locator('.headlines .card-large img')).toHaveCount(1);
	await expect(page.locator('.latest-list li').first()).toBeVisible();
	// A block whose stories all appear above is left out; the others keep the settings order.
	const order = await page
		.locator('.section-block h2 a')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
	const settingsOrder = [
		'world',
		'politics',
		'economy',
		'local',
		'sports',
		'technology',
		'culture',
		'health',
		'opinion',
	].map((id) => `/category/${id}/`);
	expect(order.length).toBeGreaterThan(0);
	expect(order).toEqual(settingsOrder.filter((href) => order.includes(href)));
});

test.describe('on a phone, with JavaScript off', () => {
	test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

	test('the section menu opens and leads to a section', async ({ page }) => {
		await page.goto('/');
		const menu = page.locator('.menu');
		await expect(menu.locator('a[href="/category/sports/"]')).toBeHidden();
		await menu.locator('summary').click();
		await menu.locator('a[href="/category/sports/"]').click();
		await expect(page).toHaveURL(/\/category\/sports\/$/);
	});

	test('the skip link is the first stop and moves to the main content', async ({ page }) => {
		await page.goto('/');
		await page.keyboard.press('Tab');
		const skip = page.locator('.skip-link');
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page.locator('main')).toBeFocused();
	});
});

test('on a wide screen the sections are shown without opening the menu', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/en/');
	await expect(page.locator('.section-strip a[href="/en/category/sports/"]')).toBeVisible();
	await expect(page.locator('.menu summary')).toBeHidden();
});

for (const lang of ['ar', 'en'] as const) {
	for (const [device, width, height] of [
		['phone', 390, 844],
		['desktop', 1280, 900],
	] as const) {
		test(`front page screenshot, ${lang}, ${device}: nothing overflows sideways`, async ({
			page,
		}, testInfo) => {
			await page.setViewportSize({ width, height });
			await page.goto(lang === 'ar' ? '/' : '/en/');
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
			expect(overflow).toBeLessThanOrEqual(0);
			mkdirSync('test-results/screenshots', { recursive: true });
			const path = `test-results/screenshots/front-${lang}-${device}.png`;
			await page.screenshot({ path, fullPage: true });
			await testInfo.attach(`front-${lang}-${device}`, { path, contentType: 'image/png' });
		});
	}
}
