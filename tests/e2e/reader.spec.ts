import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { servedSiteCopy } from '../helpers/site-copy.ts';
import { expect, test } from './fixtures.ts';

/**
 * What a reader of the front page, an article, a section and the search sees, as the best
 * Arabic news sites do it: whole-card links, one digit system, each story once, the lead on
 * the first screen of a phone, menus without empty sections, a 404 that helps.
 */

const ARTICLE = '/news/parliament-passes-2027-budget/';
const PHONE = { width: 390, height: 844 };

/** The screenshot set of the issue: four pages, both languages, phone and desktop, light and dark. */
const shots = [
	['front', '/'],
	['article', ARTICLE],
	['section', '/category/politics/'],
	['search', `/search/?q=${encodeURIComponent('الموازنة')}`],
] as const;
const english = (path: string) => (path.includes('?q=') ? '/en/search/?q=budget' : `/en${path}`);

for (const lang of ['ar', 'en'] as const) {
	for (const [device, viewport] of [
		['phone', PHONE],
		['desktop', { width: 1366, height: 900 }],
	] as const) {
		for (const scheme of ['light', 'dark'] as const) {
			test(`screenshots, ${lang}, ${device}, ${scheme}: front page, article, section, search`, async ({
				page,
			}, testInfo) => {
				await page.setViewportSize(viewport);
				await page.emulateMedia({ colorScheme: scheme });
				mkdirSync('test-results/screenshots', { recursive: true });
				for (const [name, path] of shots) {
					await page.goto(lang === 'ar' ? path : english(path));
					if (name === 'search') await expect(page.locator('.search-list li').first()).toBeVisible();
					const overflow = await page.evaluate(
						() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
					);
					expect(overflow, `${name} overflows sideways`).toBeLessThanOrEqual(0);
					const file = `test-results/screenshots/${name}-${lang}-${device}-${scheme}.png`;
					await page.screenshot({ path: file, fullPage: true });
					// The first screen alone, as a reader sees it before scrolling.
					await page.screenshot({ path: file.replace('.png', '-first-screen.png') });
					await testInfo.attach(`${name}-${lang}-${device}-${scheme}`, {
						path: file,
						contentType: 'image/png',
					});
				}
			});
		}
	}
}

