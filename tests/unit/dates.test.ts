import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatYear, hijriDate } from '../../src/lib/dates.ts';
import { readingMinutes } from '../../src/lib/reading-time.ts';

const seedDate = new Date('2022-01-10T12:00:00+03:00');

describe('dates', () => {
	test('Arabic dates use Arabic-Indic digits and Arabic month names', () => {
		expect(formatDate(seedDate, 'ar', 'Asia/Riyadh')).toBe('الاثنين، ١٠ يناير ٢٠٢٢');
		expect(formatDateTime(seedDate, 'ar', 'Asia/Riyadh')).toMatch(/^١٠ يناير ٢٠٢٢.*١٢:٠٠/);
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
		expect(hijriDate(seedDate, 'ar', 'Asia/Riyadh')).toBe('٧ جمادى الآخرة ١٤٤٣ هـ');
		expect(hijriDate(seedDate, 'en', 'Asia/Riyadh')).toBeUndefined();
	});

	test('years are not grouped like numbers', () => {
		expect(formatYear(seedDate, 'ar', 'UTC')).toBe('٢٠٢٢');
		expect(formatYear(seedDate, 'en', 'UTC')).toBe('2022');
	});
});

describe('reading time', () => {
	test('counts Arabic words at 200 a minute, at least one minute', () => {
		expect(readingMinutes('كلمة '.repeat(1000))).toBe(5);
		expect(readingMinutes('خبر قصير')).toBe(1);
		expect(readingMinutes('')).toBe(1);
	});

	test('does not count link targets and image paths as words', () => {
		const link = `[نص](https://example.com/${'a/'.repeat(500)})`;
		expect(readingMinutes(`${'كلمة '.repeat(300)} ${link}`)).toBe(2);
	});
});
