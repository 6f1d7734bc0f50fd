import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { matchEmbed } from '#src/markdown/embeds.ts';
import { htmlDepth, MAX_HTML_DEPTH } from '#src/markdown/html-depth.ts';
import { markdownPlugins } from '#src/markdown/pipeline.ts';

const hosts = ['www.youtube.com', 'youtube.com', 'youtu.be', 'x.com', 'twitter.com', 'vimeo.com'];
const processor = await createMarkdownProcessor({ ...markdownPlugins(hosts), syntaxHighlight: false });
const render = async (markdown: string, path = '/site/content/articles/ar/a.md') =>
	(await processor.render(markdown, { fileURL: new URL(`file://${path}`) })).code;

describe('article bodies are sanitised', () => {
	test.each([
		['a script element', '<script>alert(1)</script>نص', /<script/i],
		['an event handler', '<img src="x.png" onerror="alert(1)">', /onerror/i],
		['a javascript: link', '[x](javascript:alert(1))', /javascript:/i],
		['a data: link', '[x](data:text/html,<script>alert(1)</script>)', /href="data:/i],
		['an iframe from a host not allowed', '<iframe src="https://evil.example/"></iframe>', /<iframe/i],
		['a form', '<form action="https://evil.example/"><button>x</button></form>', /<form|action=/i],
		['an object', '<object data="x.swf"></object>', /<object/i],
		['an embed element', '<embed src="x.swf">', /<embed/i],
		['a base element', '<base href="https://evil.example/">', /<base/i],
		['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', /<meta/i],
		['a style element and its rules', '<style>body{display:none}</style>نص', /<style|display:none/i],
		['a style attribute', '<p style="position:fixed">x</p>', /style=/i],
		['a remote image', '![x](https://evil.example/pixel.png)', /evil\.example/],
		['an SVG with a script', '<svg><script>alert(1)</script></svg>', /<svg|<script/i],
	])('removes %s', async (_name, markdown, forbidden) => {
		const html = await render(markdown);
		expect(html).not.toMatch(forbidden);
	});

	test('keeps ordinary Markdown', async () => {
		const html = await render(
			'## عنوان\n\n**عريض** و[رابط](https://example.org/)[^1]\n\n- أ\n- ب\n\n> اقتباس\n\n| أ | ب |\n| - | - |\n| ١ | ٢ |\n\n```\ncode\n```\n\n[^1]: حاشية',
		);
		for (const piece of [
			'<h2',
			'<strong>عريض</strong>',
			'href="https://example.org/"',
			'<li>أ</li>',
			'<blockquote>',
			'<table>',
			'<pre>',
			'حاشية',
			'data-footnote-ref',
		]) {
			expect(html).toContain(piece);
		}
	});

	test("footnote links lead to their notes, and content cannot take the page's own ids", async () => {
		const html = await render('نص[^1]\n\n<p id="main">x</p>\n\n[^1]: حاشية');
		const href = html.match(/href="#([^"]+)"[^>]*data-footnote-ref/)?.[1];
		expect(href).toBeDefined();
		expect(html).toContain(`id="${href}"`);
		expect(html).not.toContain('id="main"');
	});

	test('keeps dir and lang for mixed-direction text', async () => {
		expect(await render('<span dir="ltr" lang="en">S&P 500</span>')).toContain(
			'<span dir="ltr" lang="en">S&#x26;P 500</span>',
		);
	});
});

describe('embeds', () => {
	test.each([
		[
			'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
			'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
		],
		['https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1'],
		[
			'https://x.com/someone/status/1234567890',
			'https://platform.twitter.com/embed/Tweet.html?id=1234567890&dnt=true',
		],
		['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1'],
	])('%s embeds %s', (url, frame) => {
		expect(matchEmbed(url, hosts)?.frameUrl).toBe(frame);
	});

	test.each([
		['a host not in the allow-list', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
		['a look-alike host', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
		['a malformed video id', 'https://www.youtube.com/watch?v=<script>'],
		['a profile, not a post', 'https://x.com/someone'],
		['a javascript: URL', 'javascript:alert(1)'],
	])('does not embed %s', (_name, url) => {
		expect(matchEmbed(url, hosts)).toBeUndefined();
	});

	test('a link alone on its line becomes a click-to-load frame with an Arabic title; a link in a sentence stays a link', async () => {
		const html = await render(
			'https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nانظر https://www.youtube.com/watch?v=dQw4w9WgXcQ هنا',
		);
		expect(html.match(/<iframe/g)).toHaveLength(1);
		expect(html).toContain('title="اضغط لعرض فيديو على يوتيوب"');
		expect(html).not.toMatch(/<iframe[^>]*\ssrc=/);
		expect(html).toContain('srcdoc=');
	});

	test('an English article gets an English embed title', async () => {
		expect(await render('https://youtu.be/dQw4w9WgXcQ', '/site/content/articles/en/a.md')).toContain(
			'title="Click to load the YouTube video"',
		);
	});

	test('an iframe pasted from an allowed host becomes the same embed', async () => {
		const html = await render(
			'<iframe width="560" src="https://www.youtube.com/embed/dQw4w9WgXcQ" onload="alert(1)"></iframe>',
		);
		expect(html).toContain('figure class="embed embed-youtube"');
		expect(html).not.toContain('onload');
	});
});

describe('raw HTML nesting', () => {
	test('measures nesting, ignoring void elements', () => {
		expect(htmlDepth('<div><p>x<br><img src=a></p></div>')).toEqual([2, 0]);
		expect(htmlDepth('<div><div>', 3)).toEqual([5, 5]);
	});

	test('absurdly deep HTML is shown as text instead of failing the build', async () => {
		const deep = `${'<div>'.repeat(MAX_HTML_DEPTH * 10)}نص${'</div>'.repeat(MAX_HTML_DEPTH * 10)}`;
		const html = await render(deep);
		expect(html).toContain('&#x3C;div>');
		expect(html).not.toContain('<div><div>');
	});
});
