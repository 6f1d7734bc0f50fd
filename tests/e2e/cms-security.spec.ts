import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startCmsServer, type CmsServer } from '../../src/cms/server.ts';
import { cmsRepository } from '../helpers/cms.ts';
import { serveStatic } from '../helpers/serve.ts';

/**
 * A page served from another port on this machine (another dev server, a preview of a pulled
 * branch, a local tool) tries, in real Chromium, to read and write the repository through the
 * CMS's local backend, started as `npm start` starts it.
 */

let repo: Awaited<ReturnType<typeof cmsRepository>>;
let backend: CmsServer;
let site: Awaited<ReturnType<typeof serveStatic>>;
let other: Awaited<ReturnType<typeof serveStatic>>;
let pages: string;

test.beforeAll(async () => {
	repo = await cmsRepository();
	pages = await mkdtemp(join(tmpdir(), 'newsroom-attacker-'));
	await writeFile(join(pages, 'index.html'), '<!doctype html><title>a local page</title><p>hello</p>');
	site = await serveStatic(pages);
	other = await serveStatic(pages);
	backend = await startCmsServer({ root: repo.root, port: 0, sitePort: Number(new URL(site.url).port) });
});
test.afterAll(async () => {
	await backend?.close();
	await site?.close();
	await other?.close();
	await rm(pages, { recursive: true, force: true });
	await rm(repo.root, { recursive: true, force: true });
});

/** What a hostile script tries from `page`: read .git/config and an article, write an article. */
async function attack(page: Page, backendUrl: string, token: string) {
	return page.evaluate(
		async ({ url, token }) => {
			const call = async (body: unknown, init: RequestInit = {}) => {
				try {
					const response = await fetch(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json', 'x-newsroom-cms-token': token },
						body: JSON.stringify(body),
						...init,
					});
					return init.mode === 'no-cors' ? 'sent' : `${response.status} ${await response.text()}`;
				} catch (error) {
					return `failed: ${(error as Error).message}`;
				}
			};
			const write = {
				action: 'persistEntry',
				params: {
					branch: 'main',
					dataFiles: [{ slug: 'owned', path: 'content/articles/ar/owned.md', raw: '---\ntitle: x\n---\n' }],
					assets: [],
					options: { commitMessage: 'x', useWorkflow: false, status: 'draft' },
				},
			};
			return {
				config: await call({ action: 'getEntry', params: { branch: 'main', path: '.git/config' } }),
				article: await call({
					action: 'getEntry',
					params: { branch: 'main', path: 'content/articles/ar/budget-vote.md' },
				}),
				write: await call(write),
				blindWrite: await call(write, { mode: 'no-cors', headers: { 'content-type': 'text/plain' } }),
			};
		},
		{ url: backendUrl, token },
	);
}

for (const name of ['127.0.0.1', 'localhost']) {
	test(`a page on another port of ${name} can neither read nor write through the backend`, async ({
		page,
	}) => {
		const before = await readFile(join(repo.root, '.git/config'), 'utf8');
		await page.goto(`http://${name}:${new URL(other.url).port}/`);
		for (const backendUrl of [backend.url, backend.url.replace('127.0.0.1', 'localhost')]) {
			// Even a page that somehow learnt the secret.
			const results = await attack(page, backendUrl, backend.token);
			expect(results.config).toMatch(/^failed/);
			expect(results.article).toMatch(/^failed/);
			expect(results.write).toMatch(/^failed/);
		}
		await expect
			.poll(() =>
				readFile(join(repo.root, 'content/articles/ar/owned.md')).then(
					() => 'written',
					() => 'absent',
				),
			)
			.toBe('absent');
		expect(await readFile(join(repo.root, '.git/config'), 'utf8')).toBe(before);
		expect(repo.git('status', '--porcelain')).toBe('');
	});
}

test('(the CMS’s own origin reads its content and only its content: the same script, allowed)', async ({
	page,
}) => {
	await page.goto(`${site.url}/`);
	const results = await attack(page, backend.url, backend.token);
	expect(results.article).toMatch(/^200 .*الموازنة/);
	expect(results.config).toMatch(/^403 .*refused/);
	expect(results.write).toMatch(/^200/);
	expect(await readFile(join(repo.root, 'content/articles/ar/owned.md'), 'utf8')).toContain('title: x');
	// Without the per-start secret, not even the CMS's own origin.
	const withoutToken = await attack(page, backend.url, 'guessed');
	expect(withoutToken.article).toMatch(/^403/);
});
