import { z } from 'astro/zod';

/**
 * An old address on the site, as a reader's browser asks for it once decoded: starts with `/`,
 * no query or fragment, no `..` or empty segments, no white space, and none of the characters
 * that would need quoting in the nginx include or the `_redirects` file. Arabic letters are
 * written as themselves (`/2022/01/خبر/`), not percent-encoded; the build writes the encoded forms.
 */
export const oldPathSchema = z
	.string()
	.regex(
		// Control characters are exactly what the class must refuse.
		// eslint-disable-next-line no-control-regex
		/^\/[^\s?#"'`\\<>{};$%\u0000-\u001f\u007f]*$/u,
		'must be a decoded site path starting with / (no query, white space or quotes)',
	)
	.refine(
		(path) =>
			!path
				.split('/')
				.slice(1, -1)
				.some((segment) => segment === '' || segment === '.' || segment === '..'),
		'has an empty, . or .. segment',
	);

/** A page of this site a redirect leads to: `/news/<slug>/`, `/en/<slug>/`... */
export const redirectTargetSchema = z
	.string()
	.regex(/^\/(?:[a-z0-9-]+\/)*$/, 'must be a path of this site such as /news/<slug>/');

/** One old address and the page it now leads to. */
export const redirectSchema = z
	.object({
		/** The old address (e.g. a WordPress permalink's path). */
		from: oldPathSchema,
		/** Where it leads now. */
		to: redirectTargetSchema,
	})
	.strict();

/**
 * A file of `content/redirects/*.yml`: a list of redirects. The importer writes one per
 * WordPress export; editors may add their own files.
 */
export const redirectsFileSchema = z.array(redirectSchema);

export type Redirect = z.infer<typeof redirectSchema>;
