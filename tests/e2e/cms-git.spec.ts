import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startCmsServer, type CmsServer } from '../../src/cms/server.ts';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';
import { serveStatic } from '../helpers/serve.ts';
import { test, expect } from './admin-fixtures.ts';

/**
 * Git mode (`npm run cms:git`) through the CMS's own interface, on a throw-away git copy of the
 * site in which the journalist has work in progress: a changed tracked file and a new one.
 */

const SEED = 'qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab';
const SEED_FILE = `content/articles/ar/${SEED}.md`;
const OTHER = 'al-sahel-wins-arab-elite-cup';

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
let backend: CmsServer;
let site: Awaited<ReturnType<typeof serveStatic>>;

test.describe.configure({ mode: 'serial', timeout: 300_000 });
// Git mode runs git for every request: on a busy two-core machine a save and reload take seconds.
test.use({ actionTimeout: 30_000 });
const slow = { timeout: 30_000 };

const git = (...args: string[]) => execFileSync('git', args, { cwd: copy.root, encoding: 'utf8' });
const status = () =>
	git('-c', 'core.quotePath=false', 'status', '--porcelain').split('\n').filter(Boolean).sort();
const branches = () => git('branch', '--format=%(refname:short)').split('\n').filter(Boolean).sort();
const WORK = [' M src/styles/global.css', '?? notes-ملاحظات.txt'];

test.beforeAll(async () => {
	test.setTimeout(300_000);
	copy = await makeSiteCopy({ git: true });
	site = await serveStatic(join(copy.root, 'dist'));
	backend = await startCmsServer({
		root: copy.root,
		port: 0,
		sitePort: Number(new URL(site.url).port),
		mode: 'git',
	});
	const build = await buildSite(copy.root, {
		NEWSROOM_CMS_LOCAL: backend.url,
		NEWSROOM_CMS_TOKEN: backend.token,
		NEWSROOM_CMS_MODE: 'git',
	});
	expect(build.code, build.output).toBe(0);
	// The journalist's work in progress, which no save may block, sweep up or undo.
	writeFileSync(
		join(copy.root, 'src/styles/global.css'),
		`${readFileSync(join(copy.root, 'src/styles/global.css'), 'utf8')}\n/* work in progress */\n`,
	);
	writeFileSync(join(copy.root, 'notes-ملاحظات.txt'), 'a reporter’s private notes\n');
});

test.afterAll(async () => {
	await site?.close();
	await backend?.close();
	await copy?.remove();
});

async function openEntry(page: Page, slug: string) {
	await page.goto('about:blank');
	await page.goto(`${site.url}/admin/#/collections/articles/entries/${slug}`);
	const login = page.getByRole('button', { name: 'تسجيل الدخول' });
	await expect(login.or(page.locator('[contenteditable="true"]')).first()).toBeVisible();
	if (await login.isVisible()) await login.click();
	await expect(page.locator('[contenteditable="true"]').first()).toBeVisible({ timeout: 30_000 });
}

test('a leftover empty draft branch does not break the article: the CMS removes it', async ({ page }) => {
	git('branch', `cms/articles/${SEED}`);
	await openEntry(page, SEED);
	await expect(page.getByText('حُفظت التغييرات')).toBeVisible(slow);
	await page.goto(`${site.url}/admin/#/workflow`);
	await expect(page.getByText('مواد غير منشورة').or(page.getByRole('heading')).first()).toBeVisible();
	await expect(page.getByText(/تعذّر/)).toHaveCount(0);
	expect(branches()).toEqual(['main']);
});

test('a save with no real change leaves no branch and no commit', async ({ page }) => {
	const head = git('rev-parse', 'HEAD');
	await openEntry(page, SEED);
	// A space after the headline: a change to Decap, none to the file.
	await page.locator('input[id^="title-field-"]').first().press('End');
	await page.locator('input[id^="title-field-"]').first().pressSequentially(' ');
	const saved = Date.now();
	await page.getByRole('button', { name: 'احفظ' }).click();
	// Decap then asks for the draft, hears there is none, and shows the published article again.
	await expect(page.getByText('منشور', { exact: true })).toBeVisible(slow);
	await expect(page.getByText('حُفظت التغييرات')).toBeVisible();
	console.log(`no-op save shown as published after ${Date.now() - saved} ms`);
	await expect(page.getByText(/تعذّر/)).toHaveCount(0);
	expect(branches()).toEqual(['main']);
	expect(git('rev-parse', 'HEAD')).toBe(head);
	expect(status()).toEqual(WORK);
});

test('a draft saves beside uncommitted work and commits only its own file; publishing brings it into the tree', async ({
	page,
}, testInfo) => {
	await openEntry(page, OTHER);
	const title = page.locator('input[id^="title-field-"]').first();
	await title.fill('الساحل بطلًا للنخبة العربية بعد التمديد');
	await page.getByRole('button', { name: 'احفظ' }).click();
	await expect(page.getByText('حُفظت التغييرات')).toBeVisible(slow);
	expect(branches()).toEqual([`cms/articles/${OTHER}`, 'main']);
	expect(git('diff', '--name-only', 'main', `cms/articles/${OTHER}`).trim()).toBe(
		`content/articles/ar/${OTHER}.md`,
	);
	// The draft is not in the journalist's tree, and their work is untouched.
	expect(status()).toEqual(WORK);
	expect(readFileSync(join(copy.root, `content/articles/ar/${OTHER}.md`), 'utf8')).not.toContain(
		'بطلًا للنخبة',
	);

	await page.getByRole('button', { name: /الحالة/ }).click();
	await page.getByRole('menuitem', { name: 'جاهز' }).click();
	await expect(page.getByText('جارٍ التحديث…')).toHaveCount(0, slow);
	const asked: string[] = [];
	page.on('dialog', (dialog) => {
		asked.push(dialog.message());
		void dialog.accept();
	});
	await page.getByRole('button', { name: 'انشر', exact: true }).click();
	await page.getByRole('menuitem', { name: 'انشر الآن' }).click();
	await expect(page.getByText('منشور', { exact: true })).toBeVisible(slow);
	expect(asked).toHaveLength(1); // «هل أنت متأكد…» in Arabic, from the CMS's locale
	await page.screenshot({ path: testInfo.outputPath('git-published.png') });
	expect(branches()).toEqual(['main']);
	expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe(`content/articles/ar/${OTHER}.md`);
	expect(readFileSync(join(copy.root, `content/articles/ar/${OTHER}.md`), 'utf8')).toContain('بطلًا للنخبة');
	expect(status()).toEqual(WORK);
	expect(readFileSync(join(copy.root, SEED_FILE), 'utf8')).toBe(git('show', `HEAD:${SEED_FILE}`));
});
