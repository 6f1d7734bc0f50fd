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
 * the index by category. Takes the first few items of each list: no scan of the archive.
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
	const sections = layout.sections.map((id) => ({ id, articles: (byCategory.get(id) ?? []).slice(0, layout.perSection) }));
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
