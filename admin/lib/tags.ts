/** Tags typed into one box: separated by a Latin or an Arabic comma. */
const SEPARATOR = /[,،]/;

/** `tags` with the tags of `typed` added after them: trimmed, inner spaces collapsed, no repeats. */
export function addTags(tags: readonly string[], typed: string): string[] {
	const next = [...tags];
	for (const part of typed.split(SEPARATOR)) {
		const tag = part.replace(/\s+/g, ' ').trim();
		if (tag && !next.includes(tag)) next.push(tag);
	}
	return next;
}

/** Letters compared without case, tatweel or the hamza forms of alef, so «اسرائيل» finds «إسرائيل». */
function fold(text: string): string {
	return text
		.toLowerCase()
		.replace(/\u0640/g, '')
		.replace(/[أإآ]/g, 'ا')
		.replace(/ى/g, 'ي')
		.replace(/ة/g, 'ه');
}

/**
 * The known tags that `typed` matches (those that start with it first, then those that contain
 * it), leaving out tags already chosen; none before anything is typed.
 */
export function matchingTags(known: readonly string[], typed: string, chosen: readonly string[]): string[] {
	const query = fold(typed.trim());
	if (!query) return [];
	const open = known.filter((tag) => !chosen.includes(tag));
	const starts = open.filter((tag) => fold(tag).startsWith(query));
	const contains = open.filter((tag) => !starts.includes(tag) && fold(tag).includes(query));
	return [...starts, ...contains];
}
