/**
 * Wall-clock times in the newsroom's time zone (`timeZone` in content/settings/site.yml), whatever
 * the zone of the editor's browser: what the date widget shows, and the ISO 8601 text with the
 * zone's offset that it writes (2026-12-07T14:30:00+03:00), as the site's schema wants.
 */

/** A date and time as read on a clock in the newsroom: month 1–12. */
export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
}

/** The zone's offset from UTC at `instant`, in minutes (Asia/Riyadh: 180). */
export function offsetMinutes(instant: Date, timeZone: string): number {
	const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
		.formatToParts(instant)
		.find((part) => part.type === 'timeZoneName')?.value;
	const match = /GMT([+-])(\d\d):(\d\d)/.exec(name ?? '');
	if (!match) return 0; // "GMT": UTC itself
	const minutes = Number(match[2]) * 60 + Number(match[3]);
	return match[1] === '-' ? -minutes : minutes;
}

/** What a clock in `timeZone` reads at `instant`. */
export function wallTime(instant: Date, timeZone: string): WallTime {
	const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
	return {
		year: shifted.getUTCFullYear(),
		month: shifted.getUTCMonth() + 1,
		day: shifted.getUTCDate(),
		hour: shifted.getUTCHours(),
		minute: shifted.getUTCMinutes(),
	};
}

/** The instant a clock in `timeZone` reads `time` (the later one where a clock change repeats an hour). */
export function instantOf(time: WallTime, timeZone: string): Date {
	const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute);
	let instant = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
	instant = asUtc - offsetMinutes(new Date(instant), timeZone) * 60_000;
	return new Date(instant);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `time` in `timeZone` as the files hold it: 2026-12-07T14:30:00+03:00. */
export function zonedIso(time: WallTime, timeZone: string): string {
	const offset = offsetMinutes(instantOf(time, timeZone), timeZone);
	const sign = offset < 0 ? '-' : '+';
	const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
	return `${time.year}-${pad(time.month)}-${pad(time.day)}T${pad(time.hour)}:${pad(time.minute)}:00${zone}`;
}

/** A stored value (ISO text or a Date) as an instant; undefined when empty or unreadable. */
export function parseInstant(value: unknown): Date | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = value instanceof Date ? value : new Date(String(value));
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
