import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeSiteCopy } from '../helpers/site-copy.ts';
import { readTree } from '../helpers/tree.ts';
import { LATEST_COLUMN_ARTICLES, SECTION_REACH } from '#src/newsroom/read-next.ts';
import { cacheFolder } from '#src/newsroom/folders.ts';
import { MANIFEST } from '#src/build/previous-output.ts';

/**
 * A publish renders only the pages it touches (Astro's incremental build, keyed by
 * `pageKey`) and must give exactly the site a full build gives: a key that leaves out
 * something a page shows would leave that page stale, and this comparison would show it. An
 * edit, a new article and a deletion are published one after the other on one site copy, with
 * a generated archive large enough for several pages a listing: a new article must re-render the
 * newest pages of its listings only (issue 19).
 *
 * Each publish starts from the last output by hard links (src/build/previous-output.ts), as a
 * deploy does from its live release: that output must stay byte for byte as it was, the pages
 * the publish keeps stay in place (none is copied from Astro's cache), and the files it no
 * longer makes are gone. After a rollback the live release is not the output Astro's cache
 * describes: the build must see it and start from an empty folder.
 */

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
const NOW = '2026-11-29T12:00:00+03:00';

function build(args: string[] = [], env: Record<string, string> = {}) {
	const result = spawnSync(
		process.execPath,
		['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'src/cli/build.ts', ...args],
		{
			cwd: copy.root,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', NEWSROOM_NOW: NOW, ...env },
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
		/** Pages copied from Astro's cache rather than kept in place. */
		restored: lines.filter((line) => /\(restored\)/.test(line)).length,
		/** Whether the output started as links to the last one. */
		linked: result.stdout.includes('[newsroom:output] starting from the last output'),
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

/**
 * Applies a change and publishes it, then builds everything again with `--force` to compare. The
 * last output is the "live site": `deploy` moves it out of dist/ to `live/` and names it with
 * NEWSROOM_PREVIOUS_SITE, as a deploy names its live release; otherwise the publish starts from
 * dist/ itself, and `live/` is a hard-linked copy of it made beforehand, which a write through a
 * link would change too. Either way `live/` must come out byte for byte as it was.
 */
function publishAndCompare(
	change: () => void,
	{ deploy = false, env = {} }: { deploy?: boolean; env?: Record<string, string> } = {},
) {
	const live = join(copy.root, 'live');
	rmSync(live, { recursive: true, force: true });
	if (deploy) renameSync(join(copy.root, 'dist'), live);
	else execFileSync('cp', ['-al', join(copy.root, 'dist'), live]);
	const liveBefore = readTree(live);
	change();
	const publish = build([], { ...env, ...(deploy ? { NEWSROOM_PREVIOUS_SITE: live } : {}) });
	const published = readTree(join(copy.root, 'dist'));
	build(['--force']);
	return {
		publish,
		published,
		differences: differences(published, readTree(join(copy.root, 'dist'))),
		liveChanged: differences(liveBefore, readTree(live)),
	};
}

describe('a publish of a new article', () => {
	const listings = ['/category/world/', `/tag/${TAG}/`, '/author/layla-haddad/', '/archive/2026/11/'];
	let step: ReturnType<typeof publishAndCompare>;
	let pagesBefore: number;

	beforeAll(() => {
		pagesBefore = listings.map(pagesOf).reduce((a, b) => a + b, 0);
		step = publishAndCompare(
			() =>
				writeFileSync(
					article('new-metro-station'),
					`---\ntitle: 'افتتاح محطة مترو جديدة'\ndate: '2026-11-29T09:00:00+03:00'\ncategory: world\ntags: [${TAG}]\nauthor: layla-haddad\nimage: ../../media/metro-line.jpg\nimageAlt: 'رصيف محطة مترو'\n---\nافتتحت محطة جديدة.\n`,
				),
			{ deploy: true },
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

	test("shows its picture on its listings, and Astro's page manifest records card pictures on no page", () => {
		const listing = Buffer.from(step.published.get('/category/world/index.html')!, 'base64').toString();
		const card = /<img src="(\/_astro\/metro-line[^"]+\.webp)" srcset="([^"]+)"[^>]*class="card-image"/.exec(
			listing,
		);
		expect(card, "the new story's card has its picture").not.toBeNull();
		for (const file of [card![1]!, ...card![2]!.split(', ').map((source) => source.split(' ')[0]!)])
			expect(step.published.has(file), file).toBe(true);
		// The manifest of the forced build: a page records the transforms its own render made.
		const manifest = JSON.parse(readFileSync(join(copy.root, cacheFolder(), MANIFEST), 'utf8'));
		const recorded = Object.values<{
			paths: Record<string, { staticImages?: { transform: { class?: string } }[] }>;
		}>(manifest.routes).flatMap(({ paths }) =>
			Object.entries(paths).map(([path, entry]) => [path, entry.staticImages ?? []] as const),
		);
		expect(recorded.length).toBeGreaterThan(100);
		expect(
			recorded.filter(([, images]) => images.some((image) => image.transform.class === 'card-image')),
		).toEqual([]);
		// The one kind left: an article's own crops for link previews, three for a story with a picture.
		expect(
			recorded.filter(([path]) => !/^(\/en)?\/news\//.test(path)).filter(([, images]) => images.length > 0),
		).toEqual([]);
		expect(Math.max(...recorded.map(([, images]) => images.length))).toBeLessThanOrEqual(6);
	});

	test('starts from the live release, keeps its unchanged pages in place and leaves it byte for byte', () => {
		expect(step.publish.linked).toBe(true);
		expect(step.publish.restored).toBe(0);
		expect(step.liveChanged).toEqual([]);
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

	test('starts from dist/ and writes nothing through the links into it', () => {
		expect(step.publish.linked).toBe(true);
		expect(step.publish.restored).toBe(0);
		expect(step.liveChanged).toEqual([]);
	});
});

describe('a publish of a deletion', () => {
	let step: ReturnType<typeof publishAndCompare>;

	beforeAll(() => {
		step = publishAndCompare(
			() => {
				rmSync(article('metro-line-two-opens'));
				rmSync(article('archive-3'));
			},
			{ deploy: true },
		);
	}, 600_000);

	test('removes the pages and gives exactly the site a full build gives', () => {
		expect(step.publish.rendered).not.toContain('/news/metro-line-two-opens/index.html');
		expect([...step.published.keys()]).not.toContain('/news/metro-line-two-opens/index.html');
		expect([...step.published.keys()]).not.toContain('/news/archive-3/index.html');
		expect(step.differences).toEqual([]);
		expect(step.publish.output).toMatch(
			/\[newsroom:output\] \d+ unchanged files kept .*, [1-9]\d* no longer built removed/,
		);
		expect(step.liveChanged).toEqual([]);
	});
});

describe('a publish after a rollback', () => {
	const record = () => join(copy.root, 'node_modules/.astro/newsroom-output.json');
	let releaseA: string;
	let recordOfA: string;
	let step: { publish: ReturnType<typeof build>; differences: string[] };

	beforeAll(() => {
		// Release A is live; release B publishes an edited headline; a rollback makes A live again.
		releaseA = join(copy.root, 'release-a');
		rmSync(releaseA, { recursive: true, force: true });
		renameSync(join(copy.root, 'dist'), releaseA);
		recordOfA = readFileSync(record(), 'utf8');
		edit(article('parliament-passes-2027-budget'), (text) =>
			text.replace(/^title: .*$/m, 'title: البرلمان يقر موازنة العام المقبل'),
		);
		build([], { NEWSROOM_PREVIOUS_SITE: releaseA });
		// With A live again, the next push edits another article and builds from A.
		edit(article('archive-10'), (text) =>
			text.replace(/^title: .*$/m, "title: 'خبر من الأرشيف بعنوان جديد'"),
		);
		const publish = build([], { NEWSROOM_PREVIOUS_SITE: releaseA });
		const published = readTree(join(copy.root, 'dist'));
		build(['--force']);
		step = { publish, differences: differences(published, readTree(join(copy.root, 'dist'))) };
	}, 600_000);

	test('starts from an empty folder, since the cache describes another output, and gives exactly the site a full build gives', () => {
		expect(step.publish.linked).toBe(false);
		expect(step.publish.output).toContain('is not the output the cache describes');
		expect(step.publish.restored).toBeGreaterThan(20);
		expect(step.differences).toEqual([]);
	});

	test('would keep stale pages of the rolled-back release if the build took it for the last output', () => {
		const full = readTree(join(copy.root, 'dist'));
		// Pretend the cache describes release A, whose budget page has the headline before B's edit.
		writeFileSync(record(), recordOfA);
		const publish = build([], { NEWSROOM_PREVIOUS_SITE: releaseA });
		expect(publish.linked).toBe(true);
		expect(differences(full, readTree(join(copy.root, 'dist')))).toContain(
			'/news/parliament-passes-2027-budget/index.html',
		);
		build(['--force']);
	}, 600_000);
});

describe('the comparison', () => {
	test('would show a page kept stale: a tampered page of the last output comes out as a difference', () => {
		const page = join(copy.root, 'dist/news/qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab/index.html');
		expect(statSync(page).isFile()).toBe(true);
		const full = readTree(join(copy.root, 'dist'));
		edit(page, (html) => html.replace('</main>', '<p>stale</p></main>'));
		expect(build().linked).toBe(true);
		expect(differences(full, readTree(join(copy.root, 'dist')))).toEqual([
			'/news/qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab/index.html',
		]);
	}, 600_000);
});

describe('an archive past the size whose page manifest Astro can write', () => {
	let step: ReturnType<typeof publishAndCompare>;

	beforeAll(() => {
		// The fixture's hundred-odd articles stand for 30,000: the limit is lowered below them.
		step = publishAndCompare(
			() => edit(article('archive-20'), (text) => `${text}\nفقرة أضيفت بعد تجاوز الحد.\n`),
			{ deploy: true, env: { NEWSROOM_INCREMENTAL_ARTICLES: '10' } },
		);
	}, 600_000);

	test('renders every page, keeps none from the last build, and gives exactly the site a full build gives', () => {
		expect(step.publish.output).toMatch(/articles, over 10: Astro's page manifest could not hold them/);
		expect(step.publish.linked).toBe(false);
		expect(step.publish.copied).toBe(0);
		expect(step.publish.rendered.length).toBeGreaterThan(ARCHIVE);
		expect(step.differences).toEqual([]);
		expect(step.liveChanged).toEqual([]);
	});
});
