import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';
import { freePort } from '../helpers/serve.ts';
import { test, expect } from './admin-fixtures.ts';

/**
 * `npm start` on a throw-away copy of the site, as a journalist runs it: a story published in
 * the CMS is on the local site within seconds, with no restart, and a production build beside it
 * leaves the local CMS alone.
 */

const SLUG = 'cms-start-publish-shows';
const TITLE = 'خبر نُشر من المحرر فظهر على الموقع المحلي';

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
let child: ChildProcess;
let output = '';
let site = '';
let backendUrl = '';

test.describe.configure({ mode: 'serial', timeout: 420_000 });
test.use({ actionTimeout: 30_000 });

test.beforeAll(async () => {
	test.setTimeout(420_000);
	copy = await makeSiteCopy();
	const [port, cmsPort] = [await freePort(), await freePort()];
	site = `http://127.0.0.1:${port}`;
	backendUrl = `http://127.0.0.1:${cmsPort}/api/v1`;
	child = spawn(
		process.execPath,
		['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'src/cli/with-cms.ts', 'start'],
		{
			cwd: copy.root,
			env: {
				...process.env,
				PORT: String(port),
				CMS_PORT: String(cmsPort),
				ASTRO_TELEMETRY_DISABLED: '1',
				NO_COLOR: '1',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await expect.poll(() => output, { timeout: 300_000 }).toContain(`CMS:  ${site}/admin/`);
});

test.afterAll(async () => {
	if (child && child.exitCode === null) {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		await exited;
	}
	await copy?.remove();
});

test('npm start ends with the addresses of the site and the CMS', () => {
	const lines = output.trim().split('\n');
	expect(lines.at(-2)).toBe(`Site: ${site}/`);
	expect(lines.at(-1)).toBe(`CMS:  ${site}/admin/`);
});

test('a story published in the CMS under npm start is on the local site without a restart', async ({
	page,
}) => {
	await page.goto(`${site}/admin/#/collections/articles/new`);
	await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
	await page.locator('input[id^="title-field-"]').first().fill(TITLE);
	await page.locator('input[id^="slug-field-"]').first().fill(SLUG);
	await page.locator('input[id^="category-field-"]').first().fill('سياسة');
	await page.getByRole('option', { name: 'سياسة' }).click();
	await page.locator('[contenteditable="true"]').first().click();
	await page.keyboard.insertText('فقرة أولى من الخبر.');
	await page.getByRole('button', { name: 'انشر' }).click();
	await page.getByRole('menuitem', { name: 'انشر الآن' }).click();
	await expect(page.getByText('حُفظت المادة')).toBeVisible();
	const saved = Date.now();

	const story = `${site}/news/${SLUG}/`;
	await expect
		.poll(async () => (await fetch(story)).status, { timeout: 120_000, intervals: [500] })
		.toBe(200);
	const seconds = (Date.now() - saved) / 1000;
	console.log(`published story served ${seconds.toFixed(1)} s after the save`);
	await page.goto(story);
	await expect(page.locator('h1')).toHaveText(TITLE);
	// The terminal says so (once the build process has ended, just after the swap).
	await expect
		.poll(() => output)
		.toMatch(new RegExp(`\\[site\\] updated in [\\d.]+ s \\(content/articles/ar/${SLUG}\\.md\\)`));
});

test('npm run build beside npm start does not replace the local CMS with the production one', async ({
	page,
}) => {
	const build = await buildSite(copy.root);
	expect(build.code, build.output).toBe(0);
	expect(build.output).toContain('dist/ now holds the new build.');
	await page.goto(`${site}/admin/`);
	await expect(page.getByRole('button', { name: 'تسجيل الدخول' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'الدخول عبر GitHub' })).toHaveCount(0);
	// The production build went to dist/, with the production CMS.
	expect(readFileSync(join(copy.root, 'dist/admin/cms.js'), 'utf8').includes(backendUrl)).toBe(false);
	expect(
		readFileSync(join(copy.root, 'node_modules/.newsroom/start/site/admin/cms.js'), 'utf8').includes(
			backendUrl,
		),
	).toBe(true);
});
