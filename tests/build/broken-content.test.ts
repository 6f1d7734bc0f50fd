import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';

/** A valid article; each case below breaks one thing in it. */
const good = {
	title: 'خبر للاختبار',
	date: "'2024-05-01T10:00:00+03:00'",
	category: 'world',
};

function article(fields: Record<string, string>, extra = ''): string {
	const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
	return `---\n${lines.join('\n')}\n${extra}---\nنص الخبر.\n`;
}

const { title: _title, ...withoutTitle } = good;

/** Each broken file, and what the build must say about it: the file, and the field or line. */
const cases = [
	{
		name: 'bad YAML',
		file: 'ar/bad-yaml.md',
		text: article(good, 'tags: [أ, ب\n'),
		expect: [/bad-yaml\.md:\d+: yaml: /],
	},
	{ name: 'a missing title', file: 'ar/no-title.md', text: article(withoutTitle), expect: [/\btitle\b/] },
	{
		name: 'an unknown category',
		file: 'ar/bad-category.md',
		text: article({ ...good, category: 'sport' }),
		expect: [/category: unknown category "sport"/],
	},
	{
		name: 'a date without a time zone',
		file: 'ar/bad-date.md',
		text: article({ ...good, date: "'2024-05-01 10:00'" }),
		expect: [/date: must be an ISO 8601 date/],
	},
	{
		name: 'an impossible date',
		file: 'ar/impossible-date.md',
		text: article({ ...good, date: "'2024-13-45T10:00:00Z'" }),
		expect: [/date: must be an ISO 8601 date/],
	},
	{
		name: 'an Arabic file name',
		file: 'ar/خبر-عاجل.md',
		text: article(good),
		expect: [/slug: "خبر-عاجل" must be lower-case ASCII/],
	},
];

describe('a build with a broken article', () => {
	let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
	beforeAll(async () => {
		copy = await makeSiteCopy();
	});
	afterAll(() => copy.remove());

	test('the unbroken copy builds (so the failures below come from the broken file)', async () => {
		const { code, output } = await buildSite(copy.root);
		expect(output).not.toMatch(/error/i);
		expect(code).toBe(0);
		expect(existsSync(join(copy.root, 'dist/index.html'))).toBe(true);
	});

	test.each(cases)(
		'$name fails the build, naming the file and the field',
		async ({ file, text, expect: patterns }) => {
			const single = await makeSiteCopy();
			try {
				const path = join(single.root, 'content/articles', file);
				await mkdir(join(path, '..'), { recursive: true });
				await writeFile(path, text);
				const { code, output } = await buildSite(single.root);
				expect(code).not.toBe(0);
				expect(output).toContain(`content/articles/${file}`);
				for (const pattern of patterns) expect(output).toMatch(pattern);
			} finally {
				await single.remove();
			}
		},
	);
});

test('a build with several broken files lists all of them, then fails', async () => {
	const copy = await makeSiteCopy();
	try {
		const broken = {
			'ar/one.md': article({ ...good, category: 'sport' }),
			'ar/two.md': article({ ...good, date: "'tomorrow'" }),
			'en/three.md': article(withoutTitle),
		};
		for (const [file, text] of Object.entries(broken))
			await writeFile(join(copy.root, 'content/articles', file), text);
		await writeFile(
			join(copy.root, 'content/articles/ar/four.mdx'),
			'---\ntitle: x\n---\nexport const x = 1;\n',
		);
		const { code, output } = await buildSite(copy.root);
		expect(code).not.toBe(0);
		expect(output).toContain('4 problems in content:');
		for (const file of [...Object.keys(broken), 'ar/four.mdx'])
			expect(output).toContain(`content/articles/${file}`);
		expect(existsSync(join(copy.root, 'dist/index.html'))).toBe(false);
	} finally {
		await copy.remove();
	}
});
