import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ARABIC_RANGES, covers } from '../../../tools/fonts/font-subsets.ts';
import { fontFaceCss, fontFaces, subsetFace } from '../../../tools/fonts/fonts.ts';

const root = resolve(import.meta.dirname, '../../..');

describe('the subset fonts', () => {
	test.each(fontFaces)('$file is what npm run fonts writes from its package', async (face) => {
		const expected = await subsetFace(face, root);
		expect(Buffer.compare(readFileSync(join(root, 'src/fonts', face.file)), expected)).toBe(0);
	});

	test('the stylesheet is what npm run fonts writes', () => {
		expect(readFileSync(join(root, 'src/styles/fonts.css'), 'utf8')).toBe(fontFaceCss(fontFaces));
	});

	test('every Arabic-script character of the content is in the Arabic subset', () => {
		const missing = new Set<string>();
		for (const file of readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' })) {
			if (!/\.(md|ya?ml)$/.test(file)) continue;
			for (const char of readFileSync(join(root, 'content', file), 'utf8')) {
				if (/\p{Script=Arabic}/u.test(char) && !covers(ARABIC_RANGES, char))
					missing.add(`U+${char.codePointAt(0)!.toString(16)} in ${file}`);
			}
		}
		expect([...missing]).toEqual([]);
	});

	test('the check above catches a character the subset lacks', () => {
		expect(covers(ARABIC_RANGES, 'ڤ')).toBe(false);
		expect(covers(ARABIC_RANGES, 'ب')).toBe(true);
	});
});
