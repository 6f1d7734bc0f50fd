import { z } from 'astro/zod';
import { indexedText } from './search-text.ts';

/**
 * The search record of an article: what Pagefind indexes (analysed text) and what a result
 * shows (the original title and text, date, section, thumbnail). Built from what
 * `src/content.ts` publishes, so drafts and future-dated articles never reach the index.
 */

/** What the search page receives for each result, beside Pagefind's own fields. Kept small: every field is also searchable in Pagefind. */
export const searchMetaSchema = z.object({
	/** The headline as written. */
	title: z.string(),
	/** Publication day in the newsroom's time zone, `YYYY-MM-DD` in Latin digits (a sort key). */
	date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	/** Category id. */
	section: z.string(),
	/** The summary and body as plain text, where excerpts come from. */
	text: z.string(),
	/** Thumbnail URL, when the article has a lead image. */
	image: z.string().optional(),
});

export type SearchMeta = z.infer<typeof searchMetaSchema>;

/** A record for Pagefind's `addCustomRecord`. */
export const searchRecordSchema = z.object({
	url: z.string().startsWith('/'),
	/** Analysed title, summary and body: see `search-text.ts`. */
	content: z.string(),
	/** Pagefind's language of the record. `und` has no stemmer in Pagefind, which must leave the analysed forms as they are. */
	language: z.literal('und'),
	meta: searchMetaSchema,
	filters: z.object({ section: z.array(z.string()), year: z.array(z.string()) }),
	sort: z.object({ date: z.string() }),
});

export type SearchRecord = z.infer<typeof searchRecordSchema>;

/** What an article contributes to its record. */
export interface ArticleForSearch {
	url: string;
	title: string;
	summary?: string | undefined;
	/** The rendered body, as HTML. */
	html: string;
	date: Date;
	category: string;
	image?: string | undefined;
	timeZone: string;
}

/** The record of one published article. */
export function searchRecord(article: ArticleForSearch): SearchRecord {
	const text = [article.summary, htmlToText(article.html)].filter(Boolean).join('\n');
	const day = dayIn(article.date, article.timeZone);
	return {
		url: article.url,
		content: `${indexedText(article.title)} ${indexedText(text)}`,
		language: 'und',
		meta: { title: article.title, date: day, section: article.category, text, ...(article.image ? { image: article.image } : {}) },
		filters: { section: [article.category], year: [day.slice(0, 4)] },
		sort: { date: article.date.toISOString() },
	};
}

/** `YYYY-MM-DD` of a moment in a time zone. */
export function dayIn(date: Date, timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', numberingSystem: 'latn' }).format(date);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of rendered Markdown: one line per block, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
	return html
		.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
		.replace(/<\/(p|h[1-6]|li|blockquote|figcaption|tr|div|pre)>|<br\s*\/?>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
			if (name[0] === '#') return String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
			return ENTITIES[name.toLowerCase()] ?? entity;
		})
		.split('\n')
		.map((line) => line.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join('\n');
}
