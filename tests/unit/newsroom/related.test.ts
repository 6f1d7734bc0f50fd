import { describe, expect, test } from 'vitest';
import { relatedArticles, type Relatable } from '#src/newsroom/related.ts';

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

describe('related articles in a large archive', () => {
	test('a tag on every story weighs only the stories nearest in time, so the work stays linear', () => {
		let reads = 0;
		const archive = Array.from({ length: 3000 }, (_, n) => {
			const story = article(`s${n}`, n % 2 ? 'world' : 'economy', ['common'], n);
			const category = story.category;
			return Object.defineProperty(story, 'category', { get: () => (reads++, category) });
		});
		const related = relatedArticles(archive, 4);
		expect(related.get('s1500')!.map((other) => other.id)).toEqual(['s1502', 's1498', 's1504', 's1496']);
		for (const list of related.values()) expect(list).toHaveLength(4);
		// Weighing every pair would read categories 2 x 3000 x 3000 times; the window keeps it near 2 x 3000 x 100.
		expect(reads).toBeLessThan(2 * 3000 * 110);
	});
});
