import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeCorpus } from '../../../tools/bench/corpus.ts';
import { generateCorpus } from '../../../tools/bench/corpus-generator.ts';
import { checkContent } from '#src/newsroom/check.ts';
import { readTree } from '../../helpers/tree.ts';

const work = mkdtempSync(join(tmpdir(), 'corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the benchmark corpus generator', () => {
	test('writes the same tree for a seed, and another for another seed', async () => {
		await writeCorpus(join(work, 'a/content'), { articles: 300, seed: 7 });
		await writeCorpus(join(work, 'b/content'), { articles: 300, seed: 7 });
		await writeCorpus(join(work, 'c/content'), { articles: 300, seed: 8 });
		const [a, b, c] = ['a', 'b', 'c'].map((name) => readTree(join(work, name, 'content')));
		expect(a!.size).toBeGreaterThan(300);
		expect(b).toEqual(a);
		expect(c).not.toEqual(a);
	});

	test('writes as many articles as asked, about three in four Arabic, with drafts, future ones, images and a tail of tags', () => {
		const articles = generateCorpus({ articles: 2000 });
		expect(articles).toHaveLength(2000);
		const arabic = articles.filter((article) => article.locale === 'ar');
		expect(arabic).toHaveLength(1539);
		expect(articles.some((article) => article.data.draft)).toBe(true);
		expect(
			articles.some((article) => new Date(String(article.data.date)) > new Date('2026-11-30T12:00:00+03:00')),
		).toBe(true);
		expect(arabic.filter((article) => article.data.image).length).toBeGreaterThan(300);
		expect(new Set(arabic.flatMap((article) => article.data.tags)).size).toBeGreaterThan(100);
		expect(arabic.some((article) => /[\u064B-\u0652]/.test(article.data.title))).toBe(true);
	});

	test("its tree passes the site's content check: schemas, sections, authors, images", async () => {
		const root = join(work, 'checked');
		await writeCorpus(join(root, 'content'), { articles: 1000, seed: 3 });
		expect(checkContent(root)).toEqual([]);
		// The check is not blind to generated files: one broken article is reported.
		const file = join(root, 'content/articles/ar/story-0001.md');
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^category: .*$/m, 'category: nowhere'));
		expect(checkContent(root)).toEqual([
			expect.objectContaining({ file: 'content/articles/ar/story-0001.md', field: 'category' }),
		]);
	});
});
