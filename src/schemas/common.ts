import { z } from 'astro/zod';

/** An id or slug: lower-case ASCII letters, digits and hyphens, as used in URLs and file names. */
export const idSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case ASCII letters, digits and single hyphens ([a-z0-9-]+)');

/** ISO 8601 with a time zone, as written in front matter: 2022-01-10T12:00:00+03:00 or ...Z. */
export const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A point in time. YAML turns an unquoted timestamp into a Date by itself (treating a missing
 * zone as UTC), so a Date is taken as it is; a string must carry its time zone.
 */
export const dateSchema = z.unknown().transform((value, context): Date => {
	const date =
		value instanceof Date ? value : typeof value === 'string' && ISO_WITH_ZONE.test(value) ? new Date(value) : undefined;
	if (date && !Number.isNaN(date.getTime())) return date;
	context.addIssue({
		code: 'custom',
		message: `must be an ISO 8601 date and time with a time zone, e.g. 2022-01-10T12:00:00+03:00 (got ${JSON.stringify(value)})`,
	});
	return z.NEVER;
});

/** A text in both site languages. Arabic is required; English falls back to it. */
export const bilingualSchema = z.object({
	ar: z.string().min(1),
	en: z.string().min(1),
});
