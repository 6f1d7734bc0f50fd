import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { autop, convertWpContent, plainText } from '#src/import/wordpress/content.ts';
import { mediaNameOf, originalOf, uploadsPathOf } from '#src/import/wordpress/media.ts';
import { readWxr, WxrFormatError } from '#src/import/wordpress/wxr.ts';
import type { WxrRecord } from '#src/import/wordpress/wxr.ts';
import {
	emptyIndex,
	indexRecord,
	isoFromWpDate,
	KEPT_META,
	permalinkPath,
	planImport,
} from '#src/import/wordpress/plan.ts';
import type { ExistingContent } from '#src/import/wordpress/plan.ts';

const FIXTURE = join(import.meta.dirname, '../../fixtures/wxr/الوسط.wordpress.2022-02-01.xml');
const folder = mkdtempSync(join(tmpdir(), 'wxr-unit-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function records(file: string, options = {}): Promise<WxrRecord[]> {
	const found: WxrRecord[] = [];
	for await (const record of readWxr(file, options)) found.push(record);
	return found;
}

function xmlFile(name: string, text: string): string {
	const file = join(folder, name);
	writeFileSync(file, text);
	return file;
}

const HEAD =
	'<?xml version="1.0"?>\n<rss xmlns:wp="w" xmlns:content="c" xmlns:excerpt="e" xmlns:dc="d">\n<channel>\n<wp:wxr_version>1.2</wp:wxr_version>\n';

describe('readWxr: a streaming reader of WordPress exports', () => {
	test('yields the site, authors, terms and items, with the bodies, the terms and the kept meta', async () => {
		const all = await records(FIXTURE, { keepMeta: KEPT_META, chunkSize: 512 });
		expect(all.find((record) => record.kind === 'site')).toMatchObject({
			kind: 'site',
			title: 'الوسط القديم',
			baseSiteUrl: 'https://old.example',
			language: 'ar',
		});
		expect(
			all
				.filter((record) => record.kind === 'author')
				.map((author) => author.kind === 'author' && author.displayName),
		).toEqual(['أحمد سالم', 'Layla Haddad']);
		const terms = all.filter((record) => record.kind === 'term');
		expect(terms.map((term) => term.kind === 'term' && `${term.taxonomy}:${term.name}`)).toEqual([
			'category:أخبار',
			'category:سياسة محلية',
			'category:رياضة',
			'category:World',
			'post_tag:البرلمان',
			'post_tag:Budget',
			'language:العربية',
			'language:English',
			'post_translations:pll_61f8a0c2b1e3d',
		]);
		const post = all.find((record) => record.kind === 'item' && record.id === 11);
		expect(post).toMatchObject({
			type: 'post',
			status: 'publish',
			dateGmt: '2022-01-10 09:00:00',
			meta: { _thumbnail_id: '10' },
		});
		if (post?.kind !== 'item') throw new Error('no item 11');
		expect(post.meta).not.toHaveProperty('_edit_last');
		expect(post.content).toContain('[caption id="attachment_20"');
		expect(post.terms).toContainEqual({ domain: 'language', slug: 'ar', name: 'العربية' });
		expect(post.line).toBe(57);
	});

	test('does not collect bodies when asked not to', async () => {
		const all = await records(FIXTURE, { bodies: false });
		expect(all.every((record) => record.kind !== 'item' || record.content === '')).toBe(true);
	});

	test.each([
		[
			'unclosed.xml',
			`${HEAD}<item><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>\n</channel></rss>`,
			6,
			/unexpected close tag/,
		],
		['entity.xml', `${HEAD}<item><title>a &nbsp; b</title></item></channel></rss>`, 5, /undefined entity/],
		['not-rss.xml', '<?xml version="1.0"?>\n<feed></feed>', 2, /the root element is <feed>, not <rss>/],
		[
			'no-type.xml',
			`${HEAD}<item>\n<wp:post_id>1</wp:post_id></item></channel></rss>`,
			5,
			/an <item> without <wp:post_type>/,
		],
		[
			'no-version.xml',
			'<rss><channel><item><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type></item></channel></rss>',
			1,
			/no <wp:wxr_version>/,
		],
	])('%s: stops with the line and the reason', async (name, text, line, reason) => {
		const error = await records(xmlFile(name, text)).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(WxrFormatError);
		expect((error as WxrFormatError).line).toBe(line);
		expect((error as WxrFormatError).reason).toMatch(reason);
	});
});

describe('convertWpContent: post HTML and shortcodes to safe Markdown', () => {
	const convert = (html: string) =>
		convertWpContent(html, {
			embedHosts: ['www.youtube.com', 'twitter.com'],
			baseUrl: 'https://old.example/',
		});

	test.each([
		['paragraphs from blank lines, breaks from single newlines', 'أ\nب\n\nج', 'أ\\\nب\n\nج\n'],
		[
			'[caption] as the image and its caption under it',
			'[caption id="a" width="3"]<img src="/i.jpg" alt="ب"> تعليق[/caption]',
			'![ب](https://old.example/i.jpg)\n\n_تعليق_\n',
		],
		[
			'[caption] with the caption attribute',
			'[caption caption="تعليق"]<img src="/i.jpg" alt="">[/caption]',
			'![](https://old.example/i.jpg)\n\n_تعليق_\n',
		],
		[
			'[embed] as the URL alone on its line',
			'قبل [embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=1[/embed] بعد',
			'قبل\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1\n\nبعد\n',
		],
		[
			'a bare URL on its line stays so',
			'نص\nhttps://twitter.com/a_b/status/123\nنص',
			'نص\n\nhttps://twitter.com/a_b/status/123\n\nنص\n',
		],
		[
			'an iframe from an embed host as its URL',
			'<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
			'https://www.youtube.com/embed/dQw4w9WgXcQ\n',
		],
		[
			'a pasted tweet as its URL',
			'<blockquote class="twitter-tweet"><p>x</p><a href="https://twitter.com/a/status/9">date</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>',
			'https://twitter.com/a/status/9\n',
		],
		["[[shortcode]] as the shortcode's text", '[[gallery]]', '\\[gallery]\n'],
		['block-editor paragraphs', '<!-- wp:paragraph -->\n<p>أ</p>\n<!-- /wp:paragraph -->', 'أ\n'],
	])('%s', (_, html, markdown) => {
		expect(convert(html).markdown).toBe(markdown);
	});

	test('lists unknown shortcodes and keeps them as text', () => {
		const result = convert(
			'[gallery ids="1"] و[contact-form-7 id="2"/] و[embed]https://x.example/[/embed] و[1] و[ملاحظة]',
		);
		expect(result.unknownShortcodes).toEqual(['contact-form-7', 'gallery']);
		expect(result.markdown).toContain('\\[gallery ids="1"]');
	});

	test.each([
		['<script>', '<p>أ</p><script>alert(1)</script>', 'alert'],
		['<style>', '<style>body{display:none}</style>ب', 'display'],
		['an event handler', '<img src="/x.jpg" onerror="alert(1)"><p onclick="steal()">ج</p>', 'alert'],
		['a javascript: link', '<a href="javascript:alert(1)">د</a>', 'javascript'],
		['a data: image', '<img src="data:image/svg+xml,<svg onload=alert(1)>">', 'svg'],
		['a foreign iframe', '<iframe src="https://evil.example/"></iframe>', 'evil'],
	])('removes %s', (_, html, unsafe) => {
		const { markdown } = convert(html);
		expect(markdown).not.toContain(unsafe);
		// And nothing of it as raw HTML: Markdown only.
		expect(markdown).not.toMatch(/<[a-z]/i);
	});

	test('text that looks like a tag stays text: escaped, so Markdown does not read it as HTML', () => {
		expect(convert('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;</p>').markdown).toBe(
			'\\<script>alert(1)\\</script> \\&lt;\n',
		);
	});

	test('rewrites images and links through the callbacks, and unwraps a link to the image itself', () => {
		const result = convertWpContent(
			'<a href="https://old.example/up/a.jpg"><img src="https://old.example/up/a-300x200.jpg" alt="أ"></a> <a href="https://old.example/2020/old/">خبر</a> <img src="https://tracker.example/p.gif">',
			{
				embedHosts: [],
				image: (url) => (url.includes('old.example') ? '../../media/a.jpg' : undefined),
				link: (url) => (url === 'https://old.example/2020/old/' ? '/news/old/' : undefined),
			},
		);
		expect(result.markdown).toBe('![أ](../../media/a.jpg) [خبر](/news/old/)\n');
	});

	test('autop leaves <pre> alone and does not wrap blocks', () => {
		expect(autop('<pre>a\n\nb</pre>\n\n<h2>c</h2>\n\nd')).toBe('<pre>a\n\nb</pre>\n\n<h2>c</h2>\n\n<p>d</p>');
	});

	test('plainText gives an excerpt as one line of text', () => {
		expect(plainText('<p>ملخص <b>الخبر</b>[gallery]</p>\n<p>ثانٍ</p><script>x()</script>')).toBe(
			'ملخص الخبر ثانٍ',
		);
	});
});

describe('WordPress media', () => {
	test.each([
		['https://old.example/wp-content/uploads/2022/01/%D8%B5%D9%88%D8%B1%D8%A9.jpg', '2022/01/صورة.jpg'],
		['https://i0.wp.com/old.example/wp-content/uploads/2022/01/a.png?w=300', '2022/01/a.png'],
		['https://old.example/wp-content/uploads/../wp-config.php', undefined],
		['https://old.example/images/a.jpg', undefined],
	])('uploadsPathOf(%s)', (url, expected) => {
		expect(uploadsPathOf(url)).toBe(expected);
	});

	test('names are ASCII and stable; resized copies lead to their original', () => {
		expect(mediaNameOf('2022/01/صورة الرئيس.JPG')).toBe('2022-01-swra-alriys.jpg');
		expect(mediaNameOf('2022/01/Photo_Final.v2.png')).toBe('2022-01-photo-final-v2.png');
		expect(mediaNameOf('2022/01/★.jpg')).toMatch(/^2022-01-[0-9a-f]{8}\.jpg$/);
		expect(originalOf('2022/01/a-300x200.jpg')).toBe('2022/01/a.jpg');
		expect(originalOf('2022/01/a.jpg')).toBeUndefined();
	});
});

describe('planImport: what each item becomes', () => {
	const existing: ExistingContent = {
		categories: new Map([
			['world', { name: { ar: 'دولي', en: 'World' }, order: 2 }],
			['sports', { name: { ar: 'رياضة', en: 'Sports' }, order: 5 }],
		]),
		authors: new Map([['layla-haddad', { name: { ar: 'ليلى حداد', en: 'Layla Haddad' } }]]),
	};

	async function fixturePlan(options = {}) {
		const index = emptyIndex();
		for await (const record of readWxr(FIXTURE, { bodies: false, keepMeta: KEPT_META }))
			indexRecord(index, record);
		return planImport(index, existing, options);
	}

	test('languages, shared slugs of translations, sections, tags, authors and old addresses', async () => {
		const plan = await fixturePlan();
		const byId = new Map(plan.items.map((item) => [item.id, item]));
		expect(byId.get(11)).toMatchObject({
			locale: 'ar',
			slug: 'parliament-passes-new-budget',
			category: 'akhbar',
			tags: ['سياسة محلية', 'البرلمان'],
			author: 'ahmad',
			thumbnail: 10,
		});
		expect(byId.get(12)).toMatchObject({
			locale: 'en',
			slug: 'parliament-passes-new-budget',
			category: 'akhbar',
			url: '/en/news/parliament-passes-new-budget/',
		});
		expect(byId.get(13)).toMatchObject({ draft: true, localDate: true, oldPaths: [] });
		expect(byId.get(15)).toMatchObject({
			kind: 'page',
			slug: 'mn-nhn',
			url: '/mn-nhn/',
			oldPaths: ['/من-نحن/'],
			category: '',
		});
		expect(byId.get(16)).toMatchObject({
			slug: 'derby',
			category: 'sports',
			tags: ['رياضة', 'World'],
			author: 'layla-haddad',
			oldPaths: ['/2021/06/01/derby/'],
		});
		expect([...plan.newCategories.keys()]).toEqual(['akhbar']);
		expect([...plan.matchedCategories].sort()).toEqual(['sports', 'world']);
		expect(plan.skipped.map((skipped) => `${skipped.id}: ${skipped.reason}`)).toEqual([
			'14: trashed',
			'17: post type "nav_menu_item" is not imported',
		]);
		expect(plan.urlByOldPath.get('/2022/01/10/البرلمان-يقر-الموازنة/')).toBe(
			'/news/parliament-passes-new-budget/',
		);
	});

	test('--lang decides the language of posts without language data; Polylang data still wins', async () => {
		const plan = await fixturePlan({ lang: 'en' });
		expect(plan.items.find((item) => item.id === 16)).toMatchObject({ locale: 'en', url: '/en/news/derby/' });
		expect(plan.items.find((item) => item.id === 11)).toMatchObject({ locale: 'ar' });
	});

	test('a permalink structure adds a second old address', async () => {
		const plan = await fixturePlan({ permalink: '/%category%/%postname%/' });
		expect(plan.items.find((item) => item.id === 16)?.oldPaths).toEqual([
			'/2021/06/01/derby/',
			'/sport/derby/',
		]);
	});

	test('two posts with one title get distinct slugs; reserved page slugs are avoided', () => {
		const index = emptyIndex();
		const item = (id: number, type: string, title: string, name: string) => ({
			line: id,
			id,
			type,
			status: 'publish',
			title,
			link: '',
			creator: '',
			date: '2022-01-01 00:00:00',
			dateGmt: '2022-01-01 00:00:00',
			name,
			parent: 0,
			attachmentUrl: '',
			terms: [],
			meta: {},
		});
		index.items.push(item(1, 'post', 'خبر', ''), item(2, 'post', 'خبر', ''), item(3, 'page', 'News', 'news'));
		const plan = planImport(index, existing);
		expect(plan.items.map((planned) => planned.slug)).toEqual(['khbr', 'khbr-2', 'news-page']);
	});

	test('dates and permalink structures', () => {
		expect(isoFromWpDate('2022-01-10 09:00:00')).toBe('2022-01-10T09:00:00Z');
		expect(isoFromWpDate('0000-00-00 00:00:00')).toBeUndefined();
		expect(isoFromWpDate('2022-02-30 09:00:00')).toBeUndefined();
		const item = {
			line: 1,
			id: 7,
			type: 'post',
			status: 'publish',
			title: '',
			link: '',
			creator: 'ahmad',
			date: '2022-01-10 12:00:00',
			dateGmt: '',
			name: '%d8%ae%d8%a8%d8%b1',
			parent: 0,
			attachmentUrl: '',
			terms: [],
			meta: {},
		};
		expect(permalinkPath('/%year%/%monthnum%/%day%/%postname%/', item, 'x')).toBe('/2022/01/10/خبر/');
		expect(permalinkPath('/archives/%post_id%', item, 'x')).toBe('/archives/7');
		expect(permalinkPath('/%unknown%/', item, 'x')).toBeUndefined();
	});
});
