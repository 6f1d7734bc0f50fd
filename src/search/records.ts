import { z } from 'astro/zod';
import { dateFormat } from '../i18n/dates.ts';
import { indexedText, ORIGINAL_TEXT } from './text.ts';

/**
 * The search record of an article: what Pagefind indexes (analysed text) and what a result
 * shows (the original title and text, date, section, thumbnail). Built from what
 * `src/newsroom/newsroom.ts` publishes, so drafts and future-dated articles never reach the index.
 */

/**
 * What a result shows beside its excerpt. Pagefind makes every metadata field searchable, so the
 * index writer gives it this without the title, and puts the title into the result's fragment
 * once the index is written (`index.ts`); the day is one number.
 */
export const searchMetaSchema = z.object({
	/** The headline as written. */
	title: z.string(),
	/** Publication day in the newsroom's time zone, `YYYYMMDD` in Latin digits. */
	day: z.string().regex(/^\d{8}$/),
	/** Thumbnail URL, when the article has a lead image. */
	image: z.string().optional(),
});

export type SearchMeta = z.infer<typeof searchMetaSchema>;

/** A record for Pagefind's `addCustomRecord`. */
export const searchRecordSchema = z.object({
	url: z.string().startsWith('/'),
	/**
	 * Analysed title, summary and body (see `text.ts`), then `ORIGINAL_TEXT` and the summary and
	 * body as written. Pagefind is given the analysed part only; the text as written goes into the
	 * result's fragment once the shard is written (`index.ts`).
	 */
	content: z.string().includes(ORIGINAL_TEXT),
	/** Pagefind's language of the record. `und` has no stemmer in Pagefind, which must leave the analysed forms as they are. */
	language: z.literal('und'),
	meta: searchMetaSchema,
	/** Section (category id) and year, which the search page filters by. */
	filters: z.object({ section: z.array(z.string()), year: z.array(z.string()) }),
	/** Publication time (ISO 8601), for "newest first". */
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
		content: `${indexedText(article.title)} ${indexedText(text)} ${ORIGINAL_TEXT} ${text}`,
		language: 'und',
		meta: {
			title: article.title,
			day: day.replaceAll('-', ''),
			...(article.image ? { image: article.image } : {}),
		},
		filters: { section: [article.category], year: [day.slice(0, 4)] },
		sort: { date: article.date.toISOString() },
	};
}

/** `YYYY-MM-DD` of a moment in a time zone. */
export function dayIn(date: Date, timeZone: string): string {
	return dateFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		numberingSystem: 'latn',
	}).format(date);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of rendered Markdown: one line per block, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
	return html
		.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
		.replace(/<\/(p|h[1-6]|li|blockquote|figcaption|tr|div|pre)>|<br\s*\/?>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
			if (name[0] === '#')
				return String.fromCodePoint(
					name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
				);
			return ENTITIES[name.toLowerCase()] ?? entity;
		})
		.split('\n')
		.map((line) => line.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join('\n');
}
