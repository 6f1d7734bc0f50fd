import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { load as loadYaml } from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleFrontmatterSchema } from '#src/schemas/article.ts';
import { pageSchema } from '#src/schemas/page.ts';
import { redirectsFileSchema } from '#src/schemas/redirect.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const WXR_FIXTURE = 'tests/fixtures/wxr/الوسط.wordpress.2022-02-01.xml';
export const WXR_UPLOADS = 'tests/fixtures/wxr/uploads';
const PAIR = 'parliament-passes-new-budget';

let tmp: string;
let contentDir: string;

beforeEach(() => {
	tmp = mkdtempSync(path.join(tmpdir(), 'import-wxr-'));
	contentDir = path.join(tmp, 'content');
	for (const folder of ['categories', 'authors', 'settings'])
		cpSync(path.join(ROOT, 'content', folder), path.join(contentDir, folder), { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function runImport(...args: string[]) {
	const result = spawnSync(
		process.execPath,
		[
			'--experimental-strip-types',
			'--disable-warning=ExperimentalWarning',
			'src/cli/import.ts',
			...args,
			'--content',
			contentDir,
		],
		{ cwd: ROOT, encoding: 'utf8' },
	);
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of the content tree with its bytes and modification time. */
function snapshot(): Record<string, { bytes: string; mtimeMs: number }> {
	const files = readdirSync(contentDir, { recursive: true, withFileTypes: true }).filter((entry) =>
		entry.isFile(),
	);
	return Object.fromEntries(
		files.map((entry) => {
			const file = path.join(entry.parentPath, entry.name);
			return [
				path.relative(contentDir, file),
				{ bytes: readFileSync(file).toString('base64'), mtimeMs: statSync(file).mtimeMs },
			];
		}),
	);
}

const read = (file: string) => readFileSync(path.join(contentDir, file), 'utf8');
function article(locale: string, slug: string) {
	const file = matter(read(`articles/${locale}/${slug}.md`));
	expect(articleFrontmatterSchema.safeParse(file.data).success).toBe(true);
	return file;
}

describe('npm run import -- export.xml', { timeout: 60_000 }, () => {
	it('imports posts, pages, sections, authors, media and old links, and says what it skipped', () => {
		const run = runImport(WXR_FIXTURE, '--uploads', WXR_UPLOADS);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);

		const arabic = article('ar', PAIR);
		expect(arabic.data).toEqual({
			title: 'البرلمان يقر الموازنة العامة الجديدة',
			date: '2022-01-10T09:00:00Z',
			// «سياسة محلية» is nested in «أخبار», a new section; its own name is kept as a tag.
			category: 'akhbar',
			summary: 'البرلمان يقر الموازنة بأغلبية واضحة.',
			tags: ['سياسة محلية', 'البرلمان'],
			author: 'ahmad',
			image: '../../media/2022-01-parliament.jpg',
			imageAlt: 'قبة البرلمان',
			imageCaption: 'تصوير: الوسط',
		});
		// [caption]: the image (its original, copied under an ASCII name) and the caption under it.
		expect(arabic.content).toContain(
			'![قاعة المجلس](../../media/2022-01-swra-alqaaa.jpg)\n\n_النواب في قاعة المجلس أثناء التصويت_',
		);
		// A YouTube URL alone on its line stays so: the site's embed form.
		expect(arabic.content).toContain('\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n');
		// The unknown shortcode is kept as text.
		expect(arabic.content).toContain('\\[gallery ids="20,21"]');
		// A link to another imported post points to its new address.
		expect(arabic.content).toContain('[خبر الديربي](/news/derby/)');
		for (const unsafe of ['<script', 'document.cookie', 'onerror', 'javascript:', 'alert('])
			expect(arabic.content).not.toContain(unsafe);

		// The English translation (Polylang) shares the slug and takes the Arabic section.
		const english = article('en', PAIR);
		expect(english.data).toEqual({
			title: 'Parliament passes the new budget',
			date: '2022-01-10T09:30:00Z',
			category: 'akhbar',
			tags: ['Budget'],
			author: 'layla-haddad',
		});
		expect(english.content).toBe(
			'Parliament passed the budget on Monday evening with a clear majority.\n\nhttps://twitter.com/newsroom/status/1480512345678901234\n',
		);

		expect(article('ar', 'mswda-khbr-lm-ynshr-bad').data).toMatchObject({
			draft: true,
			date: '2022-01-20T08:15:00Z',
			category: 'sports',
		});
		const derby = article('ar', 'derby');
		expect(derby.data).toMatchObject({
			category: 'sports',
			tags: ['رياضة', 'World'],
			author: 'layla-haddad',
		});
		expect(derby.content).toContain('\n\nhttps://www.youtube.com/embed/aqz-KE-bpKQ\n\n');

		const page = matter(read('pages/ar/mn-nhn.md'));
		expect(pageSchema.safeParse(page.data).success).toBe(true);
		expect(page.data).toEqual({ title: 'من نحن', footer: false });
		expect(page.content).toBe('## قصتنا\n\nموقع إخباري مستقل منذ ٢٠١٠.\n');

		expect(readdirSync(path.join(contentDir, 'articles', 'ar')).sort()).toEqual([
			'derby.md',
			'mswda-khbr-lm-ynshr-bad.md',
			`${PAIR}.md`,
		]);
		expect(readdirSync(path.join(contentDir, 'articles', 'en'))).toEqual([`${PAIR}.md`]);
		expect(loadYaml(read('categories/akhbar.yml'))).toEqual({
			name: { ar: 'أخبار', en: 'أخبار' },
			order: 10,
		});
		expect(loadYaml(read('authors/ahmad.yml'))).toEqual({ name: { ar: 'أحمد سالم', en: 'أحمد سالم' } });
		expect(readdirSync(path.join(contentDir, 'categories'))).not.toContain('uncategorized.yml');
		expect(readFileSync(path.join(contentDir, 'media/2022-01-parliament.jpg'))).toEqual(
			readFileSync(path.join(ROOT, WXR_UPLOADS, '2022/01/parliament.jpg')),
		);

		const redirects = redirectsFileSchema.parse(loadYaml(read('redirects/alwst-wordpress-2022-02-01.yml')));
		expect(redirects).toEqual([
			{ from: '/2021/06/01/derby/', to: '/news/derby/' },
			{ from: '/2022/01/10/البرلمان-يقر-الموازنة/', to: `/news/${PAIR}/` },
			{ from: `/en/2022/01/10/${PAIR}/`, to: `/en/news/${PAIR}/` },
			{ from: '/من-نحن/', to: '/mn-nhn/' },
		]);

		expect(run.stdout).toContain(
			'articles:   4 (3 ar, 1 en; 1 drafts): 4 new, 0 replaced, 0 unchanged, 0 not overwritten',
		);
		expect(run.stdout).toContain('1 × trashed');
		expect(run.stdout).toContain('item 14 (line 139) «خبر محذوف»: trashed');
		expect(run.stdout).toContain('1 × post type "nav_menu_item" is not imported');
		expect(run.stdout).toContain(
			'[gallery]: 1 post(s), first item 11 «البرلمان يقر الموازنة العامة الجديدة»',
		);
		expect(run.stdout).toContain(
			'https://cdn.other.example/photos/fans.jpg (item 16 «الساحل يفوز بالديربي»)',
		);
		expect(JSON.stringify(snapshot())).not.toContain(Buffer.from('لا ينبغي أن يظهر').toString('base64'));
	});

	it('changes no byte on a second run', () => {
		runImport(WXR_FIXTURE, '--uploads', WXR_UPLOADS);
		const before = snapshot();
		const again = runImport(WXR_FIXTURE, '--uploads', WXR_UPLOADS);
		expect(again.status).toBe(0);
		expect(again.stdout).toContain(
			'articles:   4 (3 ar, 1 en; 1 drafts): 0 new, 0 replaced, 4 unchanged, 0 not overwritten',
		);
		expect(again.stdout).toContain('categories: 0 created, 3 matched by name');
		expect(snapshot()).toEqual(before);
	});

	it('never overwrites an article edited since, unless --force', () => {
		runImport(WXR_FIXTURE, '--uploads', WXR_UPLOADS);
		const file = path.join(contentDir, 'articles/ar/derby.md');
		const imported = readFileSync(file, 'utf8');
		writeFileSync(file, `${imported}\nفقرة أضافها المحرر.\n`);

		const refused = runImport(WXR_FIXTURE, '--uploads', WXR_UPLOADS);
		expect(refused.status).toBe(1);
		expect(refused.stderr.trim()).toBe(
			`${path.join(contentDir, 'articles/ar/derby.md')} already exists and differs in body; not overwritten, use --force to replace it`,
		);
		expect(readFileSync(file, 'utf8')).toContain('فقرة أضافها المحرر.');

		const forced = runImport(WXR_FIXTURE, '--uploads', WXR_UPLOADS, '--force');
		expect(forced.status).toBe(0);
		expect(readFileSync(file, 'utf8')).toBe(imported);
	});

	it('without --uploads, keeps remote images in bodies, leaves the featured image out, and lists both', () => {
		const run = runImport(WXR_FIXTURE);
		expect(run.status).toBe(0);
		const arabic = article('ar', PAIR);
		expect(arabic.data.image).toBeUndefined();
		expect(arabic.content).toContain(
			'](https://old.example/wp-content/uploads/2022/01/%D8%B5%D9%88%D8%B1%D8%A9-%D8%A7%D9%84%D9%82%D8%A7%D8%B9%D8%A9-300x200.jpg)',
		);
		expect(existsSync(path.join(contentDir, 'media'))).toBe(false);
		expect(run.stdout).toContain('featured images left out (remote; pass --uploads) (1):');
		expect(run.stdout).toContain(
			'item 11 «البرلمان يقر الموازنة العامة الجديدة»: https://old.example/wp-content/uploads/2022/01/parliament.jpg',
		);
	});

	it('stops at a malformed export with its line and reason, having written nothing', () => {
		const broken = path.join(tmp, 'broken.xml');
		const lines = readFileSync(path.join(ROOT, WXR_FIXTURE), 'utf8').split('\n');
		// Late in the file, after items that would otherwise have been imported.
		const at = lines.findIndex((line) => line.includes('<wp:post_id>16</wp:post_id>'));
		lines[at] = '\t\t<wp:post_id>16</wp:post_idd>';
		writeFileSync(broken, lines.join('\n'));
		const before = snapshot();

		const run = runImport(broken, '--uploads', WXR_UPLOADS);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(
			new RegExp(
				`^import: ${broken.replace(/[.\\]/g, '\\$&')}:${at + 1}:\\d+: unexpected close tag\\.; nothing was written\\n$`,
			),
		);
		expect(snapshot()).toEqual(before);
		expect(readdirSync(tmp).filter((name) => name.startsWith('.import-wxr-'))).toEqual([]);
	});

	it('refuses a file that is not a WordPress export', () => {
		const feed = path.join(tmp, 'feed.xml');
		writeFileSync(feed, '<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>');
		const run = runImport(feed);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(
			/feed\.xml:1:\d+: not a WordPress export: no <wp:wxr_version>; nothing was written/,
		);
	});
});
