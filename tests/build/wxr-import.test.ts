import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSite, inlineCode } from '../../src/deploy/check-site.ts';
import { buildSite, makeSiteCopy, projectRoot } from '../helpers/site-copy.ts';

/**
 * The WordPress import end to end: the test export imported into a copy of the site, the site
 * built, and what readers and hosts get checked: the pages, the redirects in each host's form,
 * and that nothing unsafe from the export reached the output.
 */

const FIXTURE = 'tests/fixtures/wxr/الوسط.wordpress.2022-02-01.xml';
const PAIR = 'parliament-passes-new-budget';
const OLD_ARABIC = '/2022/01/10/البرلمان-يقر-الموازنة/';

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
let dist: string;
let output: string;
const html = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(async () => {
	copy = await makeSiteCopy();
	dist = join(copy.root, 'dist');
	const imported = spawnSync(
		process.execPath,
		[
			'--experimental-strip-types',
			'--disable-warning=ExperimentalWarning',
			'src/cli/import.ts',
			FIXTURE,
			'--uploads',
			'tests/fixtures/wxr/uploads',
			'--content',
			join(copy.root, 'content'),
		],
		{ cwd: projectRoot, encoding: 'utf8' },
	);
	if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);
	const build = await buildSite(copy.root);
	output = build.output;
	if (build.code !== 0) throw new Error(`build failed:\n${output}`);
});
afterAll(() => copy.remove());

describe('an imported WordPress export, built', () => {
	test('the articles, their translation link and the page are published; the draft and the trashed post are not', () => {
		const arabic = html(`news/${PAIR}/index.html`);
		expect(arabic).toContain('البرلمان يقر الموازنة العامة الجديدة');
		expect(arabic).toContain(`href="/en/news/${PAIR}/"`);
		expect(arabic).toContain('<em>النواب في قاعة المجلس أثناء التصويت</em>');
		// The caption's image and the featured image are local files, optimised by the build.
		expect(arabic).toMatch(/<img alt="قاعة المجلس"[^>]*src="\/_astro\//);
		expect(arabic).toContain('<figcaption dir="auto">تصوير: الوسط</figcaption>');
		// The YouTube line became a click-to-load embed.
		expect(arabic).toContain('class="embed embed-youtube"');
		expect(arabic).toContain('[gallery ids=');

		const english = html(`en/news/${PAIR}/index.html`);
		expect(english).toContain('Parliament passes the new budget');
		expect(english).toContain('class="embed embed-x"');
		expect(html('news/derby/index.html')).toContain('class="embed embed-youtube"');
		expect(html('mn-nhn/index.html')).toContain('قصتنا');
		expect(existsSync(join(dist, 'category/akhbar/index.html'))).toBe(true);
		expect(existsSync(join(dist, 'news/mswda-khbr-lm-ynshr-bad'))).toBe(false);
	});

	test('redirects: _redirects lines before the not-found rules, in both percent-encodings', () => {
		const lines = html('_redirects')
			.split('\n')
			.filter((line) => line && !line.startsWith('#'));
		const encoded = encodeURI(OLD_ARABIC);
		expect(lines).toContain(`${encoded} /news/${PAIR}/ 301`);
		expect(lines).toContain(`${encoded.toLowerCase()} /news/${PAIR}/ 301`);
		expect(lines).toContain(`/en/2022/01/10/${PAIR}/ /en/news/${PAIR}/ 301`);
		expect(lines).toContain('/2021/06/01/derby/ /news/derby/ 301');
		expect(lines).toContain(`${encodeURI('/من-نحن/')} /mn-nhn/ 301`);
		expect(lines.slice(-2)).toEqual(['/en/*  /en/404.html  404', '/*     /404.html     404']);
		// public/_redirects itself is untouched: the lines are the build's.
		expect(readFileSync(join(projectRoot, 'public/_redirects'), 'utf8')).not.toContain('301');
	});

	test('redirects: the nginx include has one exact location per old path, decoded', () => {
		const include = html('nginx-redirects.conf');
		expect(include).toContain(`location = "${OLD_ARABIC}" { return 301 /news/${PAIR}/; }`);
		expect(include).toContain('location = "/من-نحن/" { return 301 /mn-nhn/; }');
		expect(include.match(/^location /gm)).toHaveLength(4);
		expect(readFileSync(join(projectRoot, 'src/deploy/nginx.conf'), 'utf8')).toContain(
			'include /srv/newsroom/current/nginx-redirects*.conf;',
		);
	});

	test('redirects: an HTML page at each old path, with a meta refresh, the canonical address and a plain link, and no script', () => {
		const page = html(`${OLD_ARABIC.slice(1)}index.html`);
		expect(page).toContain(`<meta http-equiv="refresh" content="0; url=/news/${PAIR}/">`);
		expect(page).toContain(`<link rel="canonical" href="https://news.example.org/news/${PAIR}/">`);
		expect(page).toContain(`<a href="/news/${PAIR}/">`);
		expect(page).not.toMatch(/<script/i);
		expect(html(`en/2022/01/10/${PAIR}/index.html`)).toContain(`url=/en/news/${PAIR}/`);
		expect(html('من-نحن/index.html')).toContain('url=/mn-nhn/');
		expect(output).toContain('4 redirects written');
	});

	test('nothing unsafe from the export reached the site, and the site check passes', async () => {
		const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) =>
			/\.(html|xml|json|txt)$/.test(file),
		);
		for (const file of files) {
			const text = readFileSync(join(dist, file), 'utf8');
			for (const unsafe of ['document.cookie', 'evil.example', "alert('", 'steal()', 'لا ينبغي أن يظهر'])
				expect(text, `${file} contains ${unsafe}`).not.toContain(unsafe);
			if (file.endsWith('.html')) expect(inlineCode(text), file).toEqual([]);
		}
		const result = await checkSite(dist);
		expect(result.problems).toEqual([]);
	});
});

describe('a redirect over a real page', () => {
	test('fails the build, naming the file, the line and the page', async () => {
		const other = await makeSiteCopy();
		try {
			// The archive index is a page the content check does not know; the build finds it.
			await mkdir(join(other.root, 'content/redirects'));
			await writeFile(
				join(other.root, 'content/redirects/old.yml'),
				'- from: /archive/\n  to: /news/regional-water-fund-agreed/\n',
			);
			const build = await buildSite(other.root);
			expect(build.code).not.toBe(0);
			expect(build.output).toContain('1 redirect(s) would replace a page of the site:');
			expect(build.output).toContain('content/redirects/old.yml:1: /archive/ is a page of this build');
		} finally {
			await other.remove();
		}
	});
});
