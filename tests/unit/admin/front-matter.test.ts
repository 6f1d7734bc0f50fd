import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { frontMatterFormat, yamlFormat } from '../../../admin/lib/front-matter.ts';

describe("the CMS's Markdown format", () => {
	test('writes front matter without the slug or empty optional fields, then the body', () => {
		const text = frontMatterFormat.toFile(
			{
				title: 'عنوان الخبر',
				slug: 'news-title',
				date: '2026-05-01T10:00:00+03:00',
				category: 'world',
				summary: '',
				tags: [],
				source: '  ',
				featured: false,
				body: '## عنوان فرعي\n\nنص.',
			},
			['title', 'slug', 'date', 'category', 'summary', 'tags', 'source', 'featured', 'body'],
		);
		expect(text).toBe(
			"---\ntitle: عنوان الخبر\ndate: '2026-05-01T10:00:00+03:00'\ncategory: world\nfeatured: false\n---\n\n## عنوان فرعي\n\nنص.\n",
		);
		expect(matter(text).data.date).toBe('2026-05-01T10:00:00+03:00');
	});

	test('writes nothing for a language version without its own title (an untranslated copy)', () => {
		expect(
			frontMatterFormat.toFile({ date: '2026-05-01T10:00:00+03:00', category: 'world', featured: false }),
		).toBe('');
		expect(frontMatterFormat.toFile({ title: ' ', date: '2026-05-01T10:00:00+03:00' })).toBe('');
	});

	test('reads what it writes, and an imported file with its body straight after the front matter', () => {
		const data = { title: 'Title', date: '2026-05-01T10:00:00+03:00', tags: ['أ', 'b'], body: 'Text.' };
		expect(frontMatterFormat.fromFile(frontMatterFormat.toFile(data))).toEqual({ ...data, body: 'Text.\n' });
		expect(
			frontMatterFormat.fromFile("---\ntitle: 'قاسم'\ncategory: world\n---\nاجتياح ومحاولة انقلاب\n"),
		).toEqual({
			title: 'قاسم',
			category: 'world',
			body: 'اجتياح ومحاولة انقلاب\n',
		});
	});
});

describe("the CMS's YAML format", () => {
	test('drops the slug and empty values, keeping the form order', () => {
		const text = yamlFormat.toFile(
			{ slug: 'culture', order: 6, name: { ar: 'ثقافة', en: 'Culture' }, description: { ar: '', en: '' } },
			['slug', 'name', 'order', 'description'],
		);
		expect(text).toBe('name:\n  ar: ثقافة\n  en: Culture\norder: 6\n');
	});

	test('reads a data file', () => {
		expect(yamlFormat.fromFile('name:\n  ar: ثقافة\n  en: Culture\norder: 6\n')).toEqual({
			name: { ar: 'ثقافة', en: 'Culture' },
			order: 6,
		});
	});
});

describe('saves from the CMS', () => {
	test('leave out blank files: the untranslated language versions', async () => {
		const { withoutBlankFiles } = await import('../../../admin/lib/blank-translations.ts');
		const entry = {
			assets: [],
			dataFiles: [
				{ path: 'content/articles/ar/a.md', raw: '---\ntitle: عنوان\n---\n' },
				{ path: 'content/articles/en/a.md', raw: '\n' },
			],
		};
		expect(withoutBlankFiles(entry).dataFiles.map((file) => file.path)).toEqual(['content/articles/ar/a.md']);
	});
});
