/** Words per minute of an average reader of news prose, Arabic and English alike. */
const WORDS_PER_MINUTE = 200;

/**
 * Minutes needed to read an article's rendered body, at least one. It reads the HTML rather
 * than the Markdown, so that Astro need not keep every article's Markdown in its data store
 * (`retainBody: false` in src/content.config.ts): markup, link targets and character
 * references are not words.
 */
export function readingMinutes(html: string): number {
	const text = html
		.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&[a-z#0-9]+;/gi, ' ');
	const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
	return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
