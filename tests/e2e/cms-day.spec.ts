import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import matter from 'gray-matter';
import type { Page } from '@playwright/test';
import { labels } from '../../admin/labels.ts';
import { asciiFileName } from '../../admin/lib/media-name.ts';
import { wallTime } from '../../admin/lib/zoned-time.ts';
import ar from '../../admin/locales/ar.ts';
import { asciiSlug } from '../../src/newsroom/transliterate.ts';
import { articleFrontmatterSchema } from '../../src/schemas/article.ts';
import { startCmsServer, type CmsServer } from '../../src/cms/server.ts';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';
import { serveStatic } from '../helpers/serve.ts';
import { test, expect } from './admin-fixtures.ts';

/**
 * A journalist's day in the CMS, in Arabic, at 1366 px, on a browser whose clock is in New York
 * while the newsroom's is in Riyadh (content/settings/site.yml): create an article with the slug
 * the headline suggests, tags from the site's own, an image whose description is required, a date
 * scheduled on the newsroom's clock, a preview with a YouTube embed; save it as a draft, publish
 * it, view it on the rebuilt site; correct it; add an update to a live page; delete another
 * draft. On a throw-away copy of the site.
 */

const TITLE = 'وزير المالية يعرض موازنة 2027 على البرلمان';
const ENGLISH_TITLE = 'Finance Minister presents the 2027 budget';
const SLUG = asciiSlug(ENGLISH_TITLE);
const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const IMAGE_NAME = 'قاعة البرلمان.jpg';
const ALT = 'قاعة البرلمان وقت التصويت على الموازنة';
const ZONE = 'Asia/Riyadh';
const DRAFT_TITLE = 'مسودة عن سوق الأسهم لن تُنشر';
/** The sample live page, and the update the editor adds to it. */
const LIVE = 'municipal-elections-live';
const UPDATE_TITLE = 'الهيئة تعلن النتائج الأولية';
const UPDATE_BODY = 'أعلنت الهيئة المستقلة للانتخابات النتائج الأولية في 48 مجلسًا بلديًا قبيل منتصف الليل.';

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
let backend: CmsServer;
let site: Awaited<ReturnType<typeof serveStatic>>;
let cmsEnv: Record<string, string>;

test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.use({ actionTimeout: 20_000, timezoneId: 'America/New_York', viewport: { width: 1366, height: 900 } });

test.beforeAll(async () => {
	test.setTimeout(300_000);
	copy = await makeSiteCopy({ git: true });
	site = await serveStatic(join(copy.root, 'dist'));
	backend = await startCmsServer({ root: copy.root, port: 0, sitePort: Number(new URL(site.url).port) });
	cmsEnv = { NEWSROOM_CMS_LOCAL: backend.url, NEWSROOM_CMS_TOKEN: backend.token };
	const build = await buildSite(copy.root, cmsEnv);
	expect(build.code, build.output).toBe(0);
});

test.afterAll(async () => {
	await site?.close();
	await backend?.close();
	await copy?.remove();
});

const articleFile = (slug: string) => join(copy.root, `content/articles/ar/${slug}.md`);

/** Opens the CMS (logging in to the local backend when asked) at `hash`. */
async function openCms(page: Page, hash = '') {
	await page.goto('about:blank');
	await page.goto(`${site.url}/admin/${hash}`);
	const login = page.getByRole('button', { name: 'تسجيل الدخول' });
	// Visible: a live page's folded updates hold editors too.
	const ready = page
		.locator('[contenteditable="true"]:visible')
		.or(page.getByRole('heading', { name: 'المجموعات' }));
	// Decap loads its bundle, then the entry: seconds on a busy machine, more than expect's 5 s.
	await expect(login.or(ready).first()).toBeVisible({ timeout: 30_000 });
	if (await login.isVisible()) await login.click();
	await expect(ready.first()).toBeVisible({ timeout: 30_000 });
}

