import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { Page } from '@playwright/test';
import { labels } from '../../admin/labels.ts';
import { articleFrontmatterSchema } from '../../src/schemas/article.ts';
import { startCmsServer, type CmsServer } from '../../src/cms/server.ts';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';
import { serveStatic } from '../helpers/serve.ts';
import { test, expect } from './admin-fixtures.ts';

/**
 * Live coverage in the CMS, in Arabic: an editor adds an update at the top of the sample live
 * page's list, publishes, and the rebuilt page shows it first. On a throw-away copy of the site.
 */

const LIVE = 'municipal-elections-live';
const TITLE = 'الهيئة تعلن النتائج الأولية';
const BODY = 'أعلنت الهيئة المستقلة للانتخابات النتائج الأولية في 48 مجلسًا بلديًا قبيل منتصف الليل.';

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

const liveFile = () => join(copy.root, `content/articles/ar/${LIVE}.md`);

async function openEntry(page: Page) {
	await page.goto(`${site.url}/admin/#/collections/articles/entries/${LIVE}`);
	const login = page.getByRole('button', { name: 'تسجيل الدخول' });
	const ready = page.locator('input[id^="title-field-"]');
	await expect(login.or(ready).first()).toBeVisible({ timeout: 30_000 });
	if (await login.isVisible()) await login.click();
	await expect(ready.first()).toBeVisible({ timeout: 30_000 });
}

test('an update added at the top of the list is written with its time and shown first on the rebuilt page', async ({
	page,
}, testInfo) => {
	await openEntry(page);
	const before = matter(readFileSync(liveFile(), 'utf8')).data.live.updates.length as number;
	// The live block starts folded; the Arabic pane is the first.
	await page
		.locator(':has(> [data-testid="expand-button"])', { hasText: labels['field.live'] })
		.first()
		.getByTestId('expand-button')
		.click();
	await page.screenshot({ path: testInfo.outputPath('live-open-1366.png'), fullPage: true });
	await page
		.getByRole('button', { name: `إضافة ${labels['field.live.update']}` })
		.first()
		.click();
	await page.getByLabel(labels['field.live.title']).first().fill(TITLE);
	// The new update is open at the top of the list (the others are folded), above the article's
	// body: its text editor is the first one shown.
	const body = page.locator('[data-slate-editor="true"]:visible').first();
	await expect(body).toHaveText('');
	await body.click();
	await page.keyboard.insertText(BODY);
	await page.screenshot({ path: testInfo.outputPath('live-update-1366.png'), fullPage: true });
	await page.getByRole('button', { name: 'انشر' }).click();
	await page.getByRole('menuitem', { name: 'انشر الآن' }).click();
	await expect(page.getByText('حُفظت المادة')).toBeVisible();
	await expect.poll(() => matter(readFileSync(liveFile(), 'utf8')).data.live.updates.length).toBe(before + 1);

	const { data } = matter(readFileSync(liveFile(), 'utf8'));
	const checked = articleFrontmatterSchema.safeParse(data);
	expect(checked.success ? [] : checked.error.issues).toEqual([]);
	const [added] = data.live.updates;
	expect(added).toMatchObject({ title: TITLE, body: BODY });
	// Its time is now, on the newsroom's clock.
	expect(added.date).toMatch(/T\d\d:\d\d:00\+03:00$/);
	expect(Math.abs(Date.parse(added.date) - Date.now())).toBeLessThan(10 * 60_000);

	const rebuild = await buildSite(copy.root, cmsEnv);
	expect(rebuild.code, rebuild.output).toBe(0);
	await page.goto(`${site.url}/news/${LIVE}/`);
	const first = page.locator('.live-update').first();
	await expect(first.locator('.live-title')).toHaveText(TITLE);
	await expect(first.locator('.article-body')).toHaveText(BODY);
	await expect(page.locator('.live-update')).toHaveCount(before + 1);
	await expect(first.locator('time')).toHaveAttribute('datetime', new Date(added.date).toISOString());
});
