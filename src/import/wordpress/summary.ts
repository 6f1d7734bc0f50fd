/**
 * What a WordPress import prints when it is done: the counts by kind of file, then what it
 * skipped or could not carry over (unknown shortcodes, missing or remote media, old addresses),
 * so an editor knows what to look at by hand.
 */
import path from 'node:path';
import type { ImportPlan, PlannedItem } from './plan.ts';
import type { Counts } from './staging.ts';

/** What the summary lists besides the counts, gathered while the items are converted. */
export interface Report {
	unknownShortcodes: Map<string, { count: number; first: string }>;
	missingMedia: Map<string, string>;
	remoteMedia: Map<string, string>;
	featuredLeftOut: { item: string; url: string }[];
	localDates: number;
}

export function emptyReport(): Report {
	return {
		unknownShortcodes: new Map(),
		missingMedia: new Map(),
		remoteMedia: new Map(),
		featuredLeftOut: [],
		localDates: 0,
	};
}

/** What the summary needs to know of the run. */
export interface SummaryInput {
	options: { file: string; contentDir: string; uploads?: string };
	plan: ImportPlan;
	outcomes: Map<string, Counts>;
	report: Report;
	redirectCount: number;
	redirectsFile: string;
	milliseconds: number;
}

const print = (line: string) => console.log(line);

export function printSummary(input: SummaryInput): void {
	printCounts(input);
	printLists(input.plan, input.report);
}

/** One line per kind of file: how many, and what became of them. */
function printCounts({
	options,
	plan,
	outcomes,
	redirectCount,
	redirectsFile,
	milliseconds,
}: SummaryInput): void {
	const counts = (type: string) => {
		const found = outcomes.get(type) ?? { written: 0, replaced: 0, unchanged: 0, refused: 0 };
		return `${found.written} new, ${found.replaced} replaced, ${found.unchanged} unchanged, ${found.refused} not overwritten`;
	};
	const articles = plan.items.filter((item) => item.kind === 'article');
	const pages = plan.items.filter((item) => item.kind === 'page');
	const byLocale = (items: PlannedItem[]) =>
		`${items.filter((item) => item.locale === 'ar').length} ar, ${items.filter((item) => item.locale === 'en').length} en`;
	print(
		`WordPress export ${options.file} imported into ${options.contentDir} in ${(milliseconds / 1000).toFixed(1)} s:`,
	);
	print(
		`  articles:   ${articles.length} (${byLocale(articles)}; ${articles.filter((item) => item.draft).length} drafts): ${counts('article')}`,
	);
	print(`  pages:      ${pages.length} (${byLocale(pages)}): ${counts('page')}`);
	print(
		`  categories: ${plan.newCategories.size} created${plan.newCategories.size ? ` (${[...plan.newCategories.keys()].join(', ')})` : ''}, ${plan.matchedCategories.size} matched by name: ${counts('category')}`,
	);
	print(
		`  authors:    ${plan.newAuthors.size} created${plan.newAuthors.size ? ` (${[...plan.newAuthors.keys()].join(', ')})` : ''}, ${plan.matchedAuthors.size} matched by name: ${counts('author')}`,
	);
	print(
		`  media:      ${outcomes.get('media') ? counts('media') : options.uploads ? 'none used' : 'none copied (no --uploads)'}`,
	);
	print(
		`  redirects:  ${redirectCount} old addresses${redirectCount ? ` in ${path.join(options.contentDir, ...redirectsFile.split('/'))}: ${counts('redirects')}` : ''}`,
	);
}

/** A titled list, cut at 50 lines; nothing when it is empty. */
function list(title: string, lines: string[]): void {
	if (lines.length === 0) return;
	print(`${title} (${lines.length}):`);
	for (const line of lines.slice(0, 50)) print(`  ${line}`);
	if (lines.length > 50) print(`  ... and ${lines.length - 50} more`);
}

/** What was skipped or not carried over, for an editor to look at by hand. */
function printLists(plan: ImportPlan, report: Report): void {
	const reasons = new Map<string, number>();
	for (const skipped of plan.skipped) reasons.set(skipped.reason, (reasons.get(skipped.reason) ?? 0) + 1);
	list(
		'skipped',
		[...reasons].map(([reason, count]) => `${count} × ${reason}`),
	);
	list(
		'skipped items',
		plan.skipped
			.filter((skipped) => skipped.type === 'post' || skipped.type === 'page')
			.map((skipped) => `item ${skipped.id} (line ${skipped.line}) «${skipped.title}»: ${skipped.reason}`),
	);
	list(
		'unknown shortcodes, kept as text',
		[...report.unknownShortcodes].map(
			([name, { count, first }]) => `[${name}]: ${count} post(s), first ${first}`,
		),
	);
	list(
		'missing media (not found in --uploads)',
		[...report.missingMedia].map(([url, where]) => `${url} (${where})`),
	);
	list(
		'remote media kept (the site shows no remote image: pass --uploads to copy them)',
		[...report.remoteMedia].map(([url, where]) => `${url} (${where})`),
	);
	list(
		'featured images left out (remote; pass --uploads)',
		report.featuredLeftOut.map(({ item, url }) => `${item}: ${url}`),
	);
	list(
		'old addresses not redirected',
		plan.droppedPaths.map(({ id, path: old, reason }) => `item ${id}: ${old} ${reason}`),
	);
	if (report.localDates > 0)
		print(
			`note: ${report.localDates} item(s) had no GMT date (drafts); their local wp:post_date was read as UTC`,
		);
}
