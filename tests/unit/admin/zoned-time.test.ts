import { describe, expect, test } from 'vitest';
import {
	daysInMonth,
	instantOf,
	offsetMinutes,
	parseInstant,
	wallTime,
	zonedIso,
} from '../../../admin/lib/zoned-time.ts';

describe('the newsroom clock', () => {
	test('reads a Riyadh story at 14:30 as 14:30, not as the machine zone would', () => {
		const instant = new Date('2026-12-07T14:30:00+03:00');
		expect(wallTime(instant, 'Asia/Riyadh')).toEqual({ year: 2026, month: 12, day: 7, hour: 14, minute: 30 });
		expect(wallTime(instant, 'America/New_York')).toEqual({
			year: 2026,
			month: 12,
			day: 7,
			hour: 6,
			minute: 30,
		});
	});

	test.each([
		['Asia/Riyadh', { year: 2026, month: 12, day: 7, hour: 14, minute: 30 }, '2026-12-07T14:30:00+03:00'],
		['UTC', { year: 2026, month: 1, day: 2, hour: 0, minute: 5 }, '2026-01-02T00:05:00+00:00'],
		['America/New_York', { year: 2026, month: 7, day: 1, hour: 9, minute: 0 }, '2026-07-01T09:00:00-04:00'],
		['America/New_York', { year: 2026, month: 12, day: 1, hour: 9, minute: 0 }, '2026-12-01T09:00:00-05:00'],
		['Asia/Kolkata', { year: 2026, month: 3, day: 31, hour: 23, minute: 59 }, '2026-03-31T23:59:00+05:30'],
	])('writes a time in %s with that zone’s offset on that day', (zone, time, iso) => {
		expect(zonedIso(time, zone)).toBe(iso);
		expect(instantOf(time, zone).getTime()).toBe(new Date(iso).getTime());
		expect(wallTime(new Date(iso), zone)).toEqual(time);
	});

	test('knows offsets and month lengths', () => {
		expect(offsetMinutes(new Date('2026-06-01T00:00:00Z'), 'Asia/Riyadh')).toBe(180);
		expect(offsetMinutes(new Date('2026-06-01T00:00:00Z'), 'UTC')).toBe(0);
		expect(daysInMonth(2028, 2)).toBe(29);
		expect(daysInMonth(2026, 2)).toBe(28);
		expect(parseInstant('')).toBeUndefined();
		expect(parseInstant('nonsense')).toBeUndefined();
		expect(parseInstant('2026-05-01T10:00:00+03:00')?.toISOString()).toBe('2026-05-01T07:00:00.000Z');
	});
});
