/**
 * The site's languages. Arabic is the default and lives at `/`; every other language under
 * `/<code>/`. `lang`, `dir` and number formatting come from here and nowhere else.
 */
export const locales = {
	ar: {
		lang: 'ar',
		dir: 'rtl',
		/** URL prefix without trailing slash: '' for the default language. */
		prefix: '',
		/** Name of the language in itself, for the language switch. */
		label: 'العربية',
		/**
		 * BCP 47 tag for `Intl`, without a numbering system: the digits come from the site's
		 * `digits` setting (see `intlTag` in dates.ts), the same for every date and count of a page.
		 */
		intl: 'ar',
		/** Hijri (Umm al-Qura) calendar, shown beside the Gregorian date on Arabic pages. */
		hijri: 'ar-u-ca-islamic-umalqura',
		/** Whether the site's `digits` setting applies to this language (English always uses Western digits). */
		digitsSetting: true,
		/** Open Graph's form of the locale. */
		ogLocale: 'ar_AR',
	},
	en: {
		lang: 'en',
		dir: 'ltr',
		prefix: '/en',
		label: 'English',
		intl: 'en-GB',
		hijri: undefined,
		digitsSetting: false,
		ogLocale: 'en_US',
	},
} as const;

export type Locale = keyof typeof locales;

/** Every language, the default first. */
export const localeCodes = Object.keys(locales) as Locale[];

export const defaultLocale: Locale = 'ar';

/** The other language of a bilingual site, for the language switch. */
export function otherLocale(locale: Locale): Locale {
	return locale === 'ar' ? 'en' : 'ar';
}

/** Narrows a string (a folder name, a route parameter) to a locale. */
export function isLocale(value: string | undefined): value is Locale {
	return value !== undefined && value in locales;
}

/** The `[...lang]` route parameter of a locale: undefined for the unprefixed default. */
export function langParam(locale: Locale): string | undefined {
	return locale === defaultLocale ? undefined : locale;
}

/** The locale of a `[...lang]` route parameter. */
export function localeFromParam(param: string | undefined): Locale {
	if (param === undefined) return defaultLocale;
	if (!isLocale(param)) throw new Error(`Unknown language in URL: ${param}`);
	return param;
}
