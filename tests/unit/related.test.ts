import { describe, expect, test } from 'vitest';
import { relatedArticles, type Relatable } from '../../src/lib/related.ts';

function article(id: string, category: string, tags: string[], day: number): Relatable {
	return { id, category, tags, date: new Date(Date.UTC(2024, 0, day)) };
}

describe('related articles', () => {
	const articles = [
		article('a', 'world', ['روسيا', 'كازاخستان'], 10),
		article('b', 'world', ['كازاخستان'], 9),
		article('c', 'economy', ['روسيا', 'كازاخستان'], 1),
		article('d', 'world', [], 20),
		article('e', 'sports', ['كرة'], 5),
		article('f', 'world', [], 11),
	];
	const related = relatedArticles(articles, 3);
	const ids = (id: string) => related.get(id)!.map((other) => other.id);

	test('shared tags rank first, then a shared section, then the nearest in time', () => {
		expect(ids('a')).toEqual(['c', 'b', 'f']);
	});

	test('an article is never related to itself', () => {
		for (const { id } of articles) expect(ids(id)).not.toContain(id);
	});

	test('an untagged article gets the nearest stories of its section', () => {
		expect(ids('d')).toEqual(['f', 'a', 'b']);
	});

	test('an article alone in its section with no shared tags has none', () => {
		expect(ids('e')).toEqual([]);
	});

	test('never more than the limit', () => {
		for (const { id } of articles) expect(ids(id).length).toBeLessThanOrEqual(3);
	});
});
