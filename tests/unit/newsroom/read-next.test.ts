import { describe, expect, test } from 'vitest';
import { LATEST_COLUMN_ARTICLES, latestFor, neighbours, readNext } from '#src/newsroom/read-next.ts';

describe('what follows an article', () => {
	const [a, b, c, d, e, f, g] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

	test('each story appears in one list only, and never the article itself', () => {
		const lists = readNext(a, [b, c], [a, b, d, e], [f, a, c, d, g], 2);
		expect(lists).toEqual({ related: [b, c], moreFromSection: [d, e], latest: [f, g] });
	});

	test('a list fills from further down when its first stories are shown above', () => {
		expect(readNext(a, [b], [b, c, d], [b, c, d, e, f], 3)).toEqual({
			related: [b],
			moreFromSection: [c, d],
			latest: [e, f],
		});
	});

	test('only the newest articles carry the latest news, so a new story changes a bounded number of pages', () => {
		const language = Array.from({ length: 200 }, (_, index) => index);
		expect(latestFor(language, 0)).toBe(language);
		expect(latestFor(language, LATEST_COLUMN_ARTICLES - 1)).toBe(language);
		expect(latestFor(language, LATEST_COLUMN_ARTICLES)).toEqual([]);
		expect(LATEST_COLUMN_ARTICLES).toBeLessThanOrEqual(50);
	});

	test('more from the section is the stories of the same days: nearest first, newer before older', () => {
		const section = [a, b, c, d, e, f, g];
		expect(neighbours(section, 3, 2)).toEqual([c, e, b, f]);
		expect(neighbours(section, 0, 2)).toEqual([b, c]);
		expect(neighbours(section, 6, 8)).toEqual([f, e, d, c, b, a]);
	});

	test('a story added at the top of a section changes "more from the section" of its nearest neighbours only', () => {
		const old = Array.from({ length: 100 }, (_, index) => `s${index}`);
		const grown = ['new', ...old];
		const changed = old.filter(
			(story) =>
				JSON.stringify(neighbours(old, old.indexOf(story))) !==
					JSON.stringify(neighbours(grown, grown.indexOf(story)).filter((other) => other !== 'new')) ||
				neighbours(grown, grown.indexOf(story)).includes('new'),
		);
		expect(changed.length).toBeLessThanOrEqual(2 * 8);
	});
});
