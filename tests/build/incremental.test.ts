import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeSiteCopy } from '../helpers/site-copy.ts';
import { readTree } from '../helpers/tree.ts';
import { LATEST_COLUMN_ARTICLES, SECTION_REACH } from '#src/newsroom/read-next.ts';

/**
 * A publish renders only the pages it touches (Astro's incremental build, keyed by
 * `pageKey`) and must give exactly the site a full build gives: a key that leaves out
 * something a page shows would leave that page stale, and this comparison would show it. An
 * edit, a new article and a deletion are published one after the other on one site copy, with
 * a generated archive large enough for several pages a listing: a new article must re-render the
 * newest pages of its listings only (issue 19).
 */

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
const NOW = '2026-11-29T12:00:00+03:00';

function build(...args: string[]) {
	const result = spawnSync(
		process.execPath,
		['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'src/cli/build.ts', ...args],
		{
			cwd: copy.root,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', NEWSROOM_NOW: NOW },
			encoding: 'utf8',
		},
	);
	expect(result.status, result.stdout + result.stderr).toBe(0);
	const lines = result.stdout.split('\n');
	return {
		output: result.stdout,
		rendered: lines
			.filter((line) => /├─ \/.*\(\+\d/.test(line))
			.map((line) => line.replace(/^.*├─ (\S+).*$/, '$1')),
		copied: lines.filter((line) => /\((restored|cached)\)/.test(line)).length,
	};
}

/** The paths whose bytes differ between two trees, or that only one has. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
	return [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path)).sort();
}

const article = (slug: string) => join(copy.root, 'content/articles/ar', `${slug}.md`);
const edit = (file: string, change: (text: string) => string) =>
	writeFileSync(file, change(readFileSync(file, 'utf8')));

/** A listing page's path: section, tag, author or month, latest or numbered (not the feeds, which have no key). */
const LISTING = /^(\/en)?\/(category|tag|author|archive\/\d{4}\/\d{2})\/.*index\.html$/;

/** The generated archive: enough stories in one section, tag, author and month for several pages each. */
const ARCHIVE = 90;
const TAG = 'أرشيف-تجريبي';

function writeArchive() {
	for (let n = 0; n < ARCHIVE; n++) {
		const date = new Date(Date.parse('2026-11-01T00:00:00+03:00') + n * 3600_000).toISOString();
		writeFileSync(
			article(`archive-${n}`),
			`---\ntitle: 'خبر من الأرشيف رقم ${n}'\ndate: '${date}'\ncategory: world\ntags: [${TAG}]\nauthor: layla-haddad\n---\nنص الخبر ${n}.\n`,
		);
	}
}

/** The latest page and the newest numbered page (the highest number built) of a listing. */
function newestPages(base: string): string[] {
	const folder = join(copy.root, 'dist', base);
	const numbers = readdirSync(folder)
		.filter((name) => /^\d+$/.test(name))
		.map(Number);
	return [`${base}index.html`, ...(numbers.length ? [`${base}${Math.max(...numbers)}/index.html`] : [])];
}

/** How many pages a listing has, latest and numbered. */
function pagesOf(base: string): number {
	return 1 + readdirSync(join(copy.root, 'dist', base)).filter((name) => /^\d+$/.test(name)).length;
}

beforeAll(async () => {
	copy = await makeSiteCopy();
	writeArchive();
	build();
}, 600_000);
afterAll(() => copy.remove());

/** Applies a change, publishes it, then builds everything again with `--force` to compare. */
function publishAndCompare(change: () => void) {
	change();
	const publish = build();
	const published = readTree(join(copy.root, 'dist'));
	build('--force');
	return { publish, published, differences: differences(published, readTree(join(copy.root, 'dist'))) };
}

describe('a publish of a new article', () => {
	const listings = ['/category/world/', `/tag/${TAG}/`, '/author/layla-haddad/', '/archive/2026/11/'];
	let step: ReturnType<typeof publishAndCompare>;
	let pagesBefore: number;

	beforeAll(() => {
		pagesBefore = listings.map(pagesOf).reduce((a, b) => a + b, 0);
		step = publishAndCompare(() =>
			writeFileSync(
				article('new-metro-station'),
				`---\ntitle: 'افتتاح محطة مترو جديدة'\ndate: '2026-11-29T09:00:00+03:00'\ncategory: world\ntags: [${TAG}]\nauthor: layla-haddad\n---\nافتتحت محطة جديدة.\n`,
			),
		);
	}, 600_000);

	test('re-renders the latest and the newest numbered page of each of its listings, and no other listing page', () => {
		const rendered = step.publish.rendered.filter((path) => LISTING.test(path)).sort();
		// Several pages a listing: numbering from the newest story would have re-rendered all of them.
		expect(pagesBefore).toBeGreaterThanOrEqual(16);
		expect(rendered).toEqual(listings.flatMap(newestPages).sort());
		expect(rendered.length).toBeLessThanOrEqual(2 * listings.length);
	});

	test('re-renders a bounded number of article pages: the newest, its section neighbours and related stories', () => {
		const articles = step.publish.rendered.filter((path) => /^(\/en)?\/news\//.test(path));
		console.log(
			`a new article re-rendered ${articles.length} article pages and ${step.publish.rendered.length} pages in all`,
		);
		expect(articles).toContain('/news/new-metro-station/index.html');
		expect(articles.length).toBeLessThanOrEqual(LATEST_COLUMN_ARTICLES + 1 + 2 * SECTION_REACH);
		expect(step.publish.copied).toBeGreaterThan(100);
	});

	test('analyses and indexes only what changed, and reuses the last index of the language that did not', () => {
		expect(step.publish.output).toMatch(/search-index\] ar: \d+ articles indexed/);
		expect(step.publish.output).toMatch(/search-index\] en: \d+ articles unchanged: the last index reused/);
		// Only the new article is analysed; every other record comes from the last build's.
		expect(step.publish.output).toMatch(
			/search records: ar: 1 analysed, [1-9]\d* unchanged since the last build/,
		);
		expect(step.publish.output).toMatch(
			/search records: en: 0 analysed, [1-9]\d* unchanged since the last build/,
		);
	});

	test('gives exactly the site a full build gives', () => {
		expect(step.differences).toEqual([]);
	});
});

describe('a publish of an edit', () => {
	let step: ReturnType<typeof publishAndCompare>;

	beforeAll(() => {
		// An edited headline: shown on archives, related lists and the translation's page.
		step = publishAndCompare(() =>
			edit(article('parliament-passes-2027-budget'), (text) =>
				text.replace(/^title: .*$/m, 'title: البرلمان يقر موازنة ٢٠٢٧ بعد جلسة طويلة'),
			),
		);
	}, 600_000);

	test('renders the edited article and gives exactly the site a full build gives', () => {
		expect(step.publish.rendered).toContain('/news/parliament-passes-2027-budget/index.html');
		expect(step.publish.copied).toBeGreaterThan(20);
		expect(step.differences).toEqual([]);
	});
});

describe('a publish of a deletion', () => {
	let step: ReturnType<typeof publishAndCompare>;

	beforeAll(() => {
		step = publishAndCompare(() => {
			rmSync(article('metro-line-two-opens'));
			rmSync(article('archive-3'));
		});
	}, 600_000);

	test('removes the pages and gives exactly the site a full build gives', () => {
		expect(step.publish.rendered).not.toContain('/news/metro-line-two-opens/index.html');
		expect([...step.published.keys()]).not.toContain('/news/metro-line-two-opens/index.html');
		expect([...step.published.keys()]).not.toContain('/news/archive-3/index.html');
		expect(step.differences).toEqual([]);
	});
});

describe('the comparison', () => {
	test('would show a page copied stale: a tampered cache copy comes out as a difference', () => {
		const cached = join(
			copy.root,
			'node_modules/.astro/dist/news/qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab/index.html',
		);
		expect(statSync(cached).isFile()).toBe(true);
		const full = readTree(join(copy.root, 'dist'));
		edit(cached, (html) => html.replace('</main>', '<p>stale</p></main>'));
		build();
		expect(differences(full, readTree(join(copy.root, 'dist')))).toEqual([
			'/news/qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab/index.html',
		]);
	}, 600_000);
});
