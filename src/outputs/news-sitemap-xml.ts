import { escapeXml } from './xml.ts';

/** Google News takes articles of the last two days only. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Google News reads at most this many `news:news` entries per file. */
export const NEWS_PER_FILE = 1000;

export interface NewsEntry {
	/** Absolute URL. */
	url: string;
	title: string;
	/** ISO 639 language code. */
	language: string;
	published: Date;
}

/** The entries published in the window before `now`, newest first, in files of at most 1,000. */
export function newsSitemapFiles(entries: NewsEntry[], now: Date): NewsEntry[][] {
	const recent = entries
		.filter((entry) => entry.published <= now && now.getTime() - entry.published.getTime() <= NEWS_WINDOW_MS)
		.sort((a, b) => b.published.getTime() - a.published.getTime());
	const files: NewsEntry[][] = [];
	for (let start = 0; start < recent.length; start += NEWS_PER_FILE)
		files.push(recent.slice(start, start + NEWS_PER_FILE));
	return files.length > 0 ? files : [[]];
}

/** A Google News sitemap. `publication` must match the name the publication has in Google News. */
export function newsSitemapXml(entries: NewsEntry[], publication: (language: string) => string): string {
	const urls = entries.map(
		(entry) =>
			`<url><loc>${escapeXml(entry.url)}</loc><news:news><news:publication><news:name>${escapeXml(publication(entry.language))}</news:name><news:language>${escapeXml(entry.language)}</news:language></news:publication><news:publication_date>${entry.published.toISOString()}</news:publication_date><news:title>${escapeXml(entry.title)}</news:title></news:news></url>`,
	);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Path of the n-th news sitemap file (1-based). */
export function newsSitemapPath(part: number): string {
	return part === 1 ? '/news-sitemap.xml' : `/news-sitemap-${part}.xml`;
}
