import { cp, link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkSearchIndex, checkSite, inlineCode, PENDING_FEATURES } from '#src/deploy/check-site.ts';

function page(
	title: string,
	body = `<main><h1>${title}</h1><p>نص الخبر الكامل في فقرة طويلة بما يكفي.</p></main>`,
	head = '',
): string {
	return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title>${head}<link rel="stylesheet" href="/_astro/a.css"></head><body>${body}</body></html>\n`;
}

/** A built site that passes every check; each case below breaks one thing. */
const good: Record<string, string> = {
	'index.html': page(
		'الرئيسية',
		undefined,
		'<script type="application/ld+json">{"@type":"WebSite"}</script>',
	),
	'en/index.html': page('Home'),
	'404.html': page('غير موجودة'),
	'en/404.html': page('Not found'),
	'news/khabar-awal/index.html': page(
		'خبر',
		undefined,
		'<script type="module" src="/_astro/search.js"></script>',
	),
	'en/news/first-story/index.html': page('Story'),
	'admin/index.html': page('CMS', '<div id="nc-root"></div><style>body{}</style>'),
	'old-url/index.html':
		'<!doctype html><title>Redirecting to: /news/khabar-awal/</title><meta http-equiv="refresh" content="0;url=/news/khabar-awal/"><body><a href="/news/khabar-awal/">Redirecting</a></body>',
	'pagefind/pagefind-entry.json': '{}',
	'sitemap-index.xml': '<sitemapindex/>',
	'news-sitemap.xml': '<urlset/>',
};

const folders: string[] = [];
async function site(files: Record<string, string | undefined>): Promise<string> {
	const root = await mkdtemp(join(tmpdir(), 'newsroom-check-'));
	folders.push(root);
	for (const [path, text] of Object.entries(files)) {
		if (text === undefined) continue;
		await mkdir(dirname(join(root, path)), { recursive: true });
		await writeFile(join(root, path), text);
	}
	return root;
}
afterEach(async () => {
	for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('the built-site check', () => {
	test('passes a whole site', async () => {
		const result = await checkSite(await site(good));
		expect(result.problems).toEqual([]);
		expect(result.pages).toBe(8);
	});

	const broken = [
		{ name: 'no build at all', files: null, expect: /does not exist: the build did not finish/ },
		{
			name: 'a missing home page',
			files: { 'en/index.html': undefined },
			expect: /en\/index\.html: is missing/,
		},
		{ name: 'a missing not-found page', files: { '404.html': undefined }, expect: /^404\.html: is missing/ },
		{
			name: 'no article in a language',
			files: { 'en/news/first-story/index.html': undefined },
			expect: /en\/news\/: has no article/,
		},
		{
			name: 'an empty page',
			files: { 'news/khabar-awal/index.html': page('خبر', '<main></main>') },
			expect: /news\/khabar-awal\/index\.html: is empty/,
		},
		{
			name: 'a page cut short',
			files: { 'index.html': page('الرئيسية').slice(0, 120) },
			expect: /index\.html: is cut short/,
		},
		{
			name: 'a page without a title',
			files: { 'en/index.html': page('') },
			expect: /en\/index\.html: has no title/,
		},
		{
			name: 'an inline script',
			files: {
				'index.html': page('الرئيسية', '<main><p>نص الصفحة الكامل هنا</p><script>alert(1)</script></main>'),
			},
			expect: /index\.html: has an inline <script>/,
		},
		{
			name: 'a style attribute',
			files: {
				'en/index.html': page('Home', '<main style="color:red"><p>Text of the whole page here</p></main>'),
			},
			expect: /has a style="" attribute/,
		},
		{
			name: 'an event handler',
			files: {
				'en/index.html': page(
					'Home',
					'<main><img src="/x.png" onerror="alert(1)"><p>Text of the whole page</p></main>',
				),
			},
			expect: /has an onerror="" event handler/,
		},
		{ name: 'an empty sitemap', files: { 'news-sitemap.xml': '' }, expect: /news-sitemap\.xml: is empty/ },
	];

	test.each(broken)('refuses $name', async ({ files, expect: pattern }) => {
		const root =
			files === null ? join(tmpdir(), 'newsroom-check-does-not-exist') : await site({ ...good, ...files });
		const result = await checkSite(root);
		expect(result.problems.map(({ file, message }) => `${file}: ${message}`).join('\n')).toMatch(
			new RegExp(pattern.source, 'm'),
		);
	});

	test('an empty HTML file is refused, even where the content checks do not apply', async () => {
		const result = await checkSite(
			await site({ ...good, 'admin/index.html': '', 'old-url/index.html': ' ' }),
		);
		expect(result.problems.map(({ file }) => file)).toEqual(['admin/index.html', 'old-url/index.html']);
	});

	test('the CMS at /admin/ may be an empty shell with inline styles (it has its own policy); redirect pages pass', async () => {
		expect(
			(await checkSite(await site(good))).problems.filter(({ file }) => file.startsWith('admin/')),
		).toEqual([]);
	});

	test('search index and sitemaps: required unless still pending, and reported either way', async () => {
		const result = await checkSite(
			await site({ ...good, 'pagefind/pagefind-entry.json': undefined, 'sitemap-index.xml': undefined }),
		);
		for (const feature of ['search', 'sitemaps'] as const) {
			if (PENDING_FEATURES.has(feature)) expect(result.notChecked.join('\n')).toContain(feature);
			else
				expect(result.problems.map(({ message }) => message).join('\n')).toMatch(
					feature === 'search' ? /search index/ : /sitemap-index\.xml/,
				);
		}
	});
});

describe('a search index apart from its pages (the deploy links each release to one)', () => {
	const pagesOnly = { ...good, 'pagefind/pagefind-entry.json': undefined };

	test('a link to an index is followed, as the web server follows it; a dangling one is no index', async () => {
		const index = await site({ 'ar/pagefind-entry.json': '{}' });
		const linked = await site(pagesOnly);
		await symlink(index, join(linked, 'pagefind'));
		expect((await checkSite(linked)).problems).toEqual([]);

		const dangling = await site(pagesOnly);
		await symlink(join(index, 'gone'), join(dangling, 'pagefind'));
		expect((await checkSite(dangling)).problems.map(({ message }) => message)).toEqual([
			'no search index (pagefind-entry.json)',
		]);
	});

	test('{ search: false } checks the pages alone and says the index is not checked; checkSearchIndex checks it', async () => {
		const result = await checkSite(await site(pagesOnly), { search: false });
		expect(result.problems).toEqual([]);
		expect(result.notChecked.join('\n')).toContain('search');
		expect(await checkSearchIndex(await site({ 'ar/pagefind-entry.json': '{}' }))).toEqual([]);
		expect((await checkSearchIndex(await site({ 'ar/pagefind.js': '' })))[0]?.message).toMatch(
			/no search index/,
		);
	});
});

describe('a publish: pages kept from the live release are not read again', () => {
	test('a page that is still the live file is skipped; a page the build wrote is read, whatever its bytes', async () => {
		// A live page that would fail today's check (checked under another version of the rules).
		const live = await site({ ...good, 'news/old/index.html': '<html><body>' });
		const next = await site({});
		await cp(live, next, { recursive: true, force: true });
		await rm(join(next, 'news/old/index.html'));
		await link(join(live, 'news/old/index.html'), join(next, 'news/old/index.html'));
		await mkdir(join(next, 'news/new'));
		await writeFile(join(next, 'news/new/index.html'), '');

		const result = await checkSite(next, { unchangedFrom: live });
		expect(result.problems).toEqual([{ file: 'news/new/index.html', message: 'is an empty file' }]);
		expect(result).toMatchObject({ pages: 9, unchanged: 1 });
		// Without the live release, the kept page is read, and its problem found: what the option skips.
		expect((await checkSite(next)).problems.map(({ file }) => file)).toEqual([
			'news/new/index.html',
			'news/old/index.html',
		]);
	});
});

describe('inline code that the Content-Security-Policy blocks', () => {
	test.each([
		['<script>x()</script>', ['an inline <script>']],
		['<script type="module">import "/a.js"</script>', ['an inline <script>']],
		['<script src="/_astro/a.js"></script>', []],
		['<script type="application/ld+json">{}</script>', []],
		['<style>p{}</style>', ['a <style> element']],
		['<p style="x">', ['a style="" attribute']],
		['<a href="javascript:alert(1)">', ['a javascript: URL']],
		['<p>the word style="x" in prose, onclick= too</p>', []],
	])('%s', (html, found) => {
		expect(inlineCode(html)).toEqual(found);
	});
});
