import { createHash } from 'node:crypto';

/** Something read from a content collection: its digest changes whenever its file does. */
interface FromCollection {
	id: string;
	entry: { digest?: string | number };
}

function fromCollection(value: unknown): value is FromCollection {
	return (
		typeof value === 'object' &&
		value !== null &&
		'entry' in value &&
		typeof (value as FromCollection).entry === 'object'
	);
}

/**
 * The `cacheKey` of a page for Astro's incremental build (experimental.incrementalBuild): a
 * hash of the site-wide data every page shows (`site`) and of what this page shows besides.
 * Articles and pages among `parts` stand in by their content digest, so a key costs the same
 * whatever their length. Astro renders a page again when its key or its code changed, and
 * copies the last build's output otherwise; so a part left out here is a page left stale.
 */
export function cacheKey(site: string, parts: readonly unknown[]): string {
	const hash = createHash('sha1').update(site);
	for (const part of parts) {
		const text = JSON.stringify(part, (_, value: unknown) => {
			if (!fromCollection(value)) return value;
			if (value.entry.digest === undefined)
				throw new Error(`${value.id} has no content digest to key its pages by`);
			return `${value.id}@${value.entry.digest}`;
		});
		hash.update('\0').update(text ?? 'undefined');
	}
	return hash.digest('base64url');
}
