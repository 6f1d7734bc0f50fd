import { dateFormat } from '../i18n/dates.ts';

/** A calendar month in the newsroom's time zone, with Latin digits for URLs and sorting. */
export interface Month {
	/** "2026". */
	year: string;
	/** "11": two digits. */
	month: string;
}

/** The month `date` falls in, in `timeZone` (a story at 23:30 UTC on the 31st may be next month there). */
export function monthOf(date: Date, timeZone: string): Month {
	const parts = dateFormat('en-US-u-nu-latn-ca-gregory', {
		year: 'numeric',
		month: '2-digit',
		timeZone,
	}).formatToParts(date);
	return {
		year: parts.find((part) => part.type === 'year')!.value,
		month: parts.find((part) => part.type === 'month')!.value,
	};
}

/** "2026/11": the key of a month in indexes and its path in URLs. */
export function monthKey({ year, month }: Month): string {
	return `${year}/${month}`;
}

/** The first instant of a month, for formatting its name. Mid-month, so no time zone moves it. */
export function monthDate({ year, month }: Month): Date {
	return new Date(Date.UTC(Number(year), Number(month) - 1, 15));
}

/**
 * The months with stories just before and after `key`, from a language's months newest first
 * (the order of `byMonth`): what the month archive links to. Months without stories are skipped.
 */
export function neighbourMonths<M>(
	months: readonly M[],
	key: (month: M) => string,
	current: string,
): { previous?: M; next?: M } {
	const at = months.findIndex((month) => key(month) === current);
	if (at < 0) return {};
	return { previous: months[at + 1], next: at > 0 ? months[at - 1] : undefined };
}