/** Latin words on the screen that are neither the site's own content nor addresses. */
async function englishLeft(page: Page, allowed: Set<string>): Promise<string[]> {
	const texts = [await page.locator('body').innerText()];
	for (const frame of page.frames())
		if (frame !== page.mainFrame())
			texts.push(
				await frame
					.locator('body')
					.innerText()
					.catch(() => ''),
			);
	const words = texts
		.join('\n')
		.replace(/https?:\/\/\S+/g, ' ')
		.match(/[A-Za-z][A-Za-z'’-]*/g);
	return [...new Set(words ?? [])].filter((word) => !allowed.has(word.toLowerCase()));
}

/** Every Latin word the site's content holds (English articles, names, slugs, captions): not interface text. */
function contentWords(): Set<string> {
	const words = new Set<string>();
	const add = (text: string) => {
		for (const word of text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []) words.add(word.toLowerCase());
	};
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) walk(join(dir, entry.name));
			else if (/\.(md|yml)$/.test(entry.name))
				add(`${entry.name} ${readFileSync(join(dir, entry.name), 'utf8')}`);
		}
	};
	for (const folder of ['articles', 'pages', 'authors', 'categories'])
		walk(join(copy.root, 'content', folder));
	add(`${ENGLISH_TITLE} ${SLUG} ${asciiFileName(IMAGE_NAME)} budget-vote-2027`);
	return words;
}

