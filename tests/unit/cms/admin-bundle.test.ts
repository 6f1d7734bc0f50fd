import {
	appendFileSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { bundleInChild, TAGS_FILE } from '../../../src/cms/admin-bundle.ts';

/** A site of its own: the project's code and settings, and articles this test writes. */
const root = mkdtempSync(join(tmpdir(), 'cms-bundle-'));
const folder = join(root, 'cache/admin-bundle');
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const name of ['src', 'node_modules', 'package.json', 'tsconfig.json'])
	symlinkSync(join(process.cwd(), name), join(root, name));
cpSync(join(process.cwd(), 'admin'), join(root, 'admin'), { recursive: true });
for (const name of ['settings', 'categories', 'authors'])
	cpSync(join(process.cwd(), 'content', name), join(root, 'content', name), { recursive: true });

function article(name: string, tags: string) {
	const path = join(root, 'content/articles/ar', name);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(
		path,
		`---\ntitle: خبر\ndate: '2024-05-01T10:00:00+03:00'\ncategory: world\ntags: ${tags}\n---\nنص.\n`,
	);
}

const tagsOf = (files: { name: string; contents: Uint8Array }[]) =>
	JSON.parse(new TextDecoder().decode(files.find((file) => file.name === TAGS_FILE)!.contents)) as {
		ar: string[];
	};

describe("the CMS's bundle and the site's tags", () => {
	test('a new tag is offered at the next build without bundling the CMS again', async () => {
		article('one.md', '[اقتصاد, نفط]');
		const first = await bundleInChild(root, folder);
		expect(first.map((file) => file.name)).toEqual(
			expect.arrayContaining(['cms.js', 'index.html', TAGS_FILE]),
		);
		expect(tagsOf(first).ar).toEqual(['اقتصاد', 'نفط']);
		const script = statSync(join(folder, 'cms.js'));
		expect(readFileSync(join(folder, 'cms.js'), 'utf8')).not.toContain('اقتصاد');

		article('two.md', '[اقتصاد, طاقة]');
		const second = await bundleInChild(root, folder);
		expect(tagsOf(second).ar).toEqual(['اقتصاد', 'طاقة', 'نفط']);
		// The same file, not bundled again: bundling takes seconds beside every build.
		const again = statSync(join(folder, 'cms.js'));
		expect([again.ino, again.mtimeMs]).toEqual([script.ino, script.mtimeMs]);
	}, 120_000);

	test('a fresh checkout of the same code (every file a new time) reuses the bundle; a changed file does not', async () => {
		const script = statSync(join(folder, 'cms.js'));
		const later = new Date(Date.now() + 60_000);
		for (const name of readdirSync(join(root, 'admin'), { recursive: true }) as string[])
			utimesSync(join(root, 'admin', name), later, later);
		await bundleInChild(root, folder);
		const again = statSync(join(folder, 'cms.js'));
		expect([again.ino, again.mtimeMs]).toEqual([script.ino, script.mtimeMs]);

		appendFileSync(join(root, 'admin/labels.ts'), '\n// a change\n');
		await bundleInChild(root, folder);
		expect(statSync(join(folder, 'cms.js')).ino).not.toBe(script.ino);
	}, 120_000);
});
