import { z } from 'astro/zod';
import { ID_PATTERN } from './patterns.ts';

/** An id or slug: lower-case ASCII letters, digits and hyphens, as used in URLs and file names. */
export const idSchema = z
	.string()
	.regex(ID_PATTERN, 'must be lower-case ASCII letters, digits and single hyphens ([a-z0-9-]+)');

/** ISO 8601 with a time zone, as written in front matter: 2022-01-10T12:00:00+03:00 or ...Z. */
export const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A point in time. YAML turns an unquoted timestamp into a Date by itself (treating a missing
 * zone as UTC), so a Date is taken as it is; a string must carry its time zone.
 */
export const dateSchema = z.unknown().transform((value, context): Date => {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
	if (typeof value === 'string' && ISO_WITH_ZONE.test(value) && isRealDay(value)) {
		const date = new Date(value);
		if (!Number.isNaN(date.getTime())) return date;
	}
	context.addIssue({
		code: 'custom',
		message: `must be an ISO 8601 date and time with a time zone, e.g. 2022-01-10T12:00:00+03:00 (got ${JSON.stringify(value)})`,
	});
	return z.NEVER;
});

/** `Date` quietly turns 30 February into 2 March; a calendar day must exist as written. */
function isRealDay(iso: string): boolean {
	const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
	const check = new Date(Date.UTC(year, month - 1, day));
	return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** A text in both site languages. Arabic is required; English falls back to it. */
export const bilingualSchema = z.object({
	ar: z.string().min(1),
	en: z.string().min(1),
});