/** axe's serious and critical findings (WCAG 2.2 A and AA), as "rule: element" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
		.exclude('iframe')
		.analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

/** Boxes of the pane text (fields, body, preview) that the floating pane switches cover. */
async function coveredByPaneSwitches(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const switches = document.querySelector("[class*='ViewControls']")!.getBoundingClientRect();
		const targets = document.querySelectorAll<HTMLElement>(
			".Pane :is(input, textarea, select, [contenteditable='true'], label, iframe, output, [class*='LocaleButton'])",
		);
		return [...targets]
			.filter((element) => {
				const box = element.getBoundingClientRect();
				if (box.width === 0 || box.height === 0) return false;
				return (
					box.left < switches.right &&
					box.right > switches.left &&
					box.top < switches.bottom &&
					box.bottom > switches.top
				);
			})
			.map((element) => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`);
	});
}

/** The computed `scale` of the first element matching `selector`. */
const scaleOf = (page: Page, selector: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((element) => getComputedStyle(element).scale);

/** Picks an option of one of Decap's selects (react-select) by its visible text. */
async function choose(page: Page, fieldId: string, option: string) {
	await page.locator(`input[id^="${fieldId}-field-"]`).first().fill(option);
	await page.getByRole('option', { name: option, exact: true }).click();
}

test('the login page and the article list: Arabic, mirrored, newest first, with state, date, section and author', async ({
	page,
}, testInfo) => {
	await page.goto(`${site.url}/admin/`);
	await expect(page.getByRole('button', { name: 'تسجيل الدخول' })).toBeVisible();
	// «العودة إلى الموقع» points right, towards where a right-to-left reader came from; no Decap logo.
	await expect(page.getByText(ar.ui.default.goBackToSite)).toBeVisible();
	expect(await scaleOf(page, 'a:has-text("العودة إلى الموقع") [class*="IconWrapper"]')).toBe('-1 1');
	await expect(page.locator('section svg').filter({ visible: true })).toHaveCount(1); // only the arrow
	await page.screenshot({ path: testInfo.outputPath('login-1366.png') });

	await openCms(page, '#/collections/articles');
	const cards = page.locator('main a[href*="/collections/articles/entries/"]');
	await expect(cards.first()).toBeVisible();
	// Newest first: the dates the cards show go down, the scheduled sample (February 2027) on top.
	const slugs = await cards.evaluateAll((links) =>
		links.map((link) => link.getAttribute('href')!.split('/').pop()!),
	);
	const dates = slugs.map((slug) => {
		const file = articleFile(slug);
		return existsSync(file) ? new Date(matter(readFileSync(file, 'utf8')).data.date as string).getTime() : 0;
	});
	expect(dates.filter(Boolean)).toEqual([...dates.filter(Boolean)].sort((a, b) => b - a));
	await expect(cards.first()).toContainText('مجدول');
	await expect(cards.filter({ hasText: 'البرلمان يقرّ موازنة 2027' })).toContainText(
		/^منشور · .* — 28 نوفمبر 2026 في 9:40 م غرينتش\+3 · سياسة/,
	);
	await expect(cards.filter({ hasText: 'تعديل وزاري' })).toContainText(/^مسودة · /);
	await expect(page.getByRole('link', { name: labels['site.link'] })).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('list-1366.png') });

	// Filters: drafts only, then one section.
	await page.getByRole('button', { name: ar.collection.collectionTop.filterBy }).click();
	await page.getByRole('menuitem', { name: labels['filter.drafts'] }).click();
	await expect(cards.filter({ hasText: /^منشور/ })).toHaveCount(0);
	await expect(cards.filter({ hasText: 'تعديل وزاري' })).toHaveCount(1);
	await page.screenshot({ path: testInfo.outputPath('list-drafts-1366.png') });
	await page.getByRole('menuitem', { name: labels['filter.drafts'] }).click();
	await page.getByRole('menuitem', { name: 'رياضة' }).click();
	await expect(cards.filter({ hasNotText: 'رياضة' })).toHaveCount(0);
	await expect(cards).not.toHaveCount(0);
	await page.keyboard.press('Escape');

	expect(await englishLeft(page, contentWords())).toEqual([]);
	expect(await seriousViolations(page)).toEqual([]);
	await page.setViewportSize({ width: 1024, height: 768 });
	await page.screenshot({ path: testInfo.outputPath('list-1024.png') });
});

test('writing: a suggested slug, tags from the site, a required description, a time on the newsroom’s clock, a draft', async ({
	page,
}, testInfo) => {
	await openCms(page, '#/collections/articles');
	await page.getByText('إضافة خبر', { exact: true }).click();
	const title = page.locator('input[id^="title-field-"]').first();
	const slug = page.locator('input[id^="slug-field-"]').first();
	await expect(title).toBeVisible();

	// The slug follows the Arabic headline, then the English one, and stays editable.
	await title.pressSequentially(TITLE);
	await expect(slug).toHaveValue(asciiSlug(TITLE));
	const arabicPane = page.locator('[data-pane-locale="ar"]');
	await expect(arabicPane.getByText(labels['field.slug.suggested'])).toBeVisible();
	const englishPane = page.locator('[data-pane-locale="en"]');
	await expect(englishPane.getByText('الكتابة بلغة: الإنجليزية')).toBeVisible();
	await englishPane.locator('input[id^="title-field-"]').pressSequentially(ENGLISH_TITLE);
	await expect(slug).toHaveValue(SLUG);
	// Typed by hand: checked at each keystroke, in Arabic.
	await slug.fill('Finance Budget');
	await expect(arabicPane.getByRole('alert').filter({ hasText: labels['field.slug.pattern'] })).toBeVisible();
	await expect(slug).toHaveAttribute('aria-invalid', 'true');
	await slug.fill(SLUG);
	await expect(arabicPane.getByRole('alert')).toHaveCount(0);

	await choose(page, 'category', 'اقتصاد');

	// Tags: the site's own offered as the editor types; a comma adds a new one.
	const tags = page.locator('.newsroom-tags').first();
	await tags.locator('input').pressSequentially('كرة');
	await tags.getByRole('option', { name: 'كرة القدم' }).click();
	await tags.locator('input').pressSequentially('الموازنة العامة،');
	await expect(tags.locator('.tag-chip')).toHaveText(['كرة القدم×', 'الموازنة العامة×']);

	// The lead image, its description left empty for now.
	await page.getByRole('button', { name: 'اختر صورة' }).first().click();
	await page.locator('input[type="file"]').setInputFiles({
		name: IMAGE_NAME,
		mimeType: 'image/jpeg',
		buffer: readFileSync(join(copy.root, 'content/media/parliament-dome.jpg')),
	});
	await expect(page.getByText(asciiFileName(IMAGE_NAME))).toBeVisible();
	await page.getByRole('button', { name: 'اختر المحدد' }).click();

	// Tomorrow at 14:30 in Riyadh, chosen in Arabic, on a browser in New York.
	const tomorrow = wallTime(new Date(Date.now() + 86_400_000), ZONE);
	const date = page.locator('.newsroom-date').first();
	await date.getByLabel(labels['date.year']).selectOption(String(tomorrow.year));
	await date.getByLabel(labels['date.month']).selectOption(String(tomorrow.month));
	await date.getByLabel(labels['date.day']).selectOption(String(tomorrow.day));
	await date.getByLabel(labels['date.hour']).selectOption('14');
	await date.getByLabel(labels['date.minute']).selectOption('30');
	const monthName = new Intl.DateTimeFormat('ar', { month: 'long', timeZone: 'UTC' }).format(
		new Date(Date.UTC(tomorrow.year, tomorrow.month - 1, 15)),
	);
	await expect(date.locator('[data-state="scheduled"]')).toContainText('مجدول');
	await expect(date.locator('[data-state="scheduled"]')).toContainText(
		`${tomorrow.day} ${monthName} ${tomorrow.year}`,
	);
	await expect(date.locator('[data-state="scheduled"]')).toContainText('2:30 م غرينتش+3');
	await expect(date.getByLabel(labels['date.month'])).toContainText(monthName);

	await page.locator('input[id^="source-field-"]').first().fill('وكالة الأنباء الرسمية');

	// The body: an empty line waits on the right; a YouTube link on its own line.
	const body = page.locator('[data-slate-editor="true"]').first();
	await body.click();
	await page.keyboard.insertText('قدّم وزير المالية مشروع الموازنة إلى البرلمان صباح اليوم.');
	await page.keyboard.press('Enter');
	const caret = await page.evaluate(() => {
		const selection = getSelection()!;
		const range = selection.getRangeAt(0);
		const line = (
			range.startContainer.nodeType === Node.ELEMENT_NODE
				? (range.startContainer as Element)
				: range.startContainer.parentElement
		)!.closest('p')!;
		const rects = [...range.getClientRects()];
		const caretBox = rects[0] ?? range.getBoundingClientRect();
		const lineBox = line.getBoundingClientRect();
		return {
			fromRight: lineBox.right - caretBox.right,
			fromLeft: caretBox.left - lineBox.left,
			empty: line.textContent!.replace(/\uFEFF/g, '') === '',
		};
	});
	expect(caret.empty).toBe(true);
	expect(caret.fromRight).toBeLessThan(8);
	expect(caret.fromLeft).toBeGreaterThan(100);
	await page.keyboard.insertText(VIDEO);
	await expect(body).toHaveCSS('font-family', /Noto Naskh Arabic/);

	// Mirrored: the back arrow, the switches, the toolbar's list icons.
	expect(await scaleOf(page, '[class*="-BackArrow"]')).toBe('-1 1');
	expect(await scaleOf(page, 'button[role="switch"][id^="draft-field-"]')).toBe('-1 1');
	expect(await scaleOf(page, 'button[title="قائمة نقطية"] [class*="IconWrapper"]')).toBe('-1 1');
	expect(await coveredByPaneSwitches(page)).toEqual([]);
	await page.screenshot({ path: testInfo.outputPath('editor-1366.png'), fullPage: true });

	// Saved as a draft: without a description of the image the CMS refuses, in Arabic, and writes nothing.
	// The save is called what it does: it keeps the article off the site.
	await expect(page.getByRole('button', { name: 'انشر', exact: true })).toBeVisible();
	await page.locator('button[role="switch"][id^="draft-field-"]').first().click();
	await expect(page.getByRole('button', { name: 'انشر', exact: true })).toHaveCount(0);
	await page.getByRole('button', { name: labels['draft.save'] }).click();
	await page.getByRole('menuitem', { name: labels['draft.saveNow'] }).click();
	await expect(page.getByText(labels['field.imageAlt.required'])).toBeVisible();
	expect(existsSync(articleFile(SLUG))).toBe(false);
	await page.locator('input[id^="imageAlt-field-"]').first().fill(ALT);
	await page.getByRole('button', { name: labels['draft.save'] }).click();
	await page.getByRole('menuitem', { name: labels['draft.saveNow'] }).click();
	await expect(page.getByText('حُفظت المادة')).toBeVisible();
	await expect(page.getByRole('button', { name: labels['draft.saved'] })).toBeVisible();
	await expect.poll(() => existsSync(articleFile(SLUG))).toBe(true);

	const { data, content } = matter(readFileSync(articleFile(SLUG), 'utf8'));
	const checked = articleFrontmatterSchema.safeParse(data);
	expect(checked.success ? [] : checked.error.issues).toEqual([]);
	const pad = (value: number) => String(value).padStart(2, '0');
	// Written on the newsroom's clock with its offset, although the browser is in New York.
	expect(data.date).toBe(`${tomorrow.year}-${pad(tomorrow.month)}-${pad(tomorrow.day)}T14:30:00+03:00`);
	expect(data).toMatchObject({
		title: TITLE,
		draft: true,
		category: 'economy',
		tags: ['كرة القدم', 'الموازنة العامة'],
		imageAlt: ALT,
	});
	expect(content).toContain(VIDEO);
	expect(readFileSync(join(copy.root, `content/articles/en/${SLUG}.md`), 'utf8')).toContain(ENGLISH_TITLE);

	// The preview: the site's click-to-load player, tags and source line, right to left; no pane covered.
	await page.getByTitle('إظهار المعاينة أو إخفاؤها').click();
	const preview = page.frameLocator('iframe').first();
	await expect(preview.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(preview.locator('.article-body figure.embed-youtube iframe')).toHaveAttribute(
		'title',
		'اضغط لعرض فيديو على يوتيوب',
	);
	await expect(preview.locator('.tags li')).toHaveText(['كرة القدم', 'الموازنة العامة']);
	await expect(preview.locator('.source')).toHaveText('المصدر: وكالة الأنباء الرسمية');
	expect(await coveredByPaneSwitches(page)).toEqual([]);
	await page.screenshot({ path: testInfo.outputPath('preview-1366.png') });
	const allowed = contentWords();
	expect(await englishLeft(page, allowed)).toEqual([]);
	expect(await seriousViolations(page)).toEqual([]);

	await page.setViewportSize({ width: 1024, height: 768 });
	expect(await coveredByPaneSwitches(page)).toEqual([]);
	await page.screenshot({ path: testInfo.outputPath('preview-1024.png') });
	await page.getByTitle('إظهار المعاينة أو إخفاؤها').click();
	expect(await coveredByPaneSwitches(page)).toEqual([]);
	await page.screenshot({ path: testInfo.outputPath('editor-1024.png') });
});

test('publishing: the draft goes out now, the list says so, and «اعرض على الموقع» opens it on the rebuilt site', async ({
	page,
}, testInfo) => {
	await openCms(page, `#/collections/articles/entries/${SLUG}`);
	await expect(page.locator(`output[data-slug="${SLUG}"]`).first()).toBeVisible();
	await expect(page.locator('.newsroom-date [data-state="scheduled"]').first()).toBeVisible();
	await expect(page.getByRole('button', { name: labels['draft.saved'] })).toBeVisible();
	await page.locator('button[role="switch"][id^="draft-field-"]').first().click();
	await page.locator('.newsroom-date').first().getByRole('button', { name: labels['date.now'] }).click();
	await expect(page.locator('.newsroom-date [data-state="scheduled"]')).toHaveCount(0);
	await page.getByRole('button', { name: 'انشر' }).click();
	await page.getByRole('menuitem', { name: 'انشر الآن' }).click();
	await expect(page.getByText('حُفظت المادة')).toBeVisible();
	await expect.poll(() => matter(readFileSync(articleFile(SLUG), 'utf8')).data.draft).toBeFalsy();
	expect(matter(readFileSync(articleFile(SLUG), 'utf8')).data.date).toMatch(/T\d\d:\d\d:00\+03:00$/);

	const rebuild = await buildSite(copy.root, cmsEnv);
	expect(rebuild.code, rebuild.output).toBe(0);
	const view = page.getByRole('link', { name: ar.editor.editorToolbar.deployButtonLabel });
	await expect(view).toHaveAttribute('href', `/news/${SLUG}/`);
	const [article] = await Promise.all([page.waitForEvent('popup'), view.click()]);
	await expect(article.locator('h1')).toHaveText(TITLE);
	await expect(article.locator('.article-body figure.embed-youtube iframe')).toBeVisible();
	await expect(article.locator('.lead-image img')).toHaveAttribute('alt', ALT);
	await article.screenshot({ path: testInfo.outputPath('on-site-1366.png') });
	await article.close();

	await openCms(page, '#/collections/articles');
	await expect(page.locator('main a[href$="/entries/' + SLUG + '"]')).toContainText(/^منشور · /);
});

