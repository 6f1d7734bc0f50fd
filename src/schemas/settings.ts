import { z } from 'astro/zod';
import { bilingualSchema } from './common.ts';

/** Site-wide settings (`content/settings/site.yml`). */
export const siteSettingsSchema = z
	.object({
		/** The publication's name per language. */
		name: bilingualSchema,
		/** One-line tagline per language. */
		tagline: bilingualSchema,
		/** Absolute base URL of the published site, e.g. https://news.example. */
		url: z.string().url(),
		/** IANA time zone in which dates are shown, e.g. Asia/Riyadh. */
		timeZone: z.string().refine((zone) => {
			try {
				new Intl.DateTimeFormat('en', { timeZone: zone });
				return true;
			} catch {
				return false;
			}
		}, 'is not a known IANA time zone'),
		/** Links to the publication's social accounts, shown in the footer. */
		social: z
			.array(z.object({ name: z.string().min(1), url: z.string().url() }).strict())
			.default([]),
	})
	.strict();

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
