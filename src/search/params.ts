/**
 * A search as it lives in the URL (`/search/?q=وزير&section=politics&year=2026&sort=date`), so it
 * can be shared, bookmarked and reloaded. Anything unexpected is dropped, never trusted.
 */
export interface SearchParams {
	/** What the reader typed, at most `MAX_QUERY_LENGTH` characters. */
	q: string;
	/** A section id, or '' for all. */
	section: string;
	/** A year (`2026`), or '' for all. */
	year: string;
	/** '' for relevance, `date` for newest first. */
	sort: '' | 'date';
}

/** Longer queries are cut: a reader never types more, and a pasted article should not stall the page. */
export const MAX_QUERY_LENGTH = 200;

/** The search in `params`; `sections` are the ids a filter may take. */
export function readSearchParams(params: URLSearchParams, sections: Iterable<string>): SearchParams {
	const section = params.get('section') ?? '';
	const year = params.get('year') ?? '';
	return {
		q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
		section: new Set(sections).has(section) ? section : '',
		year: /^\d{4}$/.test(year) ? year : '',
		sort: params.get('sort') === 'date' ? 'date' : '',
	};
}

/** The query string of a search, without empty fields: `?q=…&sort=date`. */
export function searchQueryString(search: SearchParams): string {
	const params = new URLSearchParams();
	for (const key of ['q', 'section', 'year', 'sort'] as const) if (search[key]) params.set(key, search[key]);
	const query = params.toString();
	return query ? `?${query}` : '';
}
