/** The lists that follow an article: what a reader can go on to, each story in one list only. */
export interface ReadNext<A> {
	/** Stories sharing tags or the section (from `relatedArticles`). */
	related: A[];
	/** The section's stories nearest in time (`neighbours`) not in `related`. */
	moreFromSection: A[];
	/** The language's newest stories not in either list above; empty past the newest articles (`latestFor`). */
	latest: A[];
}

/**
 * The related stories, then more from the section, then the latest news of an article, each
 * up to `limit`, none the article itself and none in two lists. `sameSection` and `latest` are
 * the candidates in order of preference; only their first stories are read.
 */
export function readNext<A>(
	article: A,
	related: readonly A[],
	sameSection: readonly A[],
	latest: readonly A[],
	limit = 4,
): ReadNext<A> {
	const shown = new Set<A>([article]);
	const take = (list: readonly A[]) => {
		const chosen: A[] = [];
		for (const item of list) {
			if (chosen.length === limit) break;
			if (shown.has(item)) continue;
			shown.add(item);
			chosen.push(item);
		}
		return chosen;
	};
	return { related: take(related), moreFromSection: take(sameSection), latest: take(latest) };
}

/**
 * How many of a language's newest articles carry the latest-news column. The column shows the
 * newest stories, so every article carrying it changes with each new story: only the newest
 * carry it, and a new article re-renders at most this many article pages for it (issue 19).
 * Their readers are the ones the latest news is for; older articles keep their related stories
 * and the stories of their section from the same days.
 */
export const LATEST_COLUMN_ARTICLES = 50;

/** How far, in stories either side, "more from the section" looks from an article. */
export const SECTION_REACH = 8;

/** The latest news for the article at `at` in its language's list (newest first): none past the newest. */
export function latestFor<A>(latest: readonly A[], at: number): readonly A[] {
	return at < LATEST_COLUMN_ARTICLES ? latest : [];
}

/**
 * The stories nearest to position `at` of a list (newest first), nearest first, newer before
 * older, at most `reach` either side: the section's stories of the same days. The section's
 * newest would make every article of the section change with each new story in it; these
 * change for the `reach` articles next to a new story only.
 */
export function neighbours<A>(list: readonly A[], at: number, reach = SECTION_REACH): A[] {
	const near: A[] = [];
	for (let step = 1; step <= reach; step++) {
		for (const index of [at - step, at + step])
			if (index >= 0 && index < list.length) near.push(list[index]!);
	}
	return near;
}

/** Where each story stands in the list it is in, for `neighbours`: lists are given as a map's values. */
export function positions<A>(lists: Map<string, A[]>): Map<A, number> {
	return new Map([...lists.values()].flatMap((list) => list.map((story, at) => [story, at] as const)));
}
