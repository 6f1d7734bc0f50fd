import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';

/**
 * Builds a copy of the site whose sections hold 0, 1, 20, 21 and 41 stories, and checks the
 * archive pages that come out: the edges of pagination, on the real build. A listing's own URL
 * shows its newest 20 stories; longer listings also have numbered pages counted from the oldest
 * story (src/site/pagination.ts).
 */
const sections = { health: 0, culture: 1, sports: 20, economy: 21, world: 41 } as const;
/** Numbered pages beside the latest page. */
const expectedNumbered = { health: 0, culture: 0, sports: 0, economy: 2, world: 3 } as const;
/** English stories in the economy section, for the English labels. */
const ENGLISH = 21;

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
	for (let i = 0; i < ENGLISH; i++) {
		const date = new Date(Date.UTC(2025, 1, 1) + i * 3600_000).toISOString();
		await writeFile(
			join(copy.root, 'content/articles/en', `english-${i}.md`),
			`---\ntitle: Story ${i}\ndate: '${date}'\ncategory: economy\n---\nText.\n`,
		);
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
		'a section with %i stories has its latest page, numbered pages from the oldest, and no empty page',
		async (category, count) => {
			const numbered = expectedNumbered[category as keyof typeof expectedNumbered];
			expect(await storiesOn(`category/${category}/`)).toBe(Math.min(count, 20));
			for (let page = 1; page <= numbered; page++)
				expect(existsSync(join(copy.root, 'dist/category', category, String(page), 'index.html'))).toBe(true);
			expect(existsSync(join(copy.root, 'dist/category', category, String(numbered + 1)))).toBe(false);
			if (numbered === 0) expect(existsSync(join(copy.root, 'dist/category', category, '1'))).toBe(false);
			const perPage = [];
			for (let page = 1; page <= numbered; page++)
				perPage.push(await storiesOn(`category/${category}/${page}/`));
			if (numbered === 0) return;
			expect(perPage.reduce((a, b) => a + b, 0)).toBe(count);
			expect(perPage.slice(0, -1).every((stories) => stories === 20)).toBe(true);
			expect(perPage.at(-1)).toBeGreaterThan(0);
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

	test('the latest page shows the newest stories and leads to older ones; numbered pages lead both ways', async () => {
		const latest = await readFile(join(copy.root, 'dist/category/world/index.html'), 'utf8');
		expect(latest).toContain('خبر رقم 40 في world');
		expect(latest).not.toContain('rel="prev"');
		expect(latest).toMatch(/rel="next" href="\/category\/world\/2\/">\s*أخبار أقدم/);
		expect(latest).toMatch(/aria-current="page" href="\/category\/world\/"[^>]*>\s*الأحدث/);
		const html = await readFile(join(copy.root, 'dist/category/world/2/index.html'), 'utf8');
		expect(html).toMatch(/rel="prev" href="\/category\/world\/3\/">[\s\S]*?أخبار أحدث/);
		expect(html).toMatch(/rel="next" href="\/category\/world\/1\/">\s*أخبار أقدم/);
		expect(html).toContain('<link rel="canonical" href="https://news.example.org/category/world/2/"');
		expect(html).toMatch(/<title>[^<]*الصفحة 2/);
		const newest = await readFile(join(copy.root, 'dist/category/world/3/index.html'), 'utf8');
		expect(newest).toContain('rel="prev" href="/category/world/"');
		const oldest = await readFile(join(copy.root, 'dist/category/world/1/index.html'), 'utf8');
		expect(oldest).toContain('خبر رقم 0 في world');
		expect(oldest).not.toContain('rel="next"');
	});

	test('page numbers are in the site digits (Western by default), newest first', async () => {
		const html = await readFile(join(copy.root, 'dist/category/world/2/index.html'), 'utf8');
		expect(html).toMatch(/aria-current="page" href="\/category\/world\/2\/"[^>]*>\s*2\s*</);
		const nav = html.slice(
			html.indexOf('<nav class="pagination"'),
			html.indexOf('</nav>', html.indexOf('<nav class="pagination"')),
		);
		const order = [...nav.matchAll(/<li><a[^>]*href="\/category\/world\/(\d*)\/?"/g)].map((m) => m[1]);
		expect(order).toEqual(['', '3', '2', '1']);
	});

	test('English pages paginate the same way, with English labels', async () => {
		const latest = await readFile(join(copy.root, 'dist/en/category/economy/index.html'), 'utf8');
		expect(latest).toMatch(/rel="next" href="\/en\/category\/economy\/1\/">\s*Older stories/);
		const first = await readFile(join(copy.root, 'dist/en/category/economy/1/index.html'), 'utf8');
		expect(first).toMatch(/rel="prev" href="\/en\/category\/economy\/2\/">[\s\S]*?Newer stories/);
		expect(first).toMatch(/<title>[^<]*Page 1/);
		expect(await storiesOn('en/category/economy/1/')).toBe(20);
		expect(await storiesOn('en/category/economy/2/')).toBe(1);
	});

	test('tag and month archives paginate the same way', async () => {
		expect(existsSync(join(copy.root, 'dist/tag/وسم-world/3/index.html'))).toBe(true);
		expect(existsSync(join(copy.root, 'dist/tag/وسم-world/4'))).toBe(false);
		expect(existsSync(join(copy.root, 'dist/archive/2025/01/index.html'))).toBe(true);
		expect(await storiesOn('archive/2025/01/')).toBe(20);
	});
});
