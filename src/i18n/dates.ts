import { locales, type Locale } from './locales.ts';

/**
 * Dates are formatted at build time with `Intl`, with an explicit numbering system (the site's
 * `digits` setting) and the newsroom's time zone, so the output does not depend on the build machine.
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

/** The digits the site writes in: Western (`latn`, 0123) or Arabic-Indic (`arab`, ٠١٢٣). */
export type Digits = 'latn' | 'arab';

let siteDigits: Digits = 'latn';

/**
 * Sets the digits of everything the site writes on Arabic pages (dates, counts, page numbers),
 * from `content/settings/site.yml`. Called once per build by `loadNewsroom()`; default `latn`.
 * Headlines and bodies are never rewritten: they keep the digits their writers typed.
 */
export function useDigits(digits: Digits): void {
	siteDigits = digits;
}

/** The digits a locale's pages use: the site's setting for Arabic, Western for English. */
export function digitsOf(locale: Locale): Digits {
	return locales[locale].digitsSetting ? siteDigits : 'latn';
}

/** The `Intl` tag of a locale with its numbering system: "ar-u-nu-latn", "en-GB-u-nu-latn". */
export function intlTag(locale: Locale): string {
	return `${locales[locale].intl}-u-nu-${digitsOf(locale)}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "الاثنين ١٠ يناير ٢٠٢٢" / "Monday 10 January 2022". */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
	return dateFormat(intlTag(locale), {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone,
	}).format(date);
}

/** Date and time with the time zone, for the article's byline: "10 يناير 2022، 12:00 م غرينتش+3". */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
	return dateFormat(intlTag(locale), {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZoneName: 'short',
		timeZone,
	}).format(date);
}

/** The hour alone with the time zone, for today's stories in lists: "12:00 م غرينتش+3". */
export function formatTime(date: Date, locale: Locale, timeZone: string): string {
	return dateFormat(intlTag(locale), {
		hour: 'numeric',
		minute: '2-digit',
		timeZoneName: 'short',
		timeZone,
	}).format(date);
}

/** Whether two instants fall on the same calendar day in the newsroom's time zone. */
export function sameDay(a: Date, b: Date, timeZone: string): boolean {
	const day = dateFormat('en-CA-u-nu-latn-ca-gregory', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		timeZone,
	});
	return day.format(a) === day.format(b);
}

/**
 * What a card shows of a story's time: the hour (with its zone) for a story of the build's
 * day, the short date otherwise.
 */
export function formatCardDate(date: Date, locale: Locale, timeZone: string, now: Date): string {
	return sameDay(date, now, timeZone)
		? formatTime(date, locale, timeZone)
		: formatShortDate(date, locale, timeZone);
}

/** Short date for lists: "١٠ يناير ٢٠٢٢". */
export function formatShortDate(date: Date, locale: Locale, timeZone: string): string {
	return dateFormat(intlTag(locale), {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone,
	}).format(date);
}

/** The Umm al-Qura Hijri date ("٧ جمادى الآخرة ١٤٤٣ هـ"), or undefined where the locale shows none. */
export function hijriDate(date: Date, locale: Locale, timeZone: string): string | undefined {
	const calendar = locales[locale].hijri;
	if (!calendar) return undefined;
	return dateFormat(`${calendar}-nu-${digitsOf(locale)}`, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone,
	}).format(date);
}

/** A number in the locale's digits. */
export function formatNumber(value: number, locale: Locale): string {
	const tag = intlTag(locale);
	let format = numberFormats.get(tag);
	if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag)));
	return format.format(value);
}

/** The year alone, in the locale's digits and without grouping: "٢٠٢٦". */
export function formatYear(date: Date, locale: Locale, timeZone: string): string {
	return dateFormat(intlTag(locale), { year: 'numeric', timeZone }).format(date);
}

/** A month's name with its year: "نوفمبر ٢٠٢٦" / "November 2026". */
export function formatMonth(date: Date, locale: Locale): string {
	return dateFormat(intlTag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
