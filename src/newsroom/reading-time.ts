/** Words per minute of an average reader of news prose, Arabic and English alike. */
const WORDS_PER_MINUTE = 200;

/** Minutes needed to read a Markdown body, at least one. Markup characters are not words. */
export function readingMinutes(markdown: string): number {
	const text = markdown
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, ' ');
	const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
	return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
