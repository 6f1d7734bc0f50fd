import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readChoices } from '../../../admin/choices.ts';

const root = mkdtempSync(join(tmpdir(), 'cms-choices-'));
const tagCache = join(root, 'cache/cms-tags.json');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
}
const article = (tags: string) =>
	`---\ntitle: خبر\ndate: '2024-05-01T10:00:00+03:00'\ncategory: world\ntags: ${tags}\n---\nنص.\n`;

write('content/categories/world.yml', 'name:\n  ar: دولي\n  en: World\norder: 1\n');
write('content/authors/newsroom.yml', 'name:\n  ar: غرفة الأخبار\n  en: Newsroom\n');
write('content/articles/ar/one.md', article('[اقتصاد, نفط]'));
write('content/articles/ar/two.md', article('[اقتصاد]'));
write('content/articles/ar/broken.md', article('[اقتصاد'));
write('content/articles/en/one.md', article('[economy, " oil "]'));

describe("the CMS's tag suggestions, kept by each article's bytes", () => {
	test('are those read without the cache, the first time and from the cache', () => {
		const expected = readChoices(root);
		expect(expected.tags).toEqual({ ar: ['اقتصاد', 'نفط'], en: ['economy', 'oil'] });
		expect(readChoices(root, { tagCache })).toEqual(expected);
		expect(readChoices(root, { tagCache })).toEqual(expected);
	});

	test('follow an article that changed, arrived or went', () => {
		readChoices(root, { tagCache });
		write('content/articles/ar/one.md', article('[نفط, طاقة]'));
		write('content/articles/ar/three.md', article('[طاقة]'));
		rmSync(join(root, 'content/articles/ar/two.md'));
		const choices = readChoices(root, { tagCache });
		expect(choices.tags?.ar).toEqual(['طاقة', 'نفط']);
		expect(choices).toEqual(readChoices(root));
	});
});
