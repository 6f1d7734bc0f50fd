import { contentArticles, isPublished } from '../helpers/content.ts';
import { test, expect, RUNNING_SCRIPTS } from './fixtures.ts';

const articles = contentArticles();
const hidden = articles.filter((article) => !isPublished(article));
const published = articles.filter((article) => isPublished(article));
const pathOf = (locale: string, slug: string) => `${locale === 'ar' ? '' : '/en'}/news/${slug}/`;

test('the content has a draft and a future-dated article to test with', () => {
	expect(hidden.some((article) => article.data.draft)).toBe(true);
	expect(hidden.some((article) => !article.data.draft && new Date(article.data.date) > new Date())).toBe(
		true,
	);
});

for (const article of hidden) {
	test(`${article.locale}/${article.slug} (${article.data.draft ? 'draft' : 'future'}) is not published or linked`, async ({
		page,
		request,
	}) => {
		const response = await request.get(pathOf(article.locale, article.slug));
		expect(response.status()).toBe(404);
		for (const path of article.locale === 'ar'
			? ['/', `/category/${article.data.category}/`]
			: ['/en/', `/en/category/${article.data.category}/`]) {
			await page.goto(path);
			await expect(page.locator(`a[href*="/news/${article.slug}/"]`)).toHaveCount(0);
			await expect(page.locator('main')).not.toContainText(article.data.title);
		}
	});
}

test('an article without a translation switches to the other home page', async ({ page }) => {
	const single = published.find(
		(article) =>
			article.locale === 'ar' &&
			!published.some((other) => other.locale === 'en' && other.slug === article.slug),
	);
	expect(single, 'an Arabic article with no English translation').toBeDefined();
	await page.goto(pathOf('ar', single!.slug));
	await expect(page.locator('.language-switch')).toHaveAttribute('href', '/en/');
	await expect(page.locator('.translation-link')).toHaveCount(0);
});

test('related stories are published stories in the same language', async ({ page }) => {
	const withTags = published.find(
		(article) => article.locale === 'ar' && (article.data.tags?.length ?? 0) > 0,
	)!;
	await page.goto(pathOf('ar', withTags.slug));
	const links = await page
		.locator('.related a')
		.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
	expect(links.length).toBeGreaterThan(0);
	for (const href of links) {
		expect(href).toMatch(/^\/news\/[a-z0-9-]+\/$/);
		const slug = href.split('/')[2];
		expect(published.some((article) => article.locale === 'ar' && article.slug === slug)).toBe(true);
	}
});

test('an article with an image shows it with its alt text and caption', async ({ page }) => {
	const illustrated = published.find(
		(article) => article.locale === 'ar' && article.data.image && article.data.imageCaption,
	)!;
	await page.goto(pathOf('ar', illustrated.slug));
	const image = page.locator('.lead-image img');
	await expect(image).toHaveAttribute('alt', String(illustrated.data.imageAlt));
	await expect(page.locator('.lead-image figcaption')).toHaveText(String(illustrated.data.imageCaption));
	expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('an Arabic tag link works, and so does the tag typed unencoded', async ({ page }) => {
	const tagged = published.find(
		(article) => article.locale === 'ar' && article.data.tags?.some((tag) => /\p{Script=Arabic}/u.test(tag)),
	)!;
	const tag = tagged.data.tags!.find((t) => /\p{Script=Arabic}/u.test(t))!;
	await page.goto(pathOf('ar', tagged.slug));
	await page.locator('.tags a', { hasText: tag }).first().click();
	await expect(page.locator('h1')).toContainText(tag);
	await expect(page.locator(`main a[href="${pathOf('ar', tagged.slug)}"]`)).toHaveCount(1);
	const typed = await page.goto(`/tag/${tag.trim().replace(/\s+/g, '-')}/`);
	expect(typed?.status()).toBe(200);
});

for (const [locale, home, lang, dir, other] of [
	['ar', '/', 'ar', 'rtl', '/en/'],
	['en', '/en/', 'en', 'ltr', '/'],
] as const) {
	test(`the ${locale} home page lists the latest published stories, with no script`, async ({ page }) => {
		await page.goto(home);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.locator('html')).toHaveAttribute('dir', dir);
		await expect(page.locator('.language-switch')).toHaveAttribute('href', other);
		const newest = published
			.filter((article) => article.locale === locale)
			.sort((a, b) => +new Date(b.data.date) - +new Date(a.data.date))[0]!;
		// The newest story is at the top: in the breaking strip, the headlines or the latest news.
		await expect(
			page.locator(`:is(.breaking, .front-top) a[href="${pathOf(locale, newest.slug)}"]`).first(),
		).toBeVisible();
		await expect(page.locator(RUNNING_SCRIPTS)).toHaveCount(0);
	});
}

test('no built page links to or shows a draft or a future-dated article', async () => {
	const { readdirSync, readFileSync } = await import('node:fs');
	const files = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((file) =>
		file.endsWith('.html'),
	);
	expect(files.length).toBeGreaterThan(50);
	for (const file of files) {
		const html = readFileSync(`dist/${file}`, 'utf8');
		for (const article of hidden) {
			expect(html, `${file} links to ${article.slug}`).not.toContain(`/news/${article.slug}/`);
			expect(html, `${file} shows ${article.slug}`).not.toContain(article.data.title);
		}
	}
});
