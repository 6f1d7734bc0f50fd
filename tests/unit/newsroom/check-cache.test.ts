import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { checkContent, checkContentCached } from '#src/newsroom/check.ts';

const root = mkdtempSync(join(tmpdir(), 'content-check-cache-'));
const cacheDir = join(root, 'node_modules/.astro');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
}
const article = (fields: string, body = 'نص.') => `---\n${fields}\n---\n${body}\n`;
const ok = (category = 'world') => `title: خبر\ndate: '2024-05-01T10:00:00+03:00'\ncategory: ${category}`;

/** A small tree: fine articles, a translation pair, an image, and two broken files. */
function writeTree() {
	rmSync(root, { recursive: true, force: true });
	write('content/categories/world.yml', 'name:\n  ar: دولي\n  en: World\norder: 1\n');
	write('content/categories/sports.yml', 'name:\n  ar: رياضة\n  en: Sports\norder: 2\n');
	write('content/authors/newsroom.yml', 'name:\n  ar: غرفة الأخبار\n  en: Newsroom\n');
	write(
		'content/settings/site.yml',
		'name:\n  ar: أ\n  en: A\ntagline:\n  ar: ب\n  en: B\nurl: https://a.example\ntimeZone: Asia/Riyadh\n',
	);
	write('content/media/present.jpg', 'jpeg');
	write('content/articles/ar/fine.md', article(`${ok()}\nimage: ../../media/present.jpg`));
	write('content/articles/ar/sports-story.md', article(ok('sports')));
	write('content/articles/ar/خبر.md', article(ok()));
	write('content/articles/ar/dup.md', article(ok()));
	write('content/articles/ar/paired.md', article(ok()));
	write(
		'content/articles/en/paired.md',
		article("title: Story\ndate: '2024-05-01T10:00:00+03:00'\ncategory: world"),
	);
	write('content/articles/ar/no-title.md', article("date: '2024-05-01T10:00:00+03:00'\ncategory: world"));
	write('content/articles/ar/bad-yaml.md', article(`${ok()}\ntags: [أ, ب`));
	write('content/pages/ar/about.md', article('title: من نحن'));
}

const cached = () => checkContentCached(root, cacheDir);
const about = (problems: { file: string; field: string }[], file: string) =>
	problems.filter((problem) => problem.file === `content/${file}`).map((problem) => problem.field);

beforeEach(writeTree);

describe('the content check with its cache', () => {
	test('gives the problems the uncached check gives, in the same order, from the cache too', () => {
		const expected = checkContent(root);
		expect(expected.length).toBeGreaterThan(0);
		const first = cached();
		expect(first).toMatchObject({ problems: expected, reused: 0, checked: 9 });
		const second = cached();
		expect(second).toMatchObject({ problems: expected, reused: 9, checked: 0 });
		expect(about(second.problems, 'articles/ar/no-title.md')).toEqual(['title']);
		expect(second.problems.find((problem) => problem.field === 'yaml')).toMatchObject({
			file: 'content/articles/ar/bad-yaml.md',
			line: 7,
		});
	});

	test('checks a changed file again, and only it', () => {
		cached();
		write('content/articles/ar/fine.md', article("date: '2024-05-01T10:00:00+03:00'\ncategory: world"));
		const broken = cached();
		expect(broken).toMatchObject({ reused: 8, checked: 1 });
		expect(about(broken.problems, 'articles/ar/fine.md')).toEqual(['title']);
		write('content/articles/ar/no-title.md', article(ok()));
		const fixed = cached();
		expect(fixed).toMatchObject({ reused: 8, checked: 1 });
		expect(about(fixed.problems, 'articles/ar/no-title.md')).toEqual([]);
		expect(fixed.problems).toEqual(checkContent(root));
	});

	test('catches a duplicate slug when only the new file of the two was parsed', () => {
		cached();
		write('content/articles/ar/Dup.md', article(ok()));
		const result = cached();
		expect(result).toMatchObject({ reused: 9, checked: 1 });
		expect(result.problems).toEqual(checkContent(root));
		// Sorted, Dup.md comes first: the unchanged dup.md is the one reported as the duplicate.
		expect(result.problems).toContainEqual({
			file: 'content/articles/ar/dup.md',
			field: 'slug',
			message: '"dup" is also the slug of content/articles/ar/Dup.md',
		});
	});

	test('applies the rules across files to unchanged files: translations, sections, images', () => {
		cached();
		// The Arabic original moves to another section: its unchanged translation is now wrong.
		write('content/articles/ar/paired.md', article(ok('sports')));
		expect(about(cached().problems, 'articles/en/paired.md')).toEqual(['category']);
		// A section and an image go away: the unchanged articles that use them are reported.
		rmSync(join(root, 'content/categories/sports.yml'));
		rmSync(join(root, 'content/media/present.jpg'));
		const result = cached();
		expect(result).toMatchObject({ checked: 0 });
		expect(about(result.problems, 'articles/ar/sports-story.md')).toEqual(['category']);
		expect(about(result.problems, 'articles/ar/fine.md')).toEqual(['image']);
		expect(result.problems).toEqual(checkContent(root));
	});

	test('keeps only the files that still exist, and parses everything when asked or when the cache is unreadable', () => {
		cached();
		rmSync(join(root, 'content/articles/ar/dup.md'));
		expect(cached()).toMatchObject({ reused: 8, checked: 0 });
		const saved = JSON.parse(readFileSync(join(cacheDir, 'content-check.json'), 'utf8')) as {
			entries: Record<string, unknown>;
		};
		expect(Object.keys(saved.entries)).not.toContain('content/articles/ar/dup.md');
		expect(checkContentCached(root, cacheDir, { reuse: false })).toMatchObject({ reused: 0, checked: 8 });
		writeFileSync(join(cacheDir, 'content-check.json'), '{"code":');
		expect(cached()).toMatchObject({ reused: 0, checked: 8 });
		const other = { ...saved, code: 'the code of another version of the check' };
		writeFileSync(join(cacheDir, 'content-check.json'), JSON.stringify(other));
		expect(cached()).toMatchObject({ reused: 0, checked: 8 });
	});
});
