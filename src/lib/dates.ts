import { locales, type Locale } from './locales.ts';

/**
 * Dates are formatted at build time with `Intl`, with an explicit numbering system (from the
 * locale) and the newsroom's time zone, so the output does not depend on the build machine.
 */

/** "الاثنين ١٠ يناير ٢٠٢٢" / "Monday 10 January 2022". */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
	return new Intl.DateTimeFormat(locales[locale].intl, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone,
	}).format(date);
}

/** Date and time, for the article's byline: "١٠ يناير ٢٠٢٢، ١٢:٠٠ م". */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
	return new Intl.DateTimeFormat(locales[locale].intl, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZone,
	}).format(date);
}

/** Short date for lists: "١٠ يناير ٢٠٢٢". */
export function formatShortDate(date: Date, locale: Locale, timeZone: string): string {
	return new Intl.DateTimeFormat(locales[locale].intl, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone,
	}).format(date);
}

/** The Umm al-Qura Hijri date ("٧ جمادى الآخرة ١٤٤٣ هـ"), or undefined where the locale shows none. */
export function hijriDate(date: Date, locale: Locale, timeZone: string): string | undefined {
	const tag = locales[locale].hijri;
	if (!tag) return undefined;
	return new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/** A number in the locale's digits. */
export function formatNumber(value: number, locale: Locale): string {
	return new Intl.NumberFormat(locales[locale].intl).format(value);
}

/** The year alone, in the locale's digits and without grouping: "٢٠٢٦". */
export function formatYear(date: Date, locale: Locale, timeZone: string): string {
	return new Intl.DateTimeFormat(locales[locale].intl, { year: 'numeric', timeZone }).format(date);
}

/** A month's name with its year: "نوفمبر ٢٠٢٦" / "November 2026". */
export function formatMonth(date: Date, locale: Locale): string {
	return new Intl.DateTimeFormat(locales[locale].intl, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
