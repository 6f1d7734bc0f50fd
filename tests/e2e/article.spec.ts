import { test, expect, RUNNING_SCRIPTS } from './fixtures.ts';

/** The seed: the first real article, imported from the old site, and its English translation. */
const SEED_SLUG = 'qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab';
const SEED_TITLE = 'قاسم توكاييف: ما حصل في كازاخستان محاولة انقلاب.. وبوتين: لن نسمح بثورات ملونة';
const OLD_FOOTER = ['تابعونا على صفحة الفيسبوك', 'اظهر المزيد', 'مقالات ذات صلة', 'زر الذهاب إلى الأعلى'];

test.describe('the seed article in Arabic', () => {
	test.beforeEach(async ({ page }) => {
		const response = await page.goto(`/news/${SEED_SLUG}/`);
		expect(response?.status()).toBe(200);
	});

	test('is right-to-left Arabic with its title, section and source', async ({ page }) => {
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.locator('h1')).toHaveText(SEED_TITLE);
		await expect(page).toHaveTitle(new RegExp(`^${SEED_TITLE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| `));
		await expect(page.locator('.kicker')).toHaveText('دولي');
		await expect(page.locator('.kicker')).toHaveAttribute('href', '/category/world/');
		await expect(page.locator('.source')).toHaveText('المصدر: وكالات');
	});

	test('has its 17 paragraphs and nothing of the old site footer', async ({ page }) => {
		await expect(page.locator('.article-body > p')).toHaveCount(17);
		await expect(page.locator('.article-body > p').first()).toContainText('اجتياح ومحاولة انقلاب');
		await expect(page.locator('.article-body > p').last()).toContainText('خلايا نائمة من المسلحين');
		const text = await page.locator('main').innerText();
		for (const line of OLD_FOOTER) expect(text).not.toContain(line);
	});

	test('shows the date in Arabic with the Hijri date, and the reading time', async ({ page }) => {
		await expect(page.locator('.dates time').first()).toHaveAttribute('datetime', '2022-01-10T09:00:00.000Z');
		await expect(page.locator('.dates time').first()).toContainText('10 يناير 2022');
		await expect(page.locator('.hijri')).toContainText('جمادى الآخرة 1443');
		await expect(page.locator('.reading-time')).toContainText('قراءة');
	});

	test('links to its English translation, and the language switch goes there', async ({ page }) => {
		await expect(page.locator('.translation-link a')).toHaveAttribute('href', `/en/news/${SEED_SLUG}/`);
		await page.locator('.language-switch').click();
		await expect(page).toHaveURL(new RegExp(`/en/news/${SEED_SLUG}/$`));
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	});

	test('has share links, tags, related stories and a way back to the top, and no script', async ({
		page,
	}) => {
		const share = page.locator('.share-bottom a');
		await expect(share).toHaveCount(5);
		await expect(page.locator('.share-top a')).toHaveCount(5);
		await expect(page.locator('.related .card-link').first()).toBeVisible();
		for (const href of await share.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
			expect(href).toContain(encodeURIComponent(`https://news.example.org/news/${SEED_SLUG}/`));
		}
		await expect(page.locator('.back-to-top a')).toHaveAttribute('href', '#top');
		await expect(page.locator('#top')).toHaveCount(1);
		await expect(page.locator(RUNNING_SCRIPTS)).toHaveCount(0);
	});
});

test.describe('the seed article in English', () => {
	test('is left-to-right English and links back to the Arabic original', async ({ page }) => {
		await page.goto(`/en/news/${SEED_SLUG}/`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
		await expect(page.locator('h1')).toContainText('Tokayev');
		await expect(page.locator('.kicker')).toHaveText('World');
		await expect(page.locator('.hijri')).toHaveCount(0);
		await expect(page.locator('.dates time').first()).toContainText('10 January 2022');
		await expect(page.locator('.translation-link a')).toHaveAttribute('href', `/news/${SEED_SLUG}/`);
		await expect(page.locator('.language-switch')).toHaveAttribute('href', `/news/${SEED_SLUG}/`);
		await expect(page.locator(RUNNING_SCRIPTS)).toHaveCount(0);
	});
});

test.describe('a corrected story', () => {
	/** The sample story carries one correction in each language (content/articles/*\/central-bank-holds-rates.md). */
	const cases = [
		{ path: '/news/central-bank-holds-rates/', heading: 'تصحيحات', text: /3\.3%.*3\.1%/, time: '٦:٠٥|6:05' },
		{
			path: '/en/news/central-bank-holds-rates/',
			heading: 'Corrections',
			text: /3\.3%.*3\.1%/,
			time: '18:05',
		},
	];
	for (const { path, heading, text, time } of cases)
		test(`shows its correction under the story, dated, and in its structured data: ${path}`, async ({
			page,
		}) => {
			await page.goto(path);
			const corrections = page.locator('.article .corrections');
			await expect(corrections.getByRole('heading', { level: 2 })).toHaveText(heading);
			// Under the body, before the tags.
			const below = await page.evaluate(() => {
				const body = document.querySelector('.article-body')!;
				const section = document.querySelector('.corrections')!;
				return Boolean(body.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING);
			});
			expect(below).toBe(true);
			await expect(corrections.locator('li')).toHaveCount(1);
			await expect(corrections.locator('li p')).toHaveText(text);
			await expect(corrections.locator('li time')).toHaveAttribute('datetime', '2026-11-19T15:05:00.000Z');
			await expect(corrections.locator('li time')).toHaveText(new RegExp(time));
			const data = await page
				.locator('script[type="application/ld+json"]')
				.evaluateAll((scripts) => scripts.flatMap((script) => JSON.parse(script.textContent ?? '')));
			const article = data.find((item: { '@type': string }) => item['@type'] === 'NewsArticle');
			expect(article).toMatchObject({
				dateModified: '2026-11-19T15:05:00.000Z',
				correction: [{ '@type': 'CorrectionComment', datePublished: '2026-11-19T15:05:00.000Z' }],
			});
			expect(article.correction[0].text).toMatch(text);
			await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute(
				'content',
				'2026-11-19T15:05:00.000Z',
			);
		});

	test('a story without corrections has no corrections section and no correction in its data', async ({
		page,
	}) => {
		await page.goto(`/news/${SEED_SLUG}/`);
		await expect(page.locator('.corrections')).toHaveCount(0);
		const json = await page.locator('script[type="application/ld+json"]').first().textContent();
		expect(json).not.toContain('correction');
	});
});
