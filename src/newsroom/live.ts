/**
 * Live coverage: an article with a `live` block is a page of timestamped updates, newest first,
 * its key moments linked at the top. In: the article's front matter; out: the updates in page
 * order with their anchors, and what cards and structured data say about the coverage.
 */

export interface LiveUpdate {
	date: Date;
	title?: string | undefined;
	body: string;
	key: boolean;
}

export interface LiveCoverage<Update extends LiveUpdate = LiveUpdate> {
	ended?: Date | undefined;
	updates: Update[];
}

/**
 * The anchor of an update: its minute in UTC, so a link to it stays the same when updates are
 * added before or after it (the content check refuses two updates in the same minute).
 */
export function updateAnchor(date: Date): string {
	return `update-${date.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}`;
}

/** Updates newest first, whatever their order in the file. */
export function newestFirst<Update extends LiveUpdate>(updates: readonly Update[]): Update[] {
	return [...updates].sort((a, b) => b.date.getTime() - a.date.getTime());
}

/** The time of the newest update, if any. */
export function lastUpdate(live: LiveCoverage): Date | undefined {
	return newestFirst(live.updates)[0]?.date;
}

/** Whether the coverage is still running at `now`: not ended, or ended later than `now`. */
export function isRunning(live: LiveCoverage | undefined, now: Date): boolean {
	return live !== undefined && (live.ended === undefined || live.ended > now);
}

/** Problems of a live block that its schema cannot see: times before the story, two updates in a minute. */
export function liveProblems(live: LiveCoverage, published: Date): { field: string; message: string }[] {
	const problems: { field: string; message: string }[] = [];
	const anchors = new Map<string, number>();
	live.updates.forEach((update, index) => {
		if (update.date < published)
			problems.push({ field: `live.updates[${index}].date`, message: 'is before the publication date' });
		const anchor = updateAnchor(update.date);
		const other = anchors.get(anchor);
		if (other !== undefined)
			problems.push({
				field: `live.updates[${index}].date`,
				message: `is in the same minute as update ${other + 1}; each update needs its own minute`,
			});
		anchors.set(anchor, index);
	});
	if (live.ended && live.ended < published)
		problems.push({ field: 'live.ended', message: 'is before the publication date' });
	return problems;
}

/** An update as the page shows it: its anchor, a headline (its title or its first words) and its HTML. */
export interface RenderedUpdate extends LiveUpdate {
	anchor: string;
	headline: string;
	html: string;
	text: string;
}

/** Words of an untitled update's text that stand for it in the key moments and structured data. */
const HEADLINE_WORDS = 12;

/** The updates newest first, rendered by `render` (the site's Markdown pipeline) into HTML and text. */
export function renderedUpdates<Update extends LiveUpdate>(
	updates: readonly Update[],
	render: (markdown: string) => { html: string; text: string },
): (Update & RenderedUpdate)[] {
	return newestFirst(updates).map((update) => {
		const { html, text } = render(update.body);
		const words = text.split(/\s+/).filter(Boolean);
		const headline =
			update.title ?? words.slice(0, HEADLINE_WORDS).join(' ') + (words.length > HEADLINE_WORDS ? '…' : '');
		return { ...update, anchor: updateAnchor(update.date), headline, html, text };
	});
}
