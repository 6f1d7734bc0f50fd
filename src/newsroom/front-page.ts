/** What choosing the front page's stories needs to know of an article. */
export interface FrontPageCandidate {
	id: string;
	category: string;
	date: Date;
	data: { featured: boolean; breaking: boolean };
}

export interface FrontPageLayout {
	/** How many featured stories the headlines show. */
	headlines: number;
	/** How many stories the latest list shows. */
	latest: number;
	/** Category blocks, in order. */
	sections: string[];
	/** Stories per category block. */
	perSection: number;
}

/** A breaking story stays in the strip this long after its publication. */
export const BREAKING_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The front page's stories, from the published articles of one language (newest first) and
 * the index by category. A story appears once: the headlines, then the latest (without the
 * headlines), then each section block with its newest stories not shown above, filled from
 * the section's next ones. (The breaking strip is a line of links above it all and may repeat
 * a headline.) Reads a section's list only as far as it needs: no scan of the archive.
 */
export function frontPage<A extends FrontPageCandidate>(
	articles: readonly A[],
	byCategory: ReadonlyMap<string, readonly A[]>,
	layout: FrontPageLayout,
	now: Date,
) {
	const breaking: A[] = [];
	for (const article of articles) {
		if (now.getTime() - article.date.getTime() > BREAKING_WINDOW_MS) break;
		if (article.data.breaking) breaking.push(article);
	}
	const headlines = firstMatching(articles, layout.headlines, (article) => article.data.featured);
	const inHeadlines = new Set(headlines);
	const latest = firstMatching(articles, layout.latest, (article) => !inHeadlines.has(article));
	const shown = new Set<A>([...headlines, ...latest]);
	const sections = layout.sections.map((id) => {
		const chosen = firstMatching(
			byCategory.get(id) ?? [],
			layout.perSection,
			(article) => !shown.has(article),
		);
		for (const article of chosen) shown.add(article);
		return { id, articles: chosen };
	});
	return { breaking, headlines, latest, sections };
}

function firstMatching<A>(list: readonly A[], limit: number, keep: (item: A) => boolean): A[] {
	const found: A[] = [];
	for (const item of list) {
		if (found.length === limit) break;
		if (keep(item)) found.push(item);
	}
	return found;
}
