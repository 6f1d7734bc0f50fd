import { createHash } from 'node:crypto';
import { asciiSlug } from './transliterate.ts';

/** Used for titles, and for the names of sections, authors and media files that come from WordPress. */
export { asciiSlug, SLUG_MAX_LENGTH, SLUG_MAX_WORDS } from './transliterate.ts';

/**
 * URL and file name of an article, from its title: lower-case ASCII words joined by '-'.
 * NFKC first, because scraped Arabic sometimes comes in presentation forms (ﻻ, ﺍ…).
 * A title that spells nothing (only punctuation, emoji, other scripts) still needs a stable
 * name: `<yyyy-mm-dd>-<8 hex of its SHA-256>`, where the day is taken from `date`, the
 * article's ISO 8601 date, as written.
 */
export function slugFromTitle(title: string, date: string): string {
	const slug = asciiSlug(title);
	if (slug) return slug;
	const hash = createHash('sha256').update(title, 'utf8').digest('hex').slice(0, 8);
	return `${date.slice(0, 10)}-${hash}`;
}
