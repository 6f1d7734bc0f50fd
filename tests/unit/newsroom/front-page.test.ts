import { describe, expect, test } from 'vitest';
import { frontPage, type FrontPageCandidate } from '#src/newsroom/front-page.ts';

const now = new Date('2026-11-29T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);

function story(
	id: string,
	hours: number,
	category: string,
	flags: { featured?: boolean; breaking?: boolean } = {},
): FrontPageCandidate {
	return { id, category, date: hoursAgo(hours), data: { featured: false, breaking: false, ...flags } };
}

// Newest first, as the site keeps them.
const stories = [
	story('fresh-breaking', 1, 'politics', { breaking: true }),
	story('featured-a', 2, 'world', { featured: true }),
	story('plain-a', 3, 'economy'),
	story('day-old-breaking', 23.9, 'world', { breaking: true, featured: true }),
	story('stale-breaking', 24.1, 'politics', { breaking: true }),
	story('featured-b', 30, 'sports', { featured: true }),
	story('plain-b', 40, 'world'),
];
const byCategory = new Map<string, FrontPageCandidate[]>();
for (const s of stories) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
const ids = (list: FrontPageCandidate[]) => list.map((s) => s.id);

describe('front page', () => {
	const page = frontPage(
		stories,
		byCategory,
		{ headlines: 2, latest: 3, sections: ['world', 'sports', 'culture'], perSection: 2 },
		now,
	);

	test('breaking news is what is flagged and under 24 hours old, newest first', () => {
		expect(ids(page.breaking)).toEqual(['fresh-breaking', 'day-old-breaking']);
	});

	test('the headlines are the newest featured stories, up to the number set', () => {
		expect(ids(page.headlines)).toEqual(['featured-a', 'day-old-breaking']);
	});

	test('the latest news leaves out what the headlines show', () => {
		expect(ids(page.latest)).toEqual(['fresh-breaking', 'plain-a', 'stale-breaking']);
	});

	test('section blocks follow the settings order, each with its newest stories not shown above', () => {
		expect(page.sections.map((s) => [s.id, ids(s.articles)])).toEqual([
			['world', ['plain-b']],
			['sports', ['featured-b']],
			['culture', []],
		]);
	});

	test('a story appears at most once across headlines, latest and section blocks', () => {
		const wide = frontPage(
			stories,
			byCategory,
			{ headlines: 3, latest: 3, sections: ['world', 'politics', 'sports'], perSection: 4 },
			now,
		);
		const all = [...wide.headlines, ...wide.latest, ...wide.sections.flatMap((s) => s.articles)];
		expect(all.length).toBe(new Set(all).size);
		expect(all.length).toBe(stories.length);
	});

	test('a section block fills from its next stories when its newest are shown above', () => {
		const many = Array.from({ length: 8 }, (_, i) =>
			story(`world-${i}`, i + 1, 'world', { featured: i < 2 }),
		);
		const index = new Map([['world', many]]);
		const filled = frontPage(
			many,
			index,
			{ headlines: 2, latest: 2, sections: ['world'], perSection: 3 },
			now,
		);
		expect(ids(filled.sections[0]!.articles)).toEqual(['world-4', 'world-5', 'world-6']);
	});

	test('no breaking news when nothing is flagged in the last day', () => {
		const calm = frontPage(
			stories.slice(4),
			byCategory,
			{ headlines: 2, latest: 3, sections: [], perSection: 2 },
			now,
		);
		expect(calm.breaking).toEqual([]);
	});
});
