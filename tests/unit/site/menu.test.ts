import { describe, expect, test } from 'vitest';
import { menuSections } from '#src/site/menu.ts';

describe('menu sections', () => {
	const categories = [{ id: 'world' }, { id: 'opinion' }, { id: 'sports' }];

	test('lists only sections with published stories, in navigation order', () => {
		const byCategory = new Map([
			['sports', ['a']],
			['world', ['b', 'c']],
			['opinion', []],
		]);
		expect(menuSections(categories, byCategory).map(({ id }) => id)).toEqual(['world', 'sports']);
	});

	test('a language with no stories has no sections in its menu', () => {
		expect(menuSections(categories, new Map())).toEqual([]);
	});
});
