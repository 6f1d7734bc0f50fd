import { readdirSync, readFileSync } from 'node:fs';

/** What one build of the benchmark measured. Times in milliseconds, sizes in bytes. */
export interface BuildFigures {
	wallMs: number;
	/** Start to "[content] Synced content": config, content check, content layer. */
	loadingMs: number;
	/** Content synced to the end of `astro build`: Vite, pages, images, the CMS bundle, sitemaps. */
	renderingMs: number;
	/** Pagefind, both languages side by side, after Astro. */
	searchMs: number;
	/** The rest: swapping the output in. */
	otherMs: number;
	/** Pages Astro rendered in this build, and pages it kept from the previous build. */
	rendered: number;
	reused: number;
	/** Rendered pages by kind: articles, listings (section, tag, author, month) and the rest. */
	renderedByKind?: RenderedByKind;
	/** Peak of the summed resident memory of the build's whole process tree. */
	peakRssBytes: number;
	outputBytes: number;
	outputFiles: number;
}

/** Pages rendered in one build, by kind. */
export interface RenderedByKind {
	articles: number;
	listings: number;
	other: number;
}

/**
 * Counts rendered page paths by kind, to see what a publish re-renders beyond the page it changed.
 * The sections' feeds (`/category/<id>/rss.xml`) have no cache key and count as other.
 */
export function renderedByKind(paths: readonly string[]): RenderedByKind {
	const counts: RenderedByKind = { articles: 0, listings: 0, other: 0 };
	for (const page of paths) {
		if (/^(\/en)?\/news\//.test(page)) counts.articles++;
		else if (/^(\/en)?\/(category|tag|author|archive\/\d{4})\/.*index\.html$/.test(page)) counts.listings++;
		else counts.other++;
	}
	return counts;
}

/** A line of the build's output and when it arrived, in ms after the build started. */
export interface TimedLine {
	at: number;
	text: string;
}

/**
 * Splits a build's wall time into its phases from the lines it printed: Astro's "Synced
 * content" and "N page(s) built", and the search index's "indexed" lines.
 */
export function buildPhases(lines: readonly TimedLine[], wallMs: number) {
	const at = (pattern: RegExp, what: string, last = false) => {
		const found = last
			? lines.findLast((line) => pattern.test(line.text))
			: lines.find((line) => pattern.test(line.text));
		if (!found) throw new Error(`the build printed no ${what} line`);
		return found.at;
	};
	const synced = at(/\[content\] Synced content/, '"[content] Synced content"');
	const astroDone = at(/\[build\] \d+ page\(s\) built/, '"[build] N page(s) built"');
	const indexed = at(/\[newsroom:search-index\] \w+: \d+ articles (indexed|unchanged)/, 'search-index', true);
	// Astro prints a line per page: "├─ /path/index.html (+3ms)" when rendered, "(restored)" when copied from its cache.
	const pages = lines.filter((line) => line.text.includes('├─ /'));
	const copied = (line: TimedLine) => /\((restored|cached)\)\s*$/.test(line.text);
	const reused = pages.filter(copied).length;
	const renderedPaths = pages
		.filter((line) => !copied(line))
		.map((line) => decodeURIComponent(line.text.replace(/^.*├─ (\S+).*$/, '$1')));
	return {
		loadingMs: synced,
		renderingMs: astroDone - synced,
		searchMs: indexed - astroDone,
		otherMs: wallMs - indexed,
		rendered: pages.length - reused,
		reused,
		renderedByKind: renderedByKind(renderedPaths),
	};
}

/** The resident memory, in bytes, of a process and all its descendants, from /proc: in all, and by command name. */
export function treeRss(root: number): { total: number; byCommand: Map<string, number> } {
	const children = new Map<number, number[]>();
	const commands = new Map<number, string>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// /proc/<pid>/stat: "pid (command) state parent ...".
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			commands.set(Number(name), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
			const list = children.get(parent) ?? [];
			list.push(Number(name));
			children.set(parent, list);
		} catch {
			// The process ended while the list was read.
		}
	}
	let total = 0;
	const byCommand = new Map<string, number>();
	const queue = [root];
	while (queue.length > 0) {
		const pid = queue.pop()!;
		try {
			const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
			total += rss;
			const command = commands.get(pid) ?? '?';
			byCommand.set(command, (byCommand.get(command) ?? 0) + rss);
		} catch {
			// Ended.
		}
		queue.push(...(children.get(pid) ?? []));
	}
	return { total, byCommand };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const byKind = (kinds: RenderedByKind | undefined) =>
	kinds ? ` (${kinds.articles} articles, ${kinds.listings} listings, ${kinds.other} other)` : '';

/** One row of the Markdown table. */
export function tableRow(articles: number, build: string, figures: BuildFigures): string {
	return `| ${articles.toLocaleString('en')} | ${build} | ${seconds(figures.wallMs)} | ${seconds(figures.loadingMs)} | ${seconds(
		figures.renderingMs,
	)} | ${seconds(figures.searchMs)} | ${seconds(figures.otherMs)} | ${(figures.wallMs / articles).toFixed(1)} | ${figures.rendered.toLocaleString(
		'en',
	)}${byKind(figures.renderedByKind)} | ${megabytes(figures.peakRssBytes)} | ${megabytes(figures.outputBytes)} | ${figures.outputFiles.toLocaleString('en')} |`;
}

export const TABLE_HEAD = [
	'| articles | build | wall time | content loading | rendering | search index | other | ms/article | pages rendered | peak memory | output | files |',
	'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
].join('\n');
