import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { Page } from '@playwright/test';
import { asciiFileName } from '../../admin/lib/media-name.ts';
import { articleFrontmatterSchema } from '../../src/schemas/article.ts';
import { startCmsServer, type CmsServer } from '../../src/cms/server.ts';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';
import { serveStatic } from '../helpers/serve.ts';
import { test, expect } from './admin-fixtures.ts';

/**
 * An editor's session: /admin/ on a throw-away copy of the site, built for the local backend,
 * with the local backend editing the copy's working tree. Nothing here touches the project.
 */

const SEED = 'qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab';
const SLUG = 'cms-budget-vote-2027';
const TITLE = 'البرلمان يقرّ موازنة 2027 بأغلبية 91 صوتًا بعد جلسة استمرت 11 ساعة';
const IMAGE_NAME = 'صورة قبة البرلمان.jpg';

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
let backend: CmsServer;
let site: Awaited<ReturnType<typeof serveStatic>>;

test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.use({ actionTimeout: 20_000 });

test.beforeAll(async () => {
	test.setTimeout(300_000);
	copy = await makeSiteCopy({ git: true });
	site = await serveStatic(join(copy.root, 'dist'));
	backend = await startCmsServer({ root: copy.root, port: 0, sitePort: Number(new URL(site.url).port) });
	const build = await buildSite(copy.root, {
		NEWSROOM_CMS_LOCAL: backend.url,
		NEWSROOM_CMS_TOKEN: backend.token,
	});
	expect(build.code, build.output).toBe(0);
	expect(build.output).toMatch(/admin bundle: cms\.js [\d.]+ MB \([\d.]+ MB gzipped\)/);
});

test.afterAll(async () => {
	await site?.close();
	await backend?.close();
	await copy?.remove();
});

/** Opens the CMS and logs in to the local backend (no password: it edits the local files). */
async function openCms(page: Page, hash = '') {
	await page.goto('about:blank'); // a new load: Decap does not follow a hash change from one entry to another
	await page.goto(`${site.url}/admin/${hash}`);
	const login = page.getByRole('button', { name: 'تسجيل الدخول' });
	// Once logged in, a reload goes straight to the page asked for.
	const ready = page.locator('[contenteditable="true"]').or(page.getByRole('heading', { name: 'المجموعات' }));
	await expect(login.or(ready).first()).toBeVisible();
	if (await login.isVisible()) await login.click();
}

/** Where the last line of `element`'s text ends, against its box: right-aligned text hugs the right edge. */
async function lastLineGaps(page: Page, selector: string) {
	return page
		.locator(selector)
		.first()
		.evaluate((element) => {
			const range = element.ownerDocument.createRange();
			range.selectNodeContents(element);
			const lines = [...range.getClientRects()];
			const last = lines.reduce((a, b) => (b.bottom > a.bottom ? b : a));
			const box = element.getBoundingClientRect();
			const style = getComputedStyle(element);
			return {
				right: box.right - parseFloat(style.paddingRight) - last.right,
				left: last.left - box.left - parseFloat(style.paddingLeft),
			};
		});
}

test('the CMS refuses to publish an article without title, date, category or slug, saying why in Arabic', async ({
	page,
}) => {
	await openCms(page, '#/collections/articles/new');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.getByRole('button', { name: 'امسح' }).first().click(); // the date defaults to now
	await page.locator('input[id^="slug-field-"]').first().fill('الموازنة');
	await page.getByRole('button', { name: 'انشر' }).click();
	await page.getByRole('menuitem', { name: 'انشر الآن' }).click();
	for (const message of ['حقل «العنوان» مطلوب.', 'حقل «تاريخ النشر» مطلوب.', 'حقل «القسم» مطلوب.'])
		await expect(page.getByText(message)).toBeVisible();
	await expect(
		page.getByText(
			'قيمة «الرابط المختصر» لا تطابق النمط المطلوب: الرابط المختصر حروف لاتينية صغيرة من a إلى z',
		),
	).toBeVisible();
	await expect(page.getByText('لم تملأ حقلًا مطلوبًا. أكمله قبل الحفظ.')).toBeVisible();
	await page.locator('input[id^="slug-field-"]').first().fill('');
	await page.getByRole('button', { name: 'انشر' }).click();
	await page.getByRole('menuitem', { name: 'انشر الآن' }).click();
	await expect(page.getByText('حقل «الرابط المختصر» مطلوب.')).toBeVisible();
	expect(existsSync(join(copy.root, 'content/articles/ar/.md'))).toBe(false);
});

