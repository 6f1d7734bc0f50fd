import { describe, expect, test } from 'vitest';
import {
	canonicalPath,
	encodedForms,
	mergeRedirectsFile,
	nginxInclude,
	oldPathOf,
	redirectPage,
	redirectPageFile,
	redirectsFileLines,
} from '#src/outputs/redirects.ts';
import { oldPathSchema } from '#src/schemas/redirect.ts';

describe('old addresses', () => {
	test.each([
		['https://old.example/2022/01/%d8%ae%d8%a8%d8%b1/', '/2022/01/خبر/'],
		['https://old.example/2022/01/%D8%AE%D8%A8%D8%B1/', '/2022/01/خبر/'],
		['https://old.example/?p=12', undefined],
		['https://old.example/?page_id=3', undefined],
		['https://old.example/', undefined],
		['https://old.example/%E0%A4%A/', undefined],
		['not a url', undefined],
	])('oldPathOf(%s)', (link, expected) => {
		expect(oldPathOf(link)).toBe(expected);
	});

	test.each(['/a b/', '/a"b/', '/a?b', '/a/../b/', '/a//b/', 'a/', '/a;b/', '/a{b}/'])(
		'the schema refuses %s',
		(path) => {
			expect(oldPathSchema.safeParse(path).success).toBe(false);
		},
	);

	test('canonical paths, encodings and the files of redirect pages', () => {
		expect(canonicalPath('/a/b')).toBe('/a/b/');
		expect(canonicalPath('/a/b.html')).toBe('/a/b.html');
		expect(encodedForms('/خبر/')).toEqual(['/%D8%AE%D8%A8%D8%B1/', '/%d8%ae%d8%a8%d8%b1/']);
		expect(encodedForms('/news/')).toEqual(['/news/']);
		expect(redirectPageFile('/2022/خبر/')).toBe('2022/خبر/index.html');
		expect(redirectPageFile('/archives/7')).toBe('archives/7/index.html');
		expect(redirectPageFile('/old/post.html')).toBe('old/post.html');
	});
});

describe('what the build writes', () => {
	const redirects = [{ from: '/2022/خبر/', to: '/news/khabar/' }];

	test('_redirects: the lines go before the not-found rules and their comment', () => {
		const existing = '# header\n\n# not-found pages\n/en/*  /en/404.html  404\n/*     /404.html     404\n';
		const merged = mergeRedirectsFile(existing, redirectsFileLines(redirects));
		expect(merged.split('\n')).toEqual([
			'# header',
			'',
			'# Old addresses (content/redirects/), added by the build.',
			'/2022/%D8%AE%D8%A8%D8%B1/ /news/khabar/ 301',
			'/2022/%d8%ae%d8%a8%d8%b1/ /news/khabar/ 301',
			'# not-found pages',
			'/en/*  /en/404.html  404',
			'/*     /404.html     404',
			'',
		]);
		expect(mergeRedirectsFile(existing, [])).toBe(existing);
		expect(mergeRedirectsFile('', ['/a /b 301'])).toBe(
			'\n# Old addresses (content/redirects/), added by the build.\n/a /b 301\n',
		);
	});

	test('nginx: one exact location per old path', () => {
		expect(nginxInclude(redirects).split('\n').at(-2)).toBe(
			'location = "/2022/خبر/" { return 301 /news/khabar/; }',
		);
	});

	test('the redirect page: meta refresh, canonical, link, the target language, no script', () => {
		const page = redirectPage({ from: '/old/', to: '/en/news/x/' }, 'https://news.example.org');
		expect(page).toContain('<html lang="en" dir="ltr">');
		expect(page).toContain('<meta http-equiv="refresh" content="0; url=/en/news/x/">');
		expect(page).toContain('<link rel="canonical" href="https://news.example.org/en/news/x/">');
		expect(page).toContain('<a href="/en/news/x/">');
		expect(page).not.toContain('<script');
	});
});
