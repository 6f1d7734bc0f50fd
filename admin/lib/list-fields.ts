import { formatDateTime } from '../../src/i18n/dates.ts';
import { label } from '../labels.ts';
import type { Choice } from '../config.ts';
import type { EntryData } from './front-matter.ts';
import { parseInstant } from './zoned-time.ts';

/**
 * Keys the CMS adds to an article's data when it reads the file, for its list (summary and
 * filters, in config.ts), and never writes back (`front-matter.ts` leaves them out). Decap's
 * summaries can only print fields, so the state and the names are worked out here.
 */
export const LIST_KEYS = ['listStatus', 'listLine'] as const;

/** What the list needs besides the file: the newsroom's zone and the sections' and authors' names. */
export interface ListContext {
	timeZone: string;
	sections: Choice[];
	authors: Choice[];
}

/** «مسودة», «مجدول» (dated later than `now`: the site shows it from then) or «منشور». */
export function articleState(data: EntryData, now: Date): string {
	if (data.draft === true) return label('status.draft');
	const date = parseInstant(data.date);
	if (date && date > now) return label('status.scheduled');
	return label('status.published');
}

/** `data` with its list keys: the state, and «date · section · author» in Arabic and the newsroom's zone. */
export function withListFields(data: EntryData, context: ListContext, now: Date = new Date()): EntryData {
	if (!('title' in data) || !('date' in data)) return data; // not an article
	const date = parseInstant(data.date);
	const name = (choices: Choice[], value: unknown) => choices.find((choice) => choice.value === value)?.label;
	const line = [
		date ? formatDateTime(date, 'ar', context.timeZone) : undefined,
		name(context.sections, data.category) ?? label('list.noSection'),
		name(context.authors, data.author),
	].filter(Boolean);
	return { ...data, listStatus: articleState(data, now), listLine: line.join(' · ') };
}
