/**
 * Corrections of an article: shown under the story oldest first (the order they were made), and
 * the last one counts as a change of the article (`dateModified`, `article:modified_time`).
 */

export interface Correction {
	date: Date;
	text: string;
}

/** Corrections in the order they were made. */
export function inOrder(corrections: readonly Correction[]): Correction[] {
	return [...corrections].sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** When the article last changed: its publication, its last update or its last correction. */
export function lastModified(data: {
	date: Date;
	updated?: Date | undefined;
	corrections: readonly Correction[];
}): Date {
	const times = [data.date, data.updated, ...data.corrections.map((correction) => correction.date)];
	return new Date(Math.max(...times.filter((time) => time !== undefined).map((time) => time.getTime())));
}
