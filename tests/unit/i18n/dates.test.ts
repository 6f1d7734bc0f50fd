import { afterEach, describe, expect, test } from 'vitest';
import {
	formatCardDate,
	formatDate,
	formatDateTime,
	formatNumber,
	formatYear,
	hijriDate,
	useDigits,
} from '#src/i18n/dates.ts';
import { readingMinutes } from '#src/newsroom/reading-time.ts';

const seedDate = new Date('2022-01-10T12:00:00+03:00');

describe('dates', () => {
	afterEach(() => useDigits('latn'));

	test('Arabic dates use Western digits by default, and Arabic month names', () => {
		expect(formatDate(seedDate, 'ar', 'Asia/Riyadh')).toBe('الاثنين، 10 يناير 2022');
		expect(formatDateTime(seedDate, 'ar', 'Asia/Riyadh')).toMatch(/^10 يناير 2022.*12:00.*3/);
		expect(hijriDate(seedDate, 'ar', 'Asia/Riyadh')).toBe('7 جمادى الآخرة 1443 هـ');
		expect(formatNumber(1234, 'ar')).not.toMatch(/[٠-٩]/);
	});

	test('with digits: arab, every date and number on Arabic pages uses Arabic-Indic digits, and none Western', () => {
		useDigits('arab');
		const written = [
			formatDate(seedDate, 'ar', 'Asia/Riyadh'),
			formatDateTime(seedDate, 'ar', 'Asia/Riyadh'),
			hijriDate(seedDate, 'ar', 'Asia/Riyadh')!,
			formatNumber(12, 'ar'),
			formatYear(seedDate, 'ar', 'UTC'),
			formatCardDate(seedDate, 'ar', 'Asia/Riyadh', seedDate),
		];
		expect(written[0]).toBe('الاثنين، ١٠ يناير ٢٠٢٢');
		expect(written[2]).toBe('٧ جمادى الآخرة ١٤٤٣ هـ');
		for (const text of written) expect(text).not.toMatch(/[0-9]/);
		expect(formatDate(seedDate, 'en', 'Asia/Riyadh')).toBe('Monday, 10 January 2022');
	});

	test('the byline time names its time zone', () => {
		expect(formatDateTime(seedDate, 'en', 'Asia/Riyadh')).toBe('10 January 2022 at 12:00 GMT+3');
	});

	test("a card shows the hour for the build day's stories, the date for older ones", () => {
		const now = new Date('2022-01-10T20:00:00+03:00');
		expect(formatCardDate(seedDate, 'en', 'Asia/Riyadh', now)).toBe('12:00 GMT+3');
		expect(formatCardDate(seedDate, 'en', 'Asia/Riyadh', new Date('2022-01-11T01:00:00+03:00'))).toBe(
			'10 January 2022',
		);
	});

	test('English dates use Latin digits', () => {
		expect(formatDate(seedDate, 'en', 'Asia/Riyadh')).toBe('Monday, 10 January 2022');
	});

	test('the time zone decides the day, not the build machine', () => {
		const lateEvening = new Date('2022-01-09T22:30:00Z');
		expect(formatDate(lateEvening, 'en', 'Asia/Riyadh')).toBe('Monday, 10 January 2022');
		expect(formatDate(lateEvening, 'en', 'UTC')).toBe('Sunday, 9 January 2022');
	});

	test('Arabic pages get the Umm al-Qura Hijri date; English pages none', () => {
		expect(hijriDate(seedDate, 'ar', 'Asia/Riyadh')).toMatch(/جمادى الآخرة/);
		expect(hijriDate(seedDate, 'en', 'Asia/Riyadh')).toBeUndefined();
	});

	test('years are not grouped like numbers', () => {
		expect(formatYear(seedDate, 'ar', 'UTC')).toBe('2022');
		useDigits('arab');
		expect(formatYear(seedDate, 'ar', 'UTC')).toBe('٢٠٢٢');
		expect(formatYear(seedDate, 'en', 'UTC')).toBe('2022');
	});
});

describe('reading time', () => {
	test('counts Arabic words at 200 a minute, at least one minute', () => {
		expect(readingMinutes(`<p>${'كلمة '.repeat(1000)}</p>`)).toBe(5);
		expect(readingMinutes('<p>خبر قصير</p>')).toBe(1);
		expect(readingMinutes('')).toBe(1);
	});

	test('does not count markup, link targets, image paths or character references as words', () => {
		const link = `<a href="https://example.com/${'a/'.repeat(500)}">نص</a>`;
		const image = `<img src="/${'b/'.repeat(500)}x.jpg" alt="">`;
		expect(readingMinutes(`<p>${'كلمة '.repeat(300)} ${link}${image}${'&quot;'.repeat(200)}</p>`)).toBe(2);
	});
});
