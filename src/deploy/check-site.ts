/**
 * Checks a built site before it goes live: the build finished and wrote the pages a reader
 * needs first, no page is empty, and no page carries inline code that the site's
 * Content-Security-Policy would block. Used by the deploy (src/deploy/release.ts) and on its own:
 *
 *   npm run check:site -- dist
 *
 * It reads every HTML file once, so it stays proportional to the number of pages; the deploy
 * skips the pages its build kept from the live release (`unchangedFrom`). Node built-ins
 * only: the deploy target runs it from its own copy, without the project's node_modules.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isMain } from './run.ts';

/** One thing wrong with a built site. */
export interface SiteProblem {
	/** Path inside the built site, `/`-separated (`en/news/x/index.html`), or `.` for the whole site. */
	file: string;
	message: string;
}

/** What a check found, and what it could not check yet. */
export interface SiteCheckResult {
	problems: SiteProblem[];
	/** Features not built by this version of the site yet, so not required (see `PENDING_FEATURES`). */
	notChecked: string[];
	/** Number of HTML pages read. */
	pages: number;
	/** Pages not read: the same files as the live release's (`unchangedFrom`). */
	unchanged: number;
	milliseconds: number;
}

/**
 * Required outputs a version of the site does not build yet, accepted missing with a notice.
 * None now: a build without its search index or its sitemaps is refused.
 */
export const PENDING_FEATURES: ReadonlySet<Feature> = new Set<Feature>();

type Feature = 'search' | 'sitemaps';

/** Pages that must exist in every build: each language's home and not-found page. */
const REQUIRED_PAGES = ['index.html', 'en/index.html', '404.html', 'en/404.html'];

/** Article pages per language, by the folder that holds them. */
const ARTICLE_FOLDERS = { ar: 'news', en: 'en/news' } as const;

/** Fewer visible characters than this in `<body>` means a page that rendered nothing. */
const MIN_BODY_TEXT = 20;

/**
 * Folders of single-page apps (the CMS): their page is an empty shell filled by a script, and
 * they have their own, looser Content-Security-Policy.
 */
const APP_SHELLS = ['admin/'];

/** An HTML file that only redirects elsewhere. */
const REDIRECT_PAGE = /<meta\s+http-equiv=["']?refresh["']?/i;

/**
 * Every file under `root`, as `/`-separated paths relative to it. Symbolic links are followed,
 * as the web server follows them: a deploy's release links to its search index (target.ts).
 */
async function listFiles(root: string, folder = root): Promise<string[]> {
	const files: string[] = [];
	for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
		const path = join(entry.parentPath, entry.name);
		const info = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
		if (info?.isFile()) files.push(relative(root, path).split(sep).join('/'));
		else if (entry.isSymbolicLink() && info?.isDirectory()) files.push(...(await listFiles(root, path)));
	}
	return files;
}

/** Pagefind writes pagefind-entry.json beside its script, wherever the bundle is placed. */
const hasSearchIndex = (files: string[]) => files.some((file) => file.endsWith('pagefind-entry.json'));
const NO_SEARCH_INDEX = 'no search index (pagefind-entry.json)';

/**
 * Checks a search index built apart from its pages (the deploy's second step): `folder` holds
 * each language's Pagefind bundle. Returns the problems, none when it is whole.
 */
export async function checkSearchIndex(folder: string): Promise<SiteProblem[]> {
	const files = await listFiles(folder).catch(() => []);
	return hasSearchIndex(files) ? [] : [{ file: '.', message: `${NO_SEARCH_INDEX} in ${folder}` }];
}

/** What `checkSite` checks besides the pages. */
export interface SiteCheckOptions {
	/** Whether the search index must be there; default true. The deploy checks it apart, once built (`checkSearchIndex`). */
	search?: boolean;
	/**
	 * The live release the build started from: a page that is still its file (the same inode,
	 * linked by the build, src/build/previous-output.ts) was checked when that release went live,
	 * and is not read again, so a publish reads the pages it wrote, not the archive.
	 */
	unchangedFrom?: string;
}