test('correcting: a correction added in the form is written with its time and shown under the story', async ({
	page,
}, testInfo) => {
	const CORRECTION = 'ذكرت نسخة سابقة أن الموازنة تُعرض الأحد، والصحيح أنها تُعرض الاثنين.';
	await openCms(page, `#/collections/articles/entries/${SLUG}`);
	await page
		.getByRole('button', { name: `إضافة ${labels['field.correction']}` })
		.first()
		.click();
	await page.locator('textarea[id^="text-field-"]').first().fill(CORRECTION);
	await page.screenshot({ path: testInfo.outputPath('correction-1366.png'), fullPage: true });
	await page.getByRole('button', { name: 'انشر' }).click();
	await page.getByRole('menuitem', { name: 'انشر الآن' }).click();
	await expect(page.getByText('حُفظت المادة')).toBeVisible();
	await expect
		.poll(() => matter(readFileSync(articleFile(SLUG), 'utf8')).data.corrections?.[0]?.text)
		.toBe(CORRECTION);
	const written = matter(readFileSync(articleFile(SLUG), 'utf8')).data;
	// The time the form filled in, on the newsroom's clock, and a file the site accepts.
	expect(written.corrections[0].date).toMatch(/T\d\d:\d\d:00\+03:00$/);
	const checked = articleFrontmatterSchema.safeParse(written);
	expect(checked.success ? [] : checked.error.issues).toEqual([]);

	const rebuild = await buildSite(copy.root, cmsEnv);
	expect(rebuild.code, rebuild.output).toBe(0);
	await page.goto(`${site.url}/news/${SLUG}/`);
	const corrections = page.locator('.article .corrections');
	await expect(corrections.getByRole('heading')).toHaveText('تصحيحات');
	await expect(corrections.locator('li p')).toHaveText(CORRECTION);
	await expect(corrections.locator('li time')).toHaveAttribute(
		'datetime',
		new Date(written.corrections[0].date).toISOString(),
	);
	const data = await page
		.locator('script[type="application/ld+json"]')
		.evaluateAll((scripts) => scripts.flatMap((script) => JSON.parse(script.textContent ?? '')));
	const article = data.find((item: { '@type': string }) => item['@type'] === 'NewsArticle');
	expect(article.correction).toEqual([
		{
			'@type': 'CorrectionComment',
			text: CORRECTION,
			datePublished: new Date(written.corrections[0].date).toISOString(),
		},
	]);
});