/** A reader's click at the middle of an element, wherever the page sends it (Playwright's own click refuses a covered element). */
async function clickMiddle(page: Page, target: string | Locator) {
	const box = (await (typeof target === 'string' ? page.locator(target) : target).first().boundingBox())!;
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test.describe('whole-card links', () => {
	test('a click on a card picture opens its story, on the front page and a section page', async ({
		page,
	}) => {
		await page.goto('/');
		const lead = page.locator('.headlines .card-large');
		const href = await lead.locator('.card-link').getAttribute('href');
		await clickMiddle(page, '.headlines .card-large img');
		await expect(page).toHaveURL(new RegExp(`${href}$`));

		await page.goto('/category/politics/');
		const card = page.locator('.article-list .card:has(img)').last();
		const target = await card.locator('.card-link').getAttribute('href');
		await clickMiddle(page, card.locator('img'));
		await expect(page).toHaveURL(new RegExp(`${target}$`));
	});

	test('a click on a summary opens the story too; a card has one link and its focus is visible', async ({
		page,
	}) => {
		await page.goto('/');
		const lead = page.locator('.headlines .card-large');
		await expect(lead.locator('a, button, input')).toHaveCount(1);
		await lead.locator('.card-link').focus();
		await expect(lead).toHaveCSS('outline-style', 'solid');
		const href = await lead.locator('.card-link').getAttribute('href');
		await clickMiddle(page, '.headlines .card-large .card-summary');
		await expect(page).toHaveURL(new RegExp(`${href}$`));
	});

	test.fail(
		'(a picture outside the link does not open the story: what the check catches)',
		async ({ page }) => {
			await page.goto('/');
			await page.addStyleTag({ content: '.card-link::after { content: none !important; }' });
			const lead = page.locator('.headlines .card-large');
			const href = await lead.locator('.card-link').getAttribute('href');
			await clickMiddle(page, '.headlines .card-large img');
			await expect(page).toHaveURL(new RegExp(`${href}$`), { timeout: 2_000 });
		},
	);
});

/** Links to stories on the front page, leaving out the breaking strip (a line of links above the page). */
async function frontPageStories(page: Page): Promise<string[]> {
	return page
		.locator('main .card-link')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
}

test.describe('the front page', () => {
	for (const path of ['/', '/en/']) {
		test(`${path} shows each story at most once`, async ({ page }) => {
			await page.goto(path);
			const stories = await frontPageStories(page);
			expect(stories.length).toBeGreaterThan(5);
			expect(stories.filter((href, index) => stories.indexOf(href) !== index)).toEqual([]);
		});
	}

	test.fail('(a story shown twice is caught)', async ({ page }) => {
		await page.goto('/');
		await page.evaluate(() => {
			const card = document.querySelector('main .card')!;
			document.querySelector('main')!.append(card.cloneNode(true));
		});
		const stories = await frontPageStories(page);
		expect(stories.filter((href, index) => stories.indexOf(href) !== index)).toEqual([]);
	});
});

test.describe('on a 390 × 844 phone', () => {
	test.use({ viewport: PHONE });

	/** How far down the first screen an element starts, and whether its headline or picture is on it. */
	async function onFirstScreen(page: Page, selector: string) {
		const box = (await page.locator(selector).first().boundingBox())!;
		// At least a fifth of it, or 80 px, shows before any scroll.
		return box.y + Math.min(80, box.height / 5) <= PHONE.height;
	}

	test('the header is one row and a strip of sections, about 100 px', async ({ page }) => {
		await page.goto('/');
		const header = (await page.locator('.site-header').boundingBox())!;
		expect(header.height).toBeLessThanOrEqual(110);
		await expect(page.locator('.search-link')).toHaveAccessibleName('البحث');
		await expect(page.locator('.menu summary')).toHaveAccessibleName('الأقسام');
		const strip = page.locator('.section-strip');
		expect(await strip.evaluate((list) => list.scrollWidth > list.clientWidth)).toBe(true);
	});

	for (const path of [ARTICLE, `/en${ARTICLE}`, '/news/opinion-fuel-subsidies/']) {
		test(`the lead image of ${path} is on the first screen`, async ({ page }) => {
			await page.goto(path);
			expect(await onFirstScreen(page, '.lead-image img')).toBe(true);
		});
	}

	for (const path of ['/', '/en/']) {
		test(`the first headline of ${path} is on the first screen`, async ({ page }) => {
			await page.goto(path);
			expect(await onFirstScreen(page, '.headlines .card-large img')).toBe(true);
			const title = (await page.locator('.headlines .card-large .card-title').boundingBox())!;
			expect(title.y + title.height).toBeLessThanOrEqual(PHONE.height);
		});
	}

	test.fail('(a lead image pushed below the first screen is caught)', async ({ page }) => {
		await page.goto(ARTICLE);
		await page.evaluate(() =>
			document
				.querySelector('.article-header')!
				.append(Object.assign(document.createElement('div'), { style: 'height:900px' })),
		);
		expect(await onFirstScreen(page, '.lead-image img')).toBe(true);
	});
});

test.describe('menus', () => {
	/** Every section in the English menus leads to a page with stories. */
	async function emptySections(page: Page, paths: string[]) {
		const empty: string[] = [];
		for (const path of paths) {
			await page.goto(path);
			if ((await page.locator('main .card').count()) === 0) empty.push(path);
		}
		return empty;
	}

	test('the English menu and strip list no empty section', async ({ page }) => {
		await page.goto('/en/');
		const strip = await page
			.locator('.section-strip a[href*="/category/"]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
		const menu = await page
			.locator('.menu-panel a[href*="/category/"]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
		expect(menu).toEqual(strip);
		expect(strip.length).toBeGreaterThan(3);
		expect(strip).not.toContain('/en/category/opinion/');
		expect(await emptySections(page, strip)).toEqual([]);
	});

	test('the Arabic menu lists the opinion section, which has a column', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('.section-strip a[href="/category/opinion/"]')).toHaveCount(1);
	});

	test.fail('(an empty section in a menu is caught)', async ({ page }) => {
		expect(await emptySections(page, ['/en/category/opinion/'])).toEqual([]);
	});
});

test.describe('the not-found page', () => {
	for (const [path, action] of [
		['/404.html', '/search/'],
		['/en/404.html', '/en/search/'],
	] as const) {
		test(`${path} has a search form and the latest stories`, async ({ page }) => {
			await page.goto(path);
			const form = page.locator(`main form[role="search"][action="${action}"]`);
			await expect(form).toHaveCount(1);
			await expect(page.locator('main .story-list .card').first()).toBeVisible();
			await form.locator('input[name="q"]').fill(path.startsWith('/en/') ? 'budget' : 'الموازنة');
			await form.locator('input[name="q"]').press('Enter');
			await expect(page).toHaveURL(new RegExp(`${action}\\?q=`));
		});
	}

	test.fail('(a page without a search form in its main content is caught)', async ({ page }) => {
		await page.goto('/about/');
		await expect(page.locator('main form[role="search"]')).toHaveCount(1, { timeout: 2_000 });
	});
});

test.describe('smaller points', () => {
	test('the search page has one search box', async ({ page }) => {
		await page.goto('/search/');
		await expect(page.locator('input[type="search"]')).toHaveCount(1);
	});

	test('a month archive links to the months before and after it', async ({ page }) => {
		await page.goto('/archive/2026/10/');
		await expect(page.locator('.month-nav .month-prev a')).toHaveAttribute(
			'href',
			/^\/archive\/\d{4}\/\d{2}\/$/,
		);
		await expect(page.locator('.month-nav .month-next a')).toHaveAttribute('href', '/archive/2026/11/');
	});

	test('the footer links to the feed and names the social networks in Arabic on Arabic pages', async ({
		page,
	}) => {
		await page.goto('/');
		await expect(page.locator('.site-footer a.feed-link')).toHaveAttribute('href', '/rss.xml');
		await expect(page.locator('.social a').first()).toHaveText('فيسبوك');
	});

	test('the dark breaking bar is white on deep red', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('/');
		// A build's breaking news depends on its clock: the bar is made here, with the site's own markup.
		await page.evaluate(() => {
			document
				.querySelector('main')!
				.insertAdjacentHTML(
					'afterbegin',
					'<section class="breaking"><h2 class="breaking-label">!</h2><ul><li><a href="/">x</a></li></ul></section>',
				);
		});
		const bar = page.locator('.breaking');
		await expect(bar).toHaveCSS('background-color', 'rgb(163, 22, 26)');
		await expect(bar.locator('a').first()).toHaveCSS('color', 'rgb(255, 255, 255)');
	});

	test('Arabic emphasis is not slanted by machine', async ({ page }) => {
		await page.goto(ARTICLE);
		await page.evaluate(() =>
			document.querySelector('.article-body p')!.append(document.createElement('em')),
		);
		await expect(page.locator('.article-body em').first()).toHaveCSS('font-style', 'normal');
	});

	test('opinion cards and columns lead with the columnist name and photo', async ({ page }) => {
		await page.goto('/category/opinion/');
		await expect(page.locator('.card-opinion .card-columnist img').first()).toBeVisible();
		await page.locator('.card-opinion .card-link').first().click();
		await expect(page.locator('.columnist img')).toBeVisible();
		await expect(page.locator('.columnist')).toContainText('ليلى');
	});

	test('an article is followed by related stories, more from its section and the latest news, with pictures', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(ARTICLE);
		await expect(page.locator('.share-top a').first()).toBeVisible();
		await expect(page.locator('.copy-link input')).toHaveValue(`https://news.example.org${ARTICLE}`);
		await expect(page.locator('.related .card, .more-from-section .card').first()).toBeVisible();
		const aside = (await page.locator('.article-aside').boundingBox())!;
		const body = (await page.locator('.article-body').boundingBox())!;
		expect(aside.y).toBeLessThan(body.y + body.height);
		await expect(page.locator('.article-aside .card img').first()).toHaveAttribute('loading', 'lazy');
		const lists = await page
			.locator('.story-list .card-link')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		expect(new Set(lists).size).toBe(lists.length);
		expect(lists).not.toContain(ARTICLE);
	});
});

