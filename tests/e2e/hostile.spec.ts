import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectedEmbeds, hostileCases } from '../fixtures/hostile-corpus.ts';
import { servedSiteCopy } from '../helpers/site-copy.ts';
import { expect, test } from './fixtures.ts';

/**
 * Builds the site with a corpus of hostile articles, then opens every one in Chromium as a
 * reader would: nothing of the corpus may run, load from a foreign host, or break the page.
 */
test.describe.configure({ mode: 'serial', timeout: 60_000 });

let site: Awaited<ReturnType<typeof servedSiteCopy>>;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	site = await servedSiteCopy(async (root) => {
		await copyFile(join(root, 'content/media/ai-network.jpg'), join(root, 'content/media/present.jpg'));
		for (const { slug, frontMatter, body } of hostileCases) {
			const fields = frontMatter ?? '';
			const title = /^title:/m.test(fields) ? '' : `title: حالة ${slug}\n`;
			await writeFile(
				join(root, 'content/articles/ar', `${slug}.md`),
				`---\n${title}${fields}\ndate: '2025-01-01T10:00:00+03:00'\ncategory: world\n---\n${body}\n`,
			);
		}
	});
});

test.afterAll(async () => {
	await site?.close();
});

test('the corpus has at least 30 cases', () => {
	expect(hostileCases.length).toBeGreaterThanOrEqual(30);
});

for (const { slug } of hostileCases) {
	test(`hostile article ${slug}: nothing runs, nothing foreign loads`, async ({ page }) => {
		const dialogs: string[] = [];
		const foreign: string[] = [];
		page.on('dialog', async (dialog) => {
			dialogs.push(dialog.message());
			await dialog.dismiss();
		});
		await page.route('**/*', (route) => {
			const url = new URL(route.request().url());
			if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'about:')
				return route.continue();
			foreign.push(url.href);
			return route.abort();
		});
		const response = await page.goto(`${site.url}/news/${slug}/`);
		expect(response?.status()).toBe(200);
		await page.mouse.move(400, 400);
		await page.keyboard.press('Tab');
		await page.waitForTimeout(100);

		expect(dialogs).toEqual([]);
		expect(foreign).toEqual([]);
		await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
		const unsafe = await page.evaluate(() =>
			[...document.querySelectorAll('*')].flatMap((el) =>
				[...el.attributes]
					.filter(
						(attr) =>
							/^on/i.test(attr.name) ||
							(/^(href|src|action|formaction)$/i.test(attr.name) &&
								/^\s*(javascript|data|vbscript):/i.test(attr.value)),
					)
					.map((attr) => `${el.tagName} ${attr.name}=${attr.value}`),
			),
		);
		expect(unsafe).toEqual([]);
		const article = page.locator('.article-body');
		await expect(
			article.locator('form, object, embed, base, meta, style, link, input:not([type="checkbox"][disabled])'),
		).toHaveCount(0);
		await expect(article.locator('iframe')).toHaveCount(expectedEmbeds[slug] ?? 0);
		await expect(page.locator('h1')).toHaveCount(1);
	});
}

test('allowed embeds show a local preview with a title and a fallback link, and load nothing until clicked', async ({
	page,
}) => {
	const foreign: string[] = [];
	await page.route('**/*', (route) => {
		const url = new URL(route.request().url());
		if (url.hostname !== '127.0.0.1' && url.protocol.startsWith('http')) {
			foreign.push(url.href);
			return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>third party</p>' });
		}
		return route.continue();
	});
	await page.goto(`${site.url}/news/allowed-embeds/`);
	const frames = page.locator('figure.embed iframe');
	await expect(frames).toHaveCount(3);
	await expect(frames.first()).toHaveAttribute('title', 'اضغط لعرض فيديو على يوتيوب');
	await expect(page.locator('figure.embed figcaption a').first()).toHaveAttribute(
		'href',
		'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
	);
	const preview = page.frameLocator('figure.embed iframe').first();
	await expect(preview.locator('a')).toContainText('يوتيوب');
	expect(foreign).toEqual([]);
	await preview.locator('a').click();
	await expect.poll(() => foreign).toEqual(['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1']);
});

test('ordinary Markdown still works: headings, lists, quotes, tables, code, local images, links and footnotes', async ({
	page,
}) => {
	await page.goto(`${site.url}/news/ordinary-markdown/`);
	const body = page.locator('.article-body');
	await expect(body.locator('h2').first()).toHaveText('عنوان فرعي');
	await expect(body.locator('section[data-footnotes] h2')).toHaveText('الحواشي');
	await expect(body.locator('strong')).toHaveText('خط عريض');
	await expect(body.locator('ul li')).toHaveCount(2);
	await expect(body.locator('blockquote')).toContainText('اقتباس');
	await expect(body.locator('table td').first()).toHaveText('أ');
	await expect(body.locator('pre code')).toContainText('const x = 1;');
	await expect(body.locator('a[href="https://example.org/"]')).toHaveText('رابط');
	const image = body.locator('img[alt="صورة محلية"]');
	expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
	const footnote = body.locator('sup a').first();
	const target = (await footnote.getAttribute('href'))!;
	await expect(page.locator(target)).toContainText('نص الحاشية');
});
