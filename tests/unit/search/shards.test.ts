import { describe, expect, test } from 'vitest';
import { searchRecord } from '#src/search/records.ts';
import {
	ARCHIVE_SHARD_ARTICLES,
	mergeByScore,
	newestFirst,
	newestYearsFirst,
	planShards,
	shardsToSearch,
	shardsWithEvery,
	yearOf,
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

describe('the year of a record', () => {
	test.each([
		['2026-06-01T12:00:00+03:00', '2026'],
		// Just after midnight in Riyadh on New Year's Day is still 2025 in UTC: the newsroom's year counts.
		['2026-01-01T00:30:00+03:00', '2026'],
		['2025-12-31T23:30:00+03:00', '2025'],
	])('%s is of %s, the same as its year filter', (date, year) => {
		const made = record(date);
		expect(yearOf(made)).toBe(year);
		expect(made.filters.year).toEqual([year]);
	});

	test('a record without a year is refused, not put in a shard of its own', () => {
		expect(() => yearOf({ filters: { year: [] } })).toThrow(/no year/);
		expect(() => yearOf({ filters: { year: ['20x6'] } })).toThrow(/no year/);
	});

	test('years come newest first, each once', () => {
		expect(newestYearsFirst(['2022', '2026', '2025', '2026'])).toEqual(['2026', '2025', '2022']);
	});
});

/** Articles by year, from the newest year and a count for each year back from it. */
const years = (newest: number, counts: number[]) =>
	new Map(counts.map((count, back) => [String(newest - back), count]));

describe('the shard plan', () => {
	test('10,000 articles over eleven years: the newest year, and one archive shard of the others', () => {
		const plan = planShards(years(2026, Array<number>(11).fill(910)));
		expect(plan.map((shard) => shard.name)).toEqual(['2026', '2016-2025']);
		expect(plan[1]!.years).toEqual(newestYearsFirst(years(2025, Array<number>(10).fill(0)).keys()));
	});

	test('100,000 articles over eleven years: the newest year and archive shards of at most the bound', () => {
		const counts = years(2026, Array<number>(11).fill(9_091));
		const plan = planShards(counts);
		expect(plan.map((shard) => shard.name)).toEqual(['2026', '2024-2025', '2020-2023', '2016-2019']);
		for (const shard of plan.slice(1))
			expect(shard.years.reduce((sum, year) => sum + counts.get(year)!, 0)).toBeLessThanOrEqual(
				ARCHIVE_SHARD_ARTICLES,
			);
	});

	test('every year in exactly one shard; the shards newest first, in disjoint year ranges', () => {
		const counts = years(2026, [500, 30_000, 9_000, 41_000, 20_000, 15_000, 2]);
		const plan = planShards(counts);
		const all = plan.flatMap((shard) => shard.years);
		expect(all).toEqual(newestYearsFirst(counts.keys()));
		// A year of more articles than the bound is a shard of its own.
		expect(plan.map((shard) => shard.name)).toEqual(['2026', '2024-2025', '2023', '2020-2022']);
	});

	test('the archive grows from its youngest shard: when the year turns, the older shards stay as they were', () => {
		const before = planShards(years(2026, [9_000, 9_000, 9_000, 9_000, 9_000, 9_000, 9_000]));
		const after = planShards(years(2027, [100, 9_000, 9_000, 9_000, 9_000, 9_000, 9_000, 9_000]));
		expect(before.map((shard) => shard.name)).toEqual(['2026', '2024-2025', '2020-2023']);
		expect(after.map((shard) => shard.name)).toEqual(['2027', '2024-2026', '2020-2023']);
	});

	test('one year makes one shard, and no article none', () => {
		expect(planShards(years(2026, [3]))).toEqual([{ name: '2026', years: ['2026'] }]);
		expect(planShards(new Map())).toEqual([]);
	});
});

describe('the shards a search needs', () => {
	const list: ShardList = {
		shards: [
			{ name: '2026', years: ['2026'], key: 'a' },
			{ name: '2022-2025', years: ['2025', '2022'], key: 'b' },
		],
	};

	test('every shard, newest first, without a year filter', () => {
		expect(shardsToSearch(list, '')).toEqual(['2026', '2022-2025']);
	});

	test('a year filter needs the one shard that holds the year, and a year without articles none', () => {
		expect(shardsToSearch(list, '2026')).toEqual(['2026']);
		expect(shardsToSearch(list, '2022')).toEqual(['2022-2025']);
		expect(shardsToSearch(list, '2019')).toEqual([]);
		expect(shardsToSearch(list, '2023')).toEqual([]);
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
