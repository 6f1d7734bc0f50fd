import { asciiSlug } from '../../src/newsroom/transliterate.ts';

/** The part of Decap's entry (an Immutable map) a slug suggestion reads. */
export interface EntryLike {
	get(key: string): unknown;
	getIn?(path: string[]): unknown;
}

/**
 * The slug a new article's headline suggests: the English headline's words when the article has
 * one (a translation is the better source of Latin words), else the Arabic headline transliterated
 * as the importer spells slugs. '' when neither spells anything yet.
 */
export function suggestSlug(entry: EntryLike | undefined): string {
	if (!entry?.getIn) return '';
	const english = entry.getIn(['i18n', 'en', 'data', 'title']);
	const arabic = entry.getIn(['data', 'title']);
	for (const title of [english, arabic]) {
		const slug = typeof title === 'string' ? asciiSlug(title) : '';
		if (slug) return slug;
	}
	return '';
}
