import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';

/**
 * Builds a copy of the site whose sections hold 0, 1, 20, 21 and 41 stories, and checks the
 * archive pages that come out: the edges of pagination, on the real build.
 */
const sections = { health: 0, culture: 1, sports: 20, economy: 21, world: 41 } as const;
const expectedPages = { health: 1, culture: 1, sports: 1, economy: 2, world: 3 } as const;

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
let build: Awaited<ReturnType<typeof buildSite>>;

/** Stories listed on a built archive page. */
async function storiesOn(path: string): Promise<number> {
	const html = await readFile(join(copy.root, 'dist', path, 'index.html'), 'utf8');
	return html.match(/<article class="card"/g)?.length ?? 0;
}

beforeAll(async () => {
	copy = await makeSiteCopy();
	await rm(join(copy.root, 'content/articles'), { recursive: true });
	await mkdir(join(copy.root, 'content/articles/ar'), { recursive: true });
	await mkdir(join(copy.root, 'content/articles/en'), { recursive: true });
	let n = 0;
	for (const [category, count] of Object.entries(sections)) {
		for (let i = 0; i < count; i++, n++) {
			const date = new Date(Date.UTC(2025, 0, 1) + n * 3600_000).toISOString();
			await writeFile(
				join(copy.root, 'content/articles/ar', `${category}-${i}.md`),
				`---\ntitle: خبر رقم ${i} في ${category}\ndate: '${date}'\ncategory: ${category}\ntags: [وسم-${category}]\n---\nنص.\n`,
			);
		}
	}
	build = await buildSite(copy.root);
});
afterAll(() => copy.remove());

describe('archive pagination', () => {
	test('the build succeeds', () => {
		expect(build.output).not.toMatch(/\berror\b/i);
		expect(build.code).toBe(0);
	});

	test.each(Object.entries(sections))(
		'a section with %i stories has the right pages and no empty last page',
		async (category, count) => {
			const pages = expectedPages[category as keyof typeof expectedPages];
			expect(existsSync(join(copy.root, 'dist/category', category, 'index.html'))).toBe(true);
			for (let page = 2; page <= pages; page++)
				expect(existsSync(join(copy.root, 'dist/category', category, String(page), 'index.html'))).toBe(true);
			expect(existsSync(join(copy.root, 'dist/category', category, String(pages + 1)))).toBe(false);
			const perPage = [];
			for (let page = 1; page <= pages; page++)
				perPage.push(await storiesOn(`category/${category}/${page === 1 ? '' : `${page}/`}`));
			expect(perPage.reduce((a, b) => a + b, 0)).toBe(count);
			expect(perPage.slice(0, -1).every((stories) => stories === 20)).toBe(true);
			if (count > 0) expect(perPage.at(-1)).toBeGreaterThan(0);
		},
	);

	test('an empty section shows its empty state, in both languages', async () => {
		expect(await readFile(join(copy.root, 'dist/category/health/index.html'), 'utf8')).toContain(
			'لم يُنشر في هذا القسم شيء بعد',
		);
		expect(await readFile(join(copy.root, 'dist/en/category/world/index.html'), 'utf8')).toContain(
			'Nothing has been published in this section yet',
		);
	});

	test('page 2 links back to page 1 and on to page 3, with page numbers in the site digits (Western by default)', async () => {
		const html = await readFile(join(copy.root, 'dist/category/world/2/index.html'), 'utf8');
		expect(html).toContain('rel="prev" href="/category/world/"');
		expect(html).toContain('rel="next" href="/category/world/3/"');
		expect(html).toMatch(/aria-current="page" href="\/category\/world\/2\/"[^>]*>2</);
	});

	test('tag and month archives paginate the same way', async () => {
		expect(existsSync(join(copy.root, 'dist/tag/وسم-world/3/index.html'))).toBe(true);
		expect(existsSync(join(copy.root, 'dist/tag/وسم-world/4'))).toBe(false);
		expect(existsSync(join(copy.root, 'dist/archive/2025/01/index.html'))).toBe(true);
		expect(await storiesOn('archive/2025/01/')).toBe(20);
	});
});
