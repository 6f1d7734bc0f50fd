import { test, expect, RUNNING_SCRIPTS } from './fixtures.ts';

/**
 * Live coverage, on the sample live page of each language
 * (content/articles/{ar,en}/municipal-elections-live.md: four updates, two of them key moments).
 */
const SLUG = 'municipal-elections-live';
const cases = [
	{
		language: 'Arabic',
		home: '/',
		page: `/news/${SLUG}/`,
		badge: 'مباشر',
		moments: 'أبرز التطورات',
		dir: 'rtl',
		picture: 'قبة مبنى البرلمان في العاصمة، حيث تعلن الهيئة نسب المشاركة',
	},
	{
		language: 'English',
		home: '/en/',
		page: `/en/news/${SLUG}/`,
		badge: 'Live',
		moments: 'Key moments',
		dir: 'ltr',
		picture: 'The parliament dome in the capital, where the commission announces turnout',
	},
];

for (const { language, home, page: path, badge, moments, dir, picture } of cases) {
	test.describe(`a live page in ${language}`, () => {
		test('shows its updates newest first, each with its time and anchor, under a «live» badge', async ({
			page,
		}) => {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
			await expect(page.locator('.article-header .live-badge')).toHaveText(badge);
			const updates = page.locator('.live-update');
			await expect(updates).toHaveCount(4);
			const times = await updates
				.locator('.live-time time')
				.evaluateAll((nodes) => nodes.map((node) => Date.parse(node.getAttribute('datetime')!)));
			expect(times).toEqual([...times].sort((a, b) => b - a));
			expect(new Set(times).size).toBe(4);
			// Each update's anchor is on the update, and its time links to it.
			for (const update of await updates.all()) {
				const id = await update.getAttribute('id');
				expect(id).toMatch(/^update-\d{8}-\d{4}$/);
				await expect(update.locator('.live-time a')).toHaveAttribute('href', `#${id}`);
				await expect(update.locator('.live-permalink a')).toHaveAttribute(
					'href',
					new RegExp(`${path}#${id}$`),
				);
			}
			await expect(page.locator(RUNNING_SCRIPTS)).toHaveCount(0);
		});

		test('its key moments link to their updates', async ({ page }) => {
			await page.goto(path);
			const nav = page.getByRole('navigation', { name: moments });
			const links = nav.getByRole('link');
			await expect(links).toHaveCount(2);
			for (const link of await links.all()) {
				const target = (await link.getAttribute('href'))!.slice(1);
				await expect(page.locator(`#${target}.live-update.live-key`)).toHaveCount(1);
			}
			await links.last().click();
			const hash = await page.evaluate(() => location.hash);
			await expect(page.locator(`${hash}:target`)).toBeInViewport();
		});

		test('its card on the front page carries the badge and the time of the last update', async ({ page }) => {
			await page.goto(home);
			const card = page.locator('.card', { has: page.locator(`a[href="${path}"]`) }).first();
			await expect(card.locator('.live-badge')).toHaveText(badge);
			await expect(card.locator('.card-meta time')).toHaveAttribute('datetime', '2026-11-29T16:05:00.000Z');
			// An ordinary story's card has no badge.
			await expect(
				page.locator('.card:not(:has(.live-badge)) a[href*="central-bank-holds-rates"]').first(),
			).toBeVisible();
		});

		test('its structured data is a LiveBlogPosting with the four updates', async ({ page }) => {
			await page.goto(path);
			const data = await page
				.locator('script[type="application/ld+json"]')
				.evaluateAll((scripts) => scripts.flatMap((script) => JSON.parse(script.textContent ?? '')));
			const live = data.find((item: { '@type': string }) => item['@type'] === 'LiveBlogPosting');
			expect(live).toMatchObject({ coverageStartTime: '2026-11-29T04:00:00.000Z' });
			expect(live).not.toHaveProperty('coverageEndTime');
			expect(live.liveBlogUpdate).toHaveLength(4);
			expect(live.liveBlogUpdate[0]).toMatchObject({
				'@type': 'BlogPosting',
				datePublished: '2026-11-29T16:05:00.000Z',
			});
			expect(live.liveBlogUpdate[0].url).toMatch(/#update-20261129-1605$/);
			expect(live.liveBlogUpdate[0].articleBody.length).toBeGreaterThan(20);
		});

		test("a picture in an update's text is the site's optimised image, on the page and in the feed", async ({
			page,
			request,
		}) => {
			await page.goto(path);
			const image = page.locator('.live-update .article-body img');
			await expect(image).toHaveCount(1);
			await expect(image).toHaveAttribute('alt', picture);
			await expect(image).toHaveAttribute('src', /^\/_astro\/parliament-dome\.[\w-]+\.webp$/);
			await expect(image).toHaveAttribute('srcset', /480w.*800w/);
			await expect(image).toHaveAttribute('width', /^\d+$/);
			await image.scrollIntoViewIfNeeded();
			await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
			const feed = await (await request.get(`${path}rss.xml`)).text();
			expect(feed).toMatch(/src=&quot;https:\/\/[^&]+\/_astro\/parliament-dome\.[\w-]+\.webp&quot;/);
		});

		test('its updates have a feed, newest first', async ({ request }) => {
			const response = await request.get(`${path}rss.xml`);
			expect(response.status()).toBe(200);
			const xml = await response.text();
			const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => match[1]);
			expect(links).toHaveLength(4);
			expect(links[0]).toMatch(/#update-20261129-1605$/);
		});
	});
}

test.describe('with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });
	test('the live page shows every update and its key moments', async ({ page }) => {
		await page.goto(`/news/${SLUG}/`);
		await expect(page.locator('.live-update')).toHaveCount(4);
		await expect(page.locator('.key-moments a')).toHaveCount(2);
	});
});
