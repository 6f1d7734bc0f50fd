/** Archive pages list this many stories each. */
export const PAGE_SIZE = 20;

/** One page of an archive. */
export interface Page<T> {
	items: T[];
	/** 1-based. */
	number: number;
	/** How many pages the archive has; at least one, even when empty. */
	count: number;
}

/**
 * Splits a list into archive pages. An empty list still gets its first page (an empty state,
 * not a 404), and there is never an empty last page.
 */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
	const count = Math.max(1, Math.ceil(items.length / size));
	return Array.from({ length: count }, (_, index) => ({
		items: items.slice(index * size, (index + 1) * size),
		number: index + 1,
		count,
	}));
}

/** URL of page `number` of the archive at `base` (which ends with a slash): page 1 is the base itself. */
export function paginatedUrl(base: string, number: number): string {
	return number === 1 ? base : `${base}${number}/`;
}

/** The `[...page]` route parameter of a page: none for the first. */
export function pageParam(number: number): string | undefined {
	return number === 1 ? undefined : String(number);
}

/**
 * Page numbers to link to around the current one: the first, the last, and two either side,
 * with `null` where numbers are left out ("1 … 4 5 6 7 8 … 20").
 */
export function pageWindow(current: number, count: number, around = 2): (number | null)[] {
	const shown = new Set([1, count]);
	for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= count) shown.add(n);
	const sorted = [...shown].sort((a, b) => a - b);
	return sorted.flatMap((n, index) => (index > 0 && n - sorted[index - 1]! > 1 ? [null, n] : [n]));
}

/**
 * `getStaticPaths` entries for every page of an archive, with the page as a prop and, when
 * `cacheKey` is given, the page's key for Astro's incremental build.
 */
export function pagedPaths<T, P extends Record<string, string | undefined>>(
	items: readonly T[],
	params: P,
	cacheKey?: (page: Page<T>) => string,
) {
	return paginate(items).map((page) => ({
		params: { ...params, page: pageParam(page.number) },
		props: { page },
		cacheKey: cacheKey?.(page),
	}));
}
