import { describe, expect, test } from 'vitest';
import { monthKey, monthOf } from '#src/newsroom/months.ts';
import { pageParam, pageWindow, paginate, paginatedUrl, PAGE_SIZE } from '#src/site/pagination.ts';

describe('pagination', () => {
	test('pages hold 20 stories', () => {
		expect(PAGE_SIZE).toBe(20);
	});

	test.each([
		[0, 1, [0]],
		[1, 1, [1]],
		[20, 1, [20]],
		[21, 2, [20, 1]],
		[41, 3, [20, 20, 1]],
	])('%i stories make %i page(s), none of them empty but the only one', (stories, pages, sizes) => {
		const result = paginate(Array.from({ length: stories }, (_, index) => index));
		expect(result).toHaveLength(pages);
		expect(result.map((page) => page.items.length)).toEqual(sizes);
		expect(result.map((page) => page.number)).toEqual(Array.from({ length: pages }, (_, index) => index + 1));
		expect(result.every((page) => page.count === pages)).toBe(true);
		expect(result.flatMap((page) => page.items)).toEqual(
			Array.from({ length: stories }, (_, index) => index),
		);
	});

	test('page 1 is the archive itself; later pages are numbered folders', () => {
		expect(paginatedUrl('/category/world/', 1)).toBe('/category/world/');
		expect(paginatedUrl('/category/world/', 3)).toBe('/category/world/3/');
		expect(pageParam(1)).toBeUndefined();
		expect(pageParam(2)).toBe('2');
	});

	test('the page links show the ends and the neighbours, with gaps marked', () => {
		expect(pageWindow(1, 1)).toEqual([1]);
		expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
		expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
		expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
	});
});

describe('months', () => {
	test('a story belongs to the month of the newsroom time zone', () => {
		const lateOnTheLastDay = new Date('2026-10-31T22:30:00Z');
		expect(monthKey(monthOf(lateOnTheLastDay, 'Asia/Riyadh'))).toBe('2026/11');
		expect(monthKey(monthOf(lateOnTheLastDay, 'UTC'))).toBe('2026/10');
	});
});
