import { describe, expect, test } from 'vitest';
import { searchRecord } from '#src/search/records.ts';
import {
	mergeByScore,
	newestFirst,
	newestYearsFirst,
	shardOf,
	shardsToSearch,
	shardsWithEvery,
	type ShardList,
} from '#src/search/shards.ts';

const record = (date: string) =>
	searchRecord({
		url: '/news/a/',
		title: 'عنوان',
		html: '<p>نص</p>',
		date: new Date(date),
		category: 'world',
		timeZone: 'Asia/Riyadh',
	});

describe('the shard of a record', () => {
	test.each([
		['2026-06-01T12:00:00+03:00', '2026'],
		// Just after midnight in Riyadh on New Year's Day is still 2025 in UTC: the newsroom's year counts.
		['2026-01-01T00:30:00+03:00', '2026'],
		['2025-12-31T23:30:00+03:00', '2025'],
	])('%s is in the shard of %s, the same as its year filter', (date, year) => {
		const made = record(date);
		expect(shardOf(made)).toBe(year);
		expect(made.filters.year).toEqual([year]);
	});

	test('a record without a year is refused, not put in a shard of its own', () => {
		expect(() => shardOf({ filters: { year: [] } })).toThrow(/no year/);
		expect(() => shardOf({ filters: { year: ['20x6'] } })).toThrow(/no year/);
	});

	test('years come newest first, each once', () => {
		expect(newestYearsFirst(['2022', '2026', '2025', '2026'])).toEqual(['2026', '2025', '2022']);
	});
});

describe('the shards a search needs', () => {
	const list: ShardList = {
		shards: [
			{ year: '2026', key: 'a' },
			{ year: '2025', key: 'b' },
			{ year: '2022', key: 'c' },
		],
	};

	test('every shard, newest first, without a year filter', () => {
		expect(shardsToSearch(list, '')).toEqual(['2026', '2025', '2022']);
	});

	test("a year filter needs that year's shard alone, and a year without articles none", () => {
		expect(shardsToSearch(list, '2025')).toEqual(['2025']);
		expect(shardsToSearch(list, '2019')).toEqual([]);
	});
});

describe('the shards a query is sent to', () => {
	test('only those that have every one of its words: elsewhere Pagefind would answer with similar words', () => {
		const shards = ['2026', '2025', '2022'];
		// «وزير» in 2026 and 2022, «خارجية» in 2025 and 2022.
		expect(
			shardsWithEvery(shards, [
				[3, 0, 1],
				[0, 2, 1],
			]),
		).toEqual(['2022']);
		expect(shardsWithEvery(shards, [[3, 0, 1]])).toEqual(['2026', '2022']);
		expect(shardsWithEvery(shards, [[0, 0, 0]])).toEqual([]);
	});
});

describe('results merged across shards', () => {
	test('newest first: the shards newest first, each newest first, give exact date order across a year boundary', () => {
		const byShard = [['2026-03-01', '2026-01-01'], ['2025-12-31', '2025-02-01'], ['2022-07-01']];
		const merged = newestFirst(byShard);
		expect(merged).toEqual(['2026-03-01', '2026-01-01', '2025-12-31', '2025-02-01', '2022-07-01']);
		expect([...merged].sort().reverse()).toEqual(merged);
	});

	test('newest first is not what a merge by score gives: position scores interleave the shards', () => {
		// Pagefind's score for a sorted search is how many of its own index's results come after it.
		const byShard = [
			[
				{ date: '2026-03-01', score: 1 },
				{ date: '2026-01-01', score: 0 },
			],
			[
				{ date: '2025-12-31', score: 1 },
				{ date: '2025-02-01', score: 0 },
			],
		];
		const wrong = mergeByScore(byShard).map((result) => result.date);
		expect(wrong).not.toEqual([...wrong].sort().reverse());
		expect(newestFirst(byShard).map((result) => result.date)).toEqual([
			'2026-03-01',
			'2026-01-01',
			'2025-12-31',
			'2025-02-01',
		]);
	});

	test('by relevance: by score across shards; equal scores keep the newer shard first, then their own order', () => {
		const merged = mergeByScore([
			[
				{ id: 'a1', score: 5 },
				{ id: 'a2', score: 1 },
			],
			[
				{ id: 'b1', score: 9 },
				{ id: 'b2', score: 1 },
				{ id: 'b3', score: 1 },
			],
			[],
		]);
		expect(merged.map((result) => result.id)).toEqual(['b1', 'a1', 'a2', 'b2', 'b3']);
	});

	test('nothing from no shard', () => {
		expect(mergeByScore([])).toEqual([]);
		expect(newestFirst([[], []])).toEqual([]);
	});
});