test('live coverage: an update added at the top of the list is written with its time and shown first on the rebuilt page', async ({
	page,
}, testInfo) => {
	await openCms(page, `#/collections/articles/entries/${LIVE}`);
	const before = matter(readFileSync(articleFile(LIVE), 'utf8')).data.live.updates.length as number;
	// The live block starts folded; the Arabic pane is the first.
	await page
		.locator(':has(> [data-testid="expand-button"])', { hasText: labels['field.live'] })
		.first()
		.getByTestId('expand-button')
		.click();
	await page
		.getByRole('button', { name: `إضافة ${labels['field.live.update']}` })
		.first()
		.click();
	await page.getByLabel(labels['field.live.title']).first().fill(UPDATE_TITLE);
	// The new update is open at the top of the list (the others are folded), above the article's
	// body: its text editor is the first one shown.
	const body = page.locator('[data-slate-editor="true"]:visible').first();
	await expect(body).toHaveText('');
	await body.click();
	await page.keyboard.insertText(UPDATE_BODY);
	await page.screenshot({ path: testInfo.outputPath('live-update-1366.png'), fullPage: true });
	await page.getByRole('button', { name: 'انشر' }).click();
	await page.getByRole('menuitem', { name: 'انشر الآن' }).click();
	await expect(page.getByText('حُفظت المادة')).toBeVisible();
	await expect
		.poll(() => matter(readFileSync(articleFile(LIVE), 'utf8')).data.live.updates.length)
		.toBe(before + 1);

	const { data } = matter(readFileSync(articleFile(LIVE), 'utf8'));
	const checked = articleFrontmatterSchema.safeParse(data);
	expect(checked.success ? [] : checked.error.issues).toEqual([]);
	const [added] = data.live.updates;
	expect(added).toMatchObject({ title: UPDATE_TITLE, body: UPDATE_BODY });
	// The picture in another update's text comes through the save as it was written.
	expect(data.live.updates.map((update: { body: string }) => update.body).join('\n')).toMatch(
		/!\[[^\]]+\]\(\.\.\/\.\.\/media\/parliament-dome\.jpg\)/,
	);
	// Its time is now, on the newsroom's clock.
	expect(added.date).toMatch(/T\d\d:\d\d:00\+03:00$/);
	expect(Math.abs(Date.parse(added.date) - Date.now())).toBeLessThan(10 * 60_000);

	const rebuild = await buildSite(copy.root, cmsEnv);
	expect(rebuild.code, rebuild.output).toBe(0);
	await page.goto(`${site.url}/news/${LIVE}/`);
	const first = page.locator('.live-update').first();
	await expect(first.locator('.live-title')).toHaveText(UPDATE_TITLE);
	await expect(first.locator('.article-body')).toHaveText(UPDATE_BODY);
	await expect(page.locator('.live-update')).toHaveCount(before + 1);
	await expect(first.locator('time')).toHaveAttribute('datetime', new Date(added.date).toISOString());
});

