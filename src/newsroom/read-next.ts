/** The lists that follow an article: what a reader can go on to, each story in one list only. */
export interface ReadNext<A> {
	/** Stories sharing tags or the section (from `relatedArticles`). */
	related: A[];
	/** The section's newest stories not in `related`. */
	moreFromSection: A[];
	/** The language's newest stories not in either list above. */
	latest: A[];
}

/**
 * The related stories, then more from the section, then the latest news of an article, each
 * up to `limit`, none the article itself and none in two lists. `sameSection` and `latest` are
 * newest first; only their first stories are read.
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
