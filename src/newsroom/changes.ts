/**
 * What changes a published article: an update, corrections, live updates. Corrections are shown
 * under the story oldest first (the order they were made); the latest change of any kind is the
 * article's `dateModified` and `article:modified_time`.
 */

export interface Correction {
	date: Date;
	text: string;
}

/** Corrections in the order they were made. */
export function inOrder(corrections: readonly Correction[]): Correction[] {
	return [...corrections].sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** When the article last changed: its publication, last update, last correction or last live update. */
export function lastModified(data: {
	date: Date;
	updated?: Date | undefined;
	corrections: readonly Correction[];
	live?: { updates: readonly { date: Date }[] } | undefined;
}): Date {
	const times = [
		data.date,
		data.updated,
		...data.corrections.map((correction) => correction.date),
		...(data.live?.updates ?? []).map((update) => update.date),
	];
	return new Date(Math.max(...times.filter((time) => time !== undefined).map((time) => time.getTime())));
}
