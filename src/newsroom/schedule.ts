import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * When articles become due: a future-dated article appears with the first build after its time.
 * In: the articles' front matter, read for `date` and `draft` alone (no YAML parser, no
 * dependency: the check runs every few minutes, on hosted pipelines before `npm ci`); out: the
 * next due time, and the articles that became due in a span of time.
 */

export interface Timing {
	/** The file, relative to the content folder. */
	file: string;
	date: Date;
	draft: boolean;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/** `date` and `draft` of a Markdown file's front matter: top-level scalars, quoted or not. */
export function timingOf(text: string): { date?: Date; draft: boolean } {
	const front = FRONT_MATTER.exec(text)?.[1] ?? '';
	const value = (key: string) =>
		new RegExp(`^${key}:[ \\t]*(['"]?)([^'"\\r\\n#]*?)\\1[ \\t]*(?:#.*)?$`, 'm').exec(front)?.[2]?.trim();
	const date = value('date');
	const parsed = date ? new Date(date) : undefined;
	return {
		...(parsed && !Number.isNaN(parsed.getTime()) ? { date: parsed } : {}),
		draft: value('draft') === 'true',
	};
}

/** Every article's timing under `<contentDir>/articles/<lang>/`. Files without a date are left out: the content check reports them. */
export function readTimings(contentDir: string): Timing[] {
	const articles = join(contentDir, 'articles');
	return readdirSync(articles, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((language) =>
			readdirSync(join(articles, language.name))
				.filter((name) => name.endsWith('.md'))
				.flatMap((name) => {
					const file = join('articles', language.name, name);
					const { date, draft } = timingOf(readFileSync(join(contentDir, file), 'utf8'));
					return date ? [{ file, date, draft }] : [];
				}),
		);
}

/** The earliest time after `now` at which a published (not draft) article becomes due. */
export function nextDue(timings: readonly Timing[], now: Date): Date | undefined {
	let next: Date | undefined;
	for (const { date, draft } of timings) if (!draft && date > now && (!next || date < next)) next = date;
	return next;
}

/** Published articles whose time came after `since` and by `now`: a build since `since` lacks them. */
export function becameDue(timings: readonly Timing[], since: Date, now: Date): Timing[] {
	return timings.filter(({ date, draft }) => !draft && date > since && date <= now);
}
