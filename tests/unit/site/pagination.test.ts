import { describe, expect, test } from 'vitest';
import { monthKey, monthOf } from '#src/newsroom/months.ts';
import {
	isNumberedListingPage,
	pageLinks,
	pageParam,
	paginate,
	paginatedUrl,
	PAGE_SIZE,
	type Page,
	type PageRef,
} from '#src/site/pagination.ts';

/** A listing of `n` stories, newest first: story `n` is the newest, story 1 the oldest. */
const listing = (n: number) => Array.from({ length: n }, (_, index) => n - index);

/** Follows `step` links from `from` until there is none, collecting the pages visited. */
function walk(pages: Page<number>[], from: PageRef, step: 'newer' | 'older'): PageRef[] {
	const byRef = new Map(pages.map((page) => [page.ref, page]));
	const visited: PageRef[] = [from];
	for (let ref = byRef.get(from)!.links[step]; ref !== undefined; ref = byRef.get(ref)!.links[step]) {
		expect(byRef.has(ref), `page ${ref} exists`).toBe(true);
		visited.push(ref);
	}
	return visited;
}

describe('pagination', () => {
	test('pages hold 20 stories', () => {
		expect(PAGE_SIZE).toBe(20);
	});

	test.each([
		[0, [0]],
		[1, [1]],
		[20, [20]],
		[21, [20, 20, 1]],
		[41, [20, 20, 20, 1]],
	])('%i stories: the latest page, then numbered pages from the oldest, none empty', (stories, sizes) => {
		const pages = paginate(listing(stories));
		expect(pages.map((page) => page.items.length)).toEqual(sizes);
		expect(pages.map((page) => page.ref)).toEqual(['latest', ...sizes.slice(1).map((_, index) => index + 1)]);
	});

	test('the latest page shows the newest stories, newest first; page 1 the oldest', () => {
		const pages = paginate(listing(45));
		expect(pages[0]!.items).toEqual(listing(45).slice(0, 20));
		expect(pages.find((page) => page.ref === 1)!.items).toEqual(listing(20));
		expect(pages.find((page) => page.ref === 3)!.items).toEqual([45, 44, 43, 42, 41]);
	});

	test.each([21, 40, 41, 99, 200])('%i stories: every story is on a numbered page, exactly once', (n) => {
		const numbered = paginate(listing(n)).filter((page) => page.ref !== 'latest');
		expect(numbered.flatMap((page) => page.items).sort((a, b) => a - b)).toEqual(listing(n).reverse());
	});

	test.each([21, 40, 41, 99, 200])(
		'%i stories: a reader goes from the latest to the oldest story and back, by "older" and "newer"',
		(n) => {
			const pages = paginate(listing(n));
			const down = walk(pages, 'latest', 'older');
			expect(down.at(-1)).toBe(1);
			const seen = new Set(down.flatMap((ref) => pages.find((page) => page.ref === ref)!.items));
			expect(seen.size).toBe(n);
			expect(walk(pages, 1, 'newer').at(-1)).toBe('latest');
			// The latest page leads to the page of the stories just older than its own.
			const older = pages.find((page) => page.ref === pages[0]!.links.older)!;
			expect(older.items).toContain(Math.min(...pages[0]!.items) - 1);
		},
	);

	test('a new story changes the latest page and the newest numbered page only, and adds no URL but a new page', () => {
		for (const n of [21, 35, 99, 150]) {
			const before = paginate(listing(n));
			const after = paginate(listing(n + 1));
			const changed = after.filter((page) => {
				const was = before.find((old) => old.ref === page.ref);
				return JSON.stringify(was) !== JSON.stringify(page);
			});
			expect(changed.map((page) => page.ref)).toEqual(['latest', Math.ceil((n + 1) / 20)]);
		}
	});

	test('when the newest numbered page fills, the next story starts a page and changes at most five', () => {
		for (const n of [40, 100, 400]) {
			const before = paginate(listing(n));
			const after = paginate(listing(n + 1));
			const changed = after.filter((page) => {
				const was = before.find((old) => old.ref === page.ref);
				return JSON.stringify(was) !== JSON.stringify(page);
			});
			const count = n / 20;
			expect(changed.map((page) => page.ref)).toEqual(
				['latest', count - 2, count - 1, count, count + 1].filter((ref) => ref !== 0),
			);
		}
	});

	test('a page of stories keeps its URL and its stories as the listing grows', () => {
		const before = paginate(listing(60));
		const after = paginate(listing(300));
		for (const page of before.filter((page) => page.ref !== 'latest'))
			expect(after.find((later) => later.ref === page.ref)!.items).toEqual(page.items);
	});

	test('every URL numbering from the newest made still exists for a listing of the same length', () => {
		for (const n of [21, 40, 41, 99]) {
			const refs = paginate(listing(n)).map((page) => page.ref);
			for (let old = 2; old <= Math.ceil(n / 20); old++) expect(refs).toContain(old);
		}
	});

	test('the latest page is the archive itself; numbered pages are numbered folders', () => {
		expect(paginatedUrl('/category/world/', 'latest')).toBe('/category/world/');
		expect(paginatedUrl('/category/world/', 3)).toBe('/category/world/3/');
		expect(pageParam('latest')).toBeUndefined();
		expect(pageParam(2)).toBe('2');
	});

	test('the page links run newest first: the latest, the neighbours, the oldest, with gaps marked', () => {
		expect(pageLinks('latest', 0)).toEqual({ window: [] });
		expect(pageLinks('latest', 3)).toEqual({ newer: undefined, older: 2, window: ['latest', 3, 2, 1] });
		expect(pageLinks('latest', 20).window).toEqual(['latest', 20, 19, null, 1]);
		expect(pageLinks(10, 20)).toEqual({
			newer: 11,
			older: 9,
			window: ['latest', null, 12, 11, 10, 9, 8, null, 1],
		});
		expect(pageLinks(20, 20)).toEqual({
			newer: 'latest',
			older: 19,
			window: ['latest', 20, 19, 18, null, 1],
		});
		expect(pageLinks(1, 20)).toEqual({ newer: 2, older: undefined, window: ['latest', null, 3, 2, 1] });
	});

	test('numbered listing pages are told from other pages, for the sitemap', () => {
		expect(isNumberedListingPage('/category/world/3/')).toBe(true);
		expect(isNumberedListingPage('/tag/وسم/12/')).toBe(true);
		expect(isNumberedListingPage('/author/layla/1/')).toBe(true);
		expect(isNumberedListingPage('/archive/2025/01/2/')).toBe(true);
		expect(isNumberedListingPage('/category/world/')).toBe(false);
		expect(isNumberedListingPage('/archive/2025/01/')).toBe(false);
		expect(isNumberedListingPage('/news/2025/')).toBe(false);
	});
});

describe('months', () => {
	test('a story belongs to the month of the newsroom time zone', () => {
		const lateOnTheLastDay = new Date('2026-10-31T22:30:00Z');
		expect(monthKey(monthOf(lateOnTheLastDay, 'Asia/Riyadh'))).toBe('2026/11');
		expect(monthKey(monthOf(lateOnTheLastDay, 'UTC'))).toBe('2026/10');
	});
});
