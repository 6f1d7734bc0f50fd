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
		/**
		 * The digits of everything the site writes on Arabic pages (dates, Hijri dates, counts,
		 * page numbers, reading time, search counts): `latn` (0123, what most Arabic news sites
		 * use) or `arab` (٠١٢٣). Headlines and bodies keep the digits their writers typed.
		 * English pages always use Western digits. Default: `latn`.
		 */
		digits: z.enum(['latn', 'arab']).default('latn'),
		/** Links to the publication's social accounts, shown in the footer. */
		social: z.array(z.object({ name: z.string().min(1), url: z.string().url() }).strict()).default([]),
	})
	.strict();

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** The front page's layout (`content/settings/frontpage.yml`), which editors change without touching code. */
export const frontPageSchema = z
	.object({
		/** How many featured stories the headlines block shows, the first one large. Default: 5. */
		headlines: z.number().int().min(1).max(12).default(5),
		/** How many stories the latest-news list shows. Default: 8. */
		latest: z.number().int().min(1).max(30).default(8),
		/** Category blocks, in the order they appear; a section not listed is not shown. */
		sections: z.array(z.string()).default([]),
		/** How many stories each category block shows. Default: 4. */
		perSection: z.number().int().min(1).max(12).default(4),
	})
	.strict();

export type FrontPageSettings = z.infer<typeof frontPageSchema>;