test('deleting a draft: the dialog says what is deleted, in Arabic, and the file goes', async ({
	page,
}, testInfo) => {
	await openCms(page, '#/collections/articles/new');
	await page.locator('input[id^="title-field-"]').first().pressSequentially(DRAFT_TITLE);
	const draftSlug = asciiSlug(DRAFT_TITLE);
	await expect(page.locator('input[id^="slug-field-"]').first()).toHaveValue(draftSlug);
	await choose(page, 'category', 'اقتصاد');
	await page.locator('[data-slate-editor="true"]').first().click();
	await page.keyboard.insertText('ملاحظات أولية لم تكتمل.');
	await page.locator('button[role="switch"][id^="draft-field-"]').first().click();
	await page.getByRole('button', { name: labels['draft.save'] }).click();
	await page.getByRole('menuitem', { name: labels['draft.saveNow'] }).click();
	await expect(page.getByText('حُفظت المادة')).toBeVisible();
	await expect.poll(() => existsSync(articleFile(draftSlug))).toBe(true);

	await openCms(page, `#/collections/articles/entries/${draftSlug}`);
	await expect(page.getByText('حُفظت التغييرات')).toBeVisible();
	const asked: string[] = [];
	page.on('dialog', (dialog) => {
		asked.push(dialog.message());
		void dialog.accept();
	});
	await page.getByRole('button', { name: ar.editor.editorToolbar.deleteEntry }).click();
	await expect.poll(() => existsSync(articleFile(draftSlug))).toBe(false);
	expect(asked).toEqual([ar.editor.editor.onDeletePublishedEntry]);
	expect(asked[0]).not.toContain('غير المحفوظة');
	await page.screenshot({ path: testInfo.outputPath('deleted-1366.png') });
});