/** The text a reader sees in `html`'s body: tags, scripts, styles and comments removed. */
function visibleBodyText(html: string): string {
	const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
	return body
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&[a-z#0-9]+;/gi, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** `<script>` types that hold data, not code: the CSP does not apply to them. */
const DATA_SCRIPT_TYPES = /^(application\/(ld\+)?json|importmap|speculationrules)$/i;

/** What in `html` a `script-src 'self'; style-src 'self'` policy would block. */
export function inlineCode(html: string): string[] {
	const found: string[] = [];
	for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const attributes = match[1] ?? '';
		const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1] ?? '';
		if (/\bsrc\s*=/i.test(attributes) || DATA_SCRIPT_TYPES.test(type)) continue;
		if ((match[2] ?? '').trim() !== '') found.push('an inline <script>');
	}
	if (/<style\b/i.test(html)) found.push('a <style> element');
	// Attributes only: text such as "style=" inside an article's prose is not markup.
	for (const tag of html.matchAll(/<[a-z][a-z0-9-]*\s[^>]*>/gi)) {
		if (/\sstyle\s*=/i.test(tag[0])) found.push('a style="" attribute');
		const handler = /\s(on[a-z]+)\s*=/i.exec(tag[0]);
		if (handler) found.push(`an ${handler[1]}="" event handler`);
		if (/\s(href|src|action)\s*=\s*["']?\s*javascript:/i.test(tag[0])) found.push('a javascript: URL');
	}
	return [...new Set(found)];
}

/** Checks the built site in `dist`. Never throws for a broken site: it returns the problems. */
export async function checkSite(
	dist: string,
	{ search = true, unchangedFrom }: SiteCheckOptions = {},
): Promise<SiteCheckResult> {
	const started = performance.now();
	const problems: SiteProblem[] = [];
	const notChecked: string[] = [];
	const finish = (pages: number, unchanged = 0): SiteCheckResult => ({
		problems,
		notChecked,
		pages,
		unchanged,
		milliseconds: Math.round(performance.now() - started),
	});

	try {
		if (!(await stat(dist)).isDirectory()) throw new Error('not a folder');
	} catch {
		problems.push({ file: '.', message: `the built site ${dist} does not exist: the build did not finish` });
		return finish(0);
	}
	const files = await listFiles(dist);
	await checkOutputs(dist, files, problems, notChecked, search);
	if (!search) notChecked.push('search (its index is built and checked after the pages)');
	const html = files.filter((file) => file.endsWith('.html'));
	const pages = unchangedFrom ? await changedFiles(dist, unchangedFrom, html) : html;
	await checkPages(dist, pages, problems);
	problems.sort((a, b) => a.file.localeCompare(b.file));
	return finish(pages.length, html.length - pages.length);
}

/** The files of `files` in `dist` that are not the very files of `previous` (another inode, or none there). */
async function changedFiles(dist: string, previous: string, files: string[]): Promise<string[]> {
	const same = async (file: string) => {
		const [now, before] = await Promise.all([
			stat(join(dist, file)),
			stat(join(previous, file)).catch(() => undefined),
		]);
		return before !== undefined && now.ino === before.ino && now.dev === before.dev;
	};
	const changed: string[] = [];
	for (let at = 0; at < files.length; at += 256) {
		const batch = files.slice(at, at + 256);
		const unchanged = await Promise.all(batch.map(same));
		changed.push(...batch.filter((_, index) => !unchanged[index]));
	}
	return changed;
}

/** The whole site's shape: the required pages, an article per language, search, sitemaps and feeds. */
async function checkOutputs(
	dist: string,
	files: string[],
	problems: SiteProblem[],
	notChecked: string[],
	search = true,
): Promise<void> {
	const fileSet = new Set(files);
	for (const page of REQUIRED_PAGES) {
		if (!fileSet.has(page)) problems.push({ file: page, message: 'is missing' });
	}
	for (const [locale, folder] of Object.entries(ARTICLE_FOLDERS)) {
		const articles = files.filter(
			(file) => file.startsWith(`${folder}/`) && /^[^/]+\/index\.html$/.test(file.slice(folder.length + 1)),
		);
		if (articles.length === 0)
			problems.push({
				file: `${folder}/`,
				message: `has no article: at least one ${locale} article page is required`,
			});
	}

	const features: Record<Feature, { present: boolean; missing: string }> = {
		search: { present: !search || hasSearchIndex(files), missing: NO_SEARCH_INDEX },
		sitemaps: {
			present: fileSet.has('sitemap-index.xml') && fileSet.has('news-sitemap.xml'),
			missing: 'sitemap-index.xml and news-sitemap.xml are required',
		},
	};
	for (const [name, feature] of Object.entries(features) as [Feature, (typeof features)[Feature]][]) {
		if (feature.present) continue;
		if (PENDING_FEATURES.has(name))
			notChecked.push(`${name} (${feature.missing}; not built by this version yet)`);
		else problems.push({ file: '.', message: feature.missing });
	}
	for (const xml of files.filter((file) => /(^|\/)(sitemap[^/]*|news-sitemap[^/]*|rss)\.xml$/.test(file))) {
		if ((await stat(join(dist, xml))).size === 0) problems.push({ file: xml, message: 'is empty' });
	}
}

/** Reads every page once, with a bounded number of files open at once: a 100,000-page site must not exhaust descriptors. */
async function checkPages(dist: string, pages: string[], problems: SiteProblem[]): Promise<void> {
	let next = 0;
	async function worker() {
		while (next < pages.length) {
			const file = pages[next++]!;
			checkPage(file, await readFile(join(dist, file), 'utf8'), problems);
		}
	}
	await Promise.all(Array.from({ length: 16 }, worker));
}

/** One page: whole, titled, with text, and without inline code the Content-Security-Policy blocks. */
function checkPage(file: string, html: string, problems: SiteProblem[]): void {
	const appShell = APP_SHELLS.some((prefix) => file.startsWith(prefix));
	if (html.trim() === '') problems.push({ file, message: 'is an empty file' });
	// Astro's redirect pages (a meta refresh and a link, no closing tags) are whole as they are.
	else if (REDIRECT_PAGE.test(html)) return;
	else if (!/<\/html>\s*$/i.test(html)) problems.push({ file, message: 'is cut short (no closing </html>)' });
	else if (appShell) {
		// The CMS page is an empty shell that its script fills.
	} else if (!/<title>[^<]*\S[^<]*<\/title>/i.test(html)) problems.push({ file, message: 'has no title' });
	else if (visibleBodyText(html).length < MIN_BODY_TEXT)
		problems.push({ file, message: 'is empty: its body has no text' });
	if (!appShell) {
		for (const what of inlineCode(html)) {
			problems.push({
				file,
				message: `has ${what}, which the Content-Security-Policy blocks; move it into a file`,
			});
		}
	}
}

/** Prints a result the way the deploy and the command line show it; returns whether it passed. */
export function reportSiteCheck(result: SiteCheckResult, print: (line: string) => void): boolean {
	for (const problem of result.problems.slice(0, 50)) print(`  ${problem.file}: ${problem.message}`);
	if (result.problems.length > 50) print(`  ... and ${result.problems.length - 50} more`);
	for (const feature of result.notChecked) print(`  not checked: ${feature}`);
	const verdict =
		result.problems.length === 0 ? 'passed' : `FAILED with ${result.problems.length} problem(s)`;
	const unchanged = result.unchanged ? ` (${result.unchanged} unchanged since the live release)` : '';
	print(`site check ${verdict}: ${result.pages} pages read${unchanged} in ${result.milliseconds} ms`);
	return result.problems.length === 0;
}

if (isMain(import.meta.url)) {
	const dist = process.argv[2];
	if (!dist || process.argv.length > 3) {
		console.error('usage: npm run check:site -- <built site folder, e.g. dist>');
		process.exit(2);
	}
	const passed = reportSiteCheck(await checkSite(dist), (line) => console.log(line));
	process.exit(passed ? 0 : 1);
}
