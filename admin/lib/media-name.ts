import { asciiSlug } from '../../src/newsroom/transliterate.ts';

/** File extensions the site's image pipeline takes, lower-case. */
const EXTENSION = /\.([a-z0-9]{1,5})$/i;

/**
 * An ASCII-safe name for an uploaded file: the base name spelled as the importer spells slugs
 * (Arabic letters transliterated), the extension lower-cased. Decap's own ASCII slug rules drop
 * Arabic letters, so «صورة.jpg» would become «.jpg»; a name that spells nothing gets
 * `image-<stamp>`. `stamp` is injectable for tests; by default the upload's time, base 36.
 */
export function asciiFileName(name: string, stamp: string = Date.now().toString(36)): string {
	const match = EXTENSION.exec(name);
	const extension = match ? `.${match[1]!.toLowerCase()}` : '';
	const base = match ? name.slice(0, match.index) : name;
	return `${asciiSlug(base) || `image-${stamp}`}${extension}`;
}
