import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUDGETS, checkLinks, checkWeights, htmlFiles, kb, validateHtml } from '../quality/checks.ts';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';

/** The quality gates over the whole built site: valid HTML, links that resolve, page weights. */
let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
let dist: string;

beforeAll(async () => {
	copy = await makeSiteCopy();
	const build = await buildSite(copy.root);
	expect(build.code, build.output).toBe(0);
	dist = join(copy.root, 'dist');
});
afterAll(() => copy.remove());

describe('the built site', () => {
	test('every page is valid HTML', async () => {
		const files = htmlFiles(dist);
		const problems = await validateHtml(dist, files);
		console.log(`html-validate: ${files.length} pages, ${problems.length} problems`);
		expect(problems).toEqual([]);
	});

	test('every internal link, image and anchor resolves', () => {
		expect(checkLinks(dist)).toEqual([]);
	});

	test('pages keep to their weight budgets, and reader pages load no JavaScript', () => {
		const report = checkWeights(dist);
		console.log(
			[
				`largest article HTML: ${kb(report.largestArticle.bytes)} compressed (budget ${kb(BUDGETS.articleHtml)}) ${report.largestArticle.file}`,
				`site CSS: ${kb(report.css)} compressed (budget ${kb(BUDGETS.css)})`,
			].join('\n'),
		);
		expect(report.problems).toEqual([]);
	});
});

describe('the gates catch a broken site', () => {
	const bad = mkdtempSync(join(tmpdir(), 'bad-site-'));
	afterAll(() => rmSync(bad, { recursive: true, force: true }));
	const page = (body: string, title = 'صفحة') =>
		`<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;
	const write = (file: string, text: string) => {
		mkdirSync(dirname(join(bad, file)), { recursive: true });
		writeFileSync(join(bad, file), text);
	};
	write('index.html', page('<h1 id="top">الرئيسية</h1><a href="/news/ok/">خبر</a>'));
	write('news/ok/index.html', page('<h1>خبر</h1><a href="/#top">أعلى</a>'));
	write('news/no-alt/index.html', page('<h1>خبر</h1><img src="/x.png" width="10" height="10">'));
	write(
		'news/broken/index.html',
		page(
			'<h1>خبر</h1><a href="/news/missing/">مفقود</a><a href="/#nowhere">مرساة</a><img src="/gone.png" alt="x">',
		),
	);
	write('news/heavy/index.html', page(`<h1>خبر</h1><p>${randomBytes(30_000).toString('base64')}</p>`));
	write('news/scripted/index.html', page('<h1>خبر</h1><script src="/_astro/app.js"></script>'));
	write('_astro/site.css', randomBytes(30_000).toString('base64'));
	write('_astro/app.js', '');
	write('x.png', '');

	test('a missing alt is invalid HTML', async () => {
		const problems = await validateHtml(bad);
		expect(problems.some((p) => p.file === 'news/no-alt/index.html' && /wcag\/h37/.test(p.message))).toBe(
			true,
		);
		expect(problems.filter((p) => p.file === 'news/ok/index.html')).toEqual([]);
	});

	test('a broken link, image and anchor are reported', () => {
		expect(checkLinks(bad).map((p) => `${p.file} ${p.message}`)).toEqual([
			'news/broken/index.html broken link: /news/missing/',
			'news/broken/index.html missing anchor: /#nowhere',
			'news/broken/index.html broken link: /gone.png',
		]);
	});

	test('an oversized page, oversized CSS and a script on an article are reported', () => {
		const messages = checkWeights(bad).problems.map((p) => `${p.file}: ${p.message}`);
		expect(
			messages.some((m) => /^news\/heavy\/index\.html: article HTML is .* the budget is 20\.0 KB/.test(m)),
		).toBe(true);
		expect(
			messages.some((m) => /^news\/scripted\/index\.html: a article page loads JavaScript/.test(m)),
		).toBe(true);
		expect(messages.some((m) => /^_astro\/\*\.css: the site's CSS is/.test(m))).toBe(true);
		expect(messages.some((m) => m.startsWith('news/ok/'))).toBe(false);
	});
});
