/** Archive pages list this many stories each. */
export const PAGE_SIZE = 20;

/**
 * A page of a listing: `'latest'` is the listing's own URL with its newest stories; a number is
 * a page counted from the oldest story, so that page `n` always holds stories `20n - 19` to
 * `20n` of the listing's history. A new story then changes the latest page and the newest
 * numbered page, not every page of the listing (issue 19; see docs/performance.md).
 */
export type PageRef = 'latest' | number;

/** Where a page's navigation leads: what it shows is part of the page, and of its cache key. */
export interface PageLinks {
	/** The page of the stories just newer than this page's (rel="prev"). */
	newer?: PageRef | undefined;
	/** The page of the stories just older than this page's (rel="next"). */
	older?: PageRef | undefined;
	/** The pages linked to, newest first, with `null` where numbers are left out. */
	window: (PageRef | null)[];
}

/** One page of an archive, its stories newest first. */
export interface Page<T> {
	items: T[];
	ref: PageRef;
	links: PageLinks;
}

/**
 * Splits a listing (newest first) into its pages: the latest page, with the newest stories,
 * and, when they do not fit on it, numbered pages of `size` stories counted from the oldest,
 * the newest numbered page holding the remainder. An empty listing still gets its latest page
 * (an empty state, not a 404). The numbered pages are the URLs `/2/` to `/n/` that numbering
 * from the newest made for the same listing, and `/1/`: none turns into a 404.
 */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
	const count = items.length > size ? Math.ceil(items.length / size) : 0;
	const latest: Page<T> = { items: items.slice(0, size), ref: 'latest', links: pageLinks('latest', count) };
	const numbered = Array.from({ length: count }, (_, index): Page<T> => {
		const number = index + 1;
		const end = items.length - index * size;
		return {
			items: items.slice(Math.max(0, end - size), end),
			ref: number,
			links: pageLinks(number, count),
		};
	});
	return [latest, ...numbered];
}

/**
 * The navigation of page `ref` among `count` numbered pages: newer and older neighbours, and a
 * window of the latest page, the oldest (1) and `around` numbers either side of the current.
 * A numbered page's links depend on `count` only near the newest end, so a page further back
 * keeps its bytes when stories are added.
 */
export function pageLinks(ref: PageRef, count: number, around = 2): PageLinks {
	if (count === 0) return { window: [] };
	const at = ref === 'latest' ? count + 1 : ref;
	const numbers = new Set([1]);
	for (let n = at + around; n >= at - around; n--) if (n >= 1 && n <= count) numbers.add(n);
	const sorted = [...numbers].sort((a, b) => b - a);
	const window: (PageRef | null)[] = ['latest'];
	sorted.forEach((n, index) => {
		const before = index === 0 ? count + 1 : sorted[index - 1]!;
		if (before - n > 1) window.push(null);
		window.push(n);
	});
	return {
		newer: ref === 'latest' ? undefined : ref === count ? 'latest' : ref + 1,
		older: ref === 'latest' ? count - 1 || undefined : ref > 1 ? ref - 1 : undefined,
		window,
	};
}

/** URL of page `ref` of the archive at `base` (which ends with a slash): the latest page is the base itself. */
export function paginatedUrl(base: string, ref: PageRef): string {
	return ref === 'latest' ? base : `${base}${ref}/`;
}

/** The `[...page]` route parameter of a page: none for the latest. */
export function pageParam(ref: PageRef): string | undefined {
	return ref === 'latest' ? undefined : String(ref);
}

/**
 * Whether a site path (without its language prefix) is a numbered page of a listing. Those hold
 * different stories in each language, so they are not each other's translations.
 */
export function isNumberedListingPage(pathname: string): boolean {
	return /^\/(category\/[^/]+|tag\/[^/]+|author\/[^/]+|archive\/\d{4}\/\d{2})\/\d+\/$/.test(pathname);
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
		params: { ...params, page: pageParam(page.ref) },
		props: { page },
		cacheKey: cacheKey?.(page),
	}));
}
