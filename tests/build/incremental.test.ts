import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeSiteCopy } from '../helpers/site-copy.ts';
import { readTree } from '../helpers/tree.ts';

/**
 * A publish renders only the pages it touches (Astro's incremental build, keyed by
 * `pageKey`) and must give exactly the site a full build gives: a key that leaves out
 * something a page shows would leave that page stale, and this comparison would show it.
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

beforeAll(async () => {
	copy = await makeSiteCopy();
	build();
}, 240_000);
afterAll(() => copy.remove());

describe('a publish', () => {
	let publish: ReturnType<typeof build>;
	let published: Map<string, string>;

	beforeAll(() => {
		// An edited headline (shown on archives, related lists and the translation's page), a new
		// article and a deleted one.
		edit(article('parliament-passes-2027-budget'), (text) =>
			text.replace(/^title: .*$/m, 'title: البرلمان يقر موازنة ٢٠٢٧ بعد جلسة طويلة'),
		);
		const seed = readdirSync(join(copy.root, 'content/articles/ar')).find((name) =>
			name.startsWith('qasm-'),
		)!;
		writeFileSync(
			article('new-metro-station'),
			readFileSync(join(copy.root, 'content/articles/ar', seed), 'utf8')
				.replace(/^title: .*$/m, 'title: افتتاح محطة مترو جديدة')
				.replace(/^date: .*$/m, 'date: 2026-11-29T09:00:00+03:00'),
		);
		rmSync(article('metro-line-two-opens'));
		publish = build();
		published = readTree(join(copy.root, 'dist'));
	}, 240_000);

	test('renders the pages it touches and copies the others', () => {
		expect(publish.rendered).toContain('/news/parliament-passes-2027-budget/index.html');
		expect(publish.rendered).toContain('/news/new-metro-station/index.html');
		expect(publish.rendered).not.toContain('/news/metro-line-two-opens/index.html');
		expect(publish.copied).toBeGreaterThan(20);
		expect([...published.keys()]).not.toContain('/news/metro-line-two-opens/index.html');
	});

	test('indexes the language that changed, and reuses the last index of the one that did not', () => {
		expect(publish.output).toMatch(/search-index\] ar: \d+ articles indexed/);
		expect(publish.output).toMatch(/search-index\] en: \d+ articles unchanged: the last index reused/);
	});

	test('gives exactly the site a full build gives', () => {
		build('--force');
		expect(differences(published, readTree(join(copy.root, 'dist')))).toEqual([]);
	}, 240_000);

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
	}, 240_000);
});