test('the seed article opens in the CMS with its Arabic body right-aligned', async ({ page }, testInfo) => {
	await openCms(page, `#/collections/articles/entries/${SEED}`);
	const paragraph = page.locator('[contenteditable="true"] p').first();
	await expect(paragraph).toContainText('اجتياح ومحاولة انقلاب');
	const gaps = await lastLineGaps(page, '[contenteditable="true"] p');
	expect(gaps.right).toBeLessThan(2);
	expect(gaps.left).toBeGreaterThan(20);
	await paragraph.scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('seed-article-body.png') });
	await expect(page.locator(`output[data-slug="${SEED}"]`).first()).toBeVisible();
});

/** Files the CMS changed in the copy, as git sees them. */
const changedFiles = () =>
	execFileSync('git', ['status', '--porcelain'], { cwd: copy.root, encoding: 'utf8' });

test('opening articles marks nothing as changed, and publishing one with no real change writes no byte', async ({
	page,
}) => {
	// The seed, and a sample with an author and an English translation (relation fields used to mark both changed).
	for (const slug of [SEED, 'al-sahel-wins-arab-elite-cup']) {
		await openCms(page, `#/collections/articles/entries/${slug}`);
		await expect(page.locator('[contenteditable="true"]').first()).toBeVisible();
		await page.waitForTimeout(4_000); // the relation widgets flag the entry a while after it opens (docs/performance.md)
		await expect(page.getByText('حُفظت التغييرات')).toBeVisible();
		await expect(page.getByText('تغييرات غير محفوظة')).toHaveCount(0);
	}
	// The section still shows after the preview is opened and closed.
	await page.getByTitle('إظهار المعاينة أو إخفاؤها').click();
	await page.getByTitle('إظهار المعاينة أو إخفاؤها').click();
	await expect(
		page
			.locator('[id^="category-field-"]')
			.first()
			.locator('xpath=ancestor::*[contains(@class,"container")][1]'),
	).toContainText('رياضة');
	expect(changedFiles()).toBe('');

	// A space after the headline is a change to Decap, so it offers to publish; the file says the same, and stays as it was.
	await openCms(page, `#/collections/articles/entries/${SEED}`);
	const title = page.locator('input[id^="title-field-"]').first();
	await title.press('End');
	await title.pressSequentially(' ');
	await expect(page.getByText('تغييرات غير محفوظة')).toBeVisible();
	await page.getByRole('button', { name: 'انشر' }).click();
	await page.getByRole('menuitem', { name: 'انشر الآن' }).click();
	await expect(page.getByText('حُفظت المادة')).toBeVisible();
	expect(changedFiles()).toBe('');
});

