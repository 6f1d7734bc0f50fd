import { locales, type Locale } from './locales.ts';

/**
 * Dates are formatted at build time with `Intl`, with an explicit numbering system (from the
 * locale) and the newsroom's time zone, so the output does not depend on the build machine.
 * Formatters are made once per locale and options: making one costs far more than using it,
 * and a large archive formats hundreds of thousands of dates.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter of a locale tag and options, made on first use. */
export function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${tag}|${JSON.stringify(options)}`;
	let format = formatters.get(key);
	if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(tag, options)));
	return format;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** "الاثنين ١٠ يناير ٢٠٢٢" / "Monday 10 January 2022". */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
	return dateFormat(locales[locale].intl, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone,
	}).format(date);
}

/** Date and time, for the article's byline: "١٠ يناير ٢٠٢٢، ١٢:٠٠ م". */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
	return dateFormat(locales[locale].intl, {
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
	return dateFormat(locales[locale].intl, {
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
	return dateFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/** A number in the locale's digits. */
export function formatNumber(value: number, locale: Locale): string {
	let format = numberFormats.get(locale);
	if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locales[locale].intl)));
	return format.format(value);
}

/** The year alone, in the locale's digits and without grouping: "٢٠٢٦". */
export function formatYear(date: Date, locale: Locale, timeZone: string): string {
	return dateFormat(locales[locale].intl, { year: 'numeric', timeZone }).format(date);
}

/** A month's name with its year: "نوفمبر ٢٠٢٦" / "November 2026". */
export function formatMonth(date: Date, locale: Locale): string {
	return dateFormat(locales[locale].intl, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