/** The text the site writes itself on a page: dates, counts, page numbers, reading time. Never headlines or bodies. */
const SITE_WRITTEN =
	'time, .hijri, .reading-time, .pagination, .month-list .count, .search-status, .site-footer p, .search-options';

async function siteDigits(page: Page): Promise<string> {
	return (await page.locator(SITE_WRITTEN).allTextContents()).join(' ');
}

const DIGIT_PAGES = [
	'/',
	ARTICLE,
	'/archive/',
	'/category/politics/',
	`/search/?q=${encodeURIComponent('الموازنة')}`,
];

async function visitForDigits(page: Page, url: string) {
	await page.goto(url);
	if (url.includes('?q=')) await expect(page.locator('.search-status')).toContainText(/\S/);
}

test.describe('one digit system on Arabic pages', () => {
	test('with the default (latn), the site writes Western digits only', async ({ page }) => {
		for (const path of DIGIT_PAGES) {
			await visitForDigits(page, path);
			const text = await siteDigits(page);
			expect(text, path).toMatch(/[0-9]/);
			expect(text, path).not.toMatch(/[٠-٩]/);
		}
	});

	test('a headline keeps the digits its writer typed', async ({ page }) => {
		await page.goto(ARTICLE);
		await expect(page.locator('h1')).toContainText('2027');
	});

	test.fail('(an Arabic-Indic date among Western ones is caught)', async ({ page }) => {
		await page.goto(ARTICLE);
		await page.evaluate(() => (document.querySelector('.reading-time')!.textContent = '٥ دقائق قراءة'));
		expect(await siteDigits(page)).not.toMatch(/[٠-٩]/);
	});

	test.describe('with digits: arab in the settings', () => {
		let site: Awaited<ReturnType<typeof servedSiteCopy>> | undefined;

		test.beforeAll(async () => {
			test.setTimeout(300_000);
			site = await servedSiteCopy(async (root) => {
				const settings = join(root, 'content/settings/site.yml');
				await writeFile(
					settings,
					(await readFile(settings, 'utf8')).replace(/^digits: latn$/m, 'digits: arab'),
				);
			});
		});

		test.afterAll(async () => {
			await site?.close();
		});

		test('the site writes Arabic-Indic digits only, and headlines keep theirs', async ({ page }) => {
			for (const path of DIGIT_PAGES) {
				await visitForDigits(page, `${site!.url}${path}`);
				const text = await siteDigits(page);
				expect(text, path).toMatch(/[٠-٩]/);
				expect(text, path).not.toMatch(/[0-9]/);
			}
			await page.goto(`${site!.url}${ARTICLE}`);
			await expect(page.locator('h1')).toContainText('2027');
			await page.goto(`${site!.url}/en${ARTICLE}`);
			expect(await siteDigits(page)).not.toMatch(/[٠-٩]/);
		});
	});
});