test('an editor writes an Arabic article with an image in the CMS, and the next build publishes it', async ({
	page,
}, testInfo) => {
	await openCms(page);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.getByRole('heading', { name: 'المجموعات' })).toBeVisible();

	await page.goto(`${site.url}/admin/#/collections/articles/new`);
	const title = page.locator('input[id^="title-field-"]').first();
	await title.fill(TITLE);
	await page.locator('input[id^="slug-field-"]').first().fill(SLUG);
	await page.locator('input[id^="category-field-"]').first().fill('سياسة');
	await page.getByRole('option', { name: 'سياسة' }).click();
	await page.locator('.newsroom-tags input').first().fill('الموازنة العامة');
	await page.locator('.newsroom-tags input').first().press('Enter');

	// The lead image, uploaded under an Arabic file name.
	await page.getByRole('button', { name: 'اختر صورة' }).first().click();
	await page.locator('input[type="file"]').setInputFiles({
		name: IMAGE_NAME,
		mimeType: 'image/jpeg',
		buffer: readFileSync(join(copy.root, 'content/media/parliament-dome.jpg')),
	});
	const uploaded = asciiFileName(IMAGE_NAME);
	await expect(page.getByText(uploaded)).toBeVisible();
	await page.getByRole('button', { name: 'اختر المحدد' }).click();
	await page.locator('input[id^="imageAlt-field-"]').first().fill('قبة البرلمان');

	// The body, typed as Markdown: a heading, a paragraph with a link.
	// The editor's rich text / Markdown switch: the one switch that is not a field (it has no id, and its aria-label is lost in Decap's Toggle).
	await page.locator('button[role="switch"]:not([id])').first().click();
	await page.locator('[contenteditable="true"]').first().click();
	for (const line of [
		'## التصويت',
		'',
		'صوّت 91 نائبًا لصالح الموازنة، بحسب [بيان البرلمان](https://example.org/budget) الصادر مساء الأحد.',
	]) {
		await page.keyboard.insertText(line);
		await page.keyboard.press('Enter');
	}

	// Arabic in every field: right-aligned, in reading order (the screenshots are for a human to check).
	await expect(title).toHaveCSS('unicode-bidi', 'plaintext');
	await expect(title).toHaveCSS('text-align', 'start');
	const bodyGaps = await lastLineGaps(page, '[contenteditable="true"] > *:nth-child(3)');
	expect(bodyGaps.right).toBeLessThan(2);
	expect(bodyGaps.left).toBeGreaterThan(20);
	await page.screenshot({ path: testInfo.outputPath('editor-arabic-body.png') });
	await title.scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('editor-arabic.png') });

	// The preview pane (in place of the English pane): the site's stylesheet, in Arabic and right to left.
	await page.getByTitle('إظهار المعاينة أو إخفاؤها').click();
	const preview = page.frameLocator('iframe').first();
	await expect(preview.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(preview.locator('.article-header h1')).toHaveText(TITLE);
	await expect(preview.locator('.article-body h2')).toHaveText('التصويت');
	await expect(preview.locator('.lead-image img')).toBeVisible();
	await expect(preview.locator('.article')).toHaveCSS('max-inline-size', /px$/);

	await page.getByRole('button', { name: 'انشر' }).click();
	await page.getByRole('menuitem', { name: 'انشر الآن' }).click();
	await expect(page.getByText('حُفظت المادة')).toBeVisible(); // simple publishing: a save is the publication

	const file = join(copy.root, `content/articles/ar/${SLUG}.md`);
	await expect.poll(() => existsSync(file)).toBe(true);
	const { data, content } = matter(readFileSync(file, 'utf8'));
	const checked = articleFrontmatterSchema.safeParse(data);
	expect(checked.success ? [] : checked.error.issues).toEqual([]);
	expect(data).toMatchObject({
		title: TITLE,
		category: 'politics',
		tags: ['الموازنة العامة'],
		image: `../../media/${uploaded}`,
	});
	expect(data.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
	expect(content).toContain('## التصويت');
	expect(content).toContain('[بيان البرلمان](https://example.org/budget)');
	expect(existsSync(join(copy.root, 'content/media', uploaded))).toBe(true);
	// No English file without an English title.
	expect(existsSync(join(copy.root, `content/articles/en/${SLUG}.md`))).toBe(false);

	// A saved article's slug is shown, not offered for renaming.
	await expect(page.locator(`output[data-slug="${SLUG}"]`).first()).toBeVisible();
	await expect(page.locator('input[id^="slug-field-"]')).toHaveCount(0);

	const rebuild = await buildSite(copy.root);
	expect(rebuild.code, rebuild.output).toBe(0);
	await page.goto(`${site.url}/news/${SLUG}/`);
	await expect(page.locator('h1')).toHaveText(TITLE);
	await expect(page.locator('.article-body a[href="https://example.org/budget"]')).toHaveText(
		'بيان البرلمان',
	);
	const image = page.locator('.lead-image img');
	await expect(image).toBeVisible();
	expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
	await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);

	// That rebuild was a production build: its CMS logs in to the git host, with no local backend.
	await page.goto(`${site.url}/admin/`);
	await expect(page.getByRole('button', { name: 'الدخول عبر GitHub' })).toBeVisible();
	expect(readFileSync(join(copy.root, 'dist/admin/cms.js'), 'utf8')).not.toContain(backend.url);
});
