import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';
import { readTree } from '../helpers/tree.ts';

/**
 * Real builds of the site, whose articles span several years: a second build with one article
 * of 2022 changed indexes the 2022 shard again and no other; every other shard's files are
 * those of the first build, byte for byte.
 */

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
const OLD_ARTICLE = 'content/articles/ar/qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab.md';
let first: Map<string, string>;
let second: Map<string, string>;
let output: string;

/** The files of the Arabic search bundle, by path under `pagefind/ar/`. */
const bundle = () =>
	new Map(
		[...readTree(join(copy.root, 'dist'))]
			.filter(([path]) => path.startsWith('/pagefind/ar/'))
			.map(([path, bytes]) => [path.slice('/pagefind/ar/'.length), bytes]),
	);
const shardFiles = (tree: Map<string, string>, year: string) =>
	[...tree].filter(([path]) => path.startsWith(`${year}/`)).sort(([a], [b]) => a.localeCompare(b));

beforeAll(async () => {
	copy = await makeSiteCopy();
	const built = await buildSite(copy.root);
	expect(built.code, built.output).toBe(0);
	first = bundle();
	const file = join(copy.root, OLD_ARTICLE);
	writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nوأعلن البرلمان تشكيل لجنة تحقيق.\n`);
	const rebuilt = await buildSite(copy.root);
	expect(rebuilt.code, rebuilt.output).toBe(0);
	output = rebuilt.output;
	second = bundle();
}, 600_000);
afterAll(() => copy.remove());

test("a changed article re-indexes its year's shard only; the others are byte for byte those of the last build", () => {
	expect(output).toMatch(/search-index\] ar: \d+ articles indexed in 1 of ([3-9]) shards \(2022\)/);
	expect(output).toMatch(/search-index\] en: \d+ articles unchanged: the last index reused/);
	const years = [...new Set([...first.keys()].map((path) => path.split('/')[0]!))].filter((name) =>
		/^\d{4}$/.test(name),
	);
	expect(years.length).toBeGreaterThanOrEqual(3);
	for (const year of years.filter((year) => year !== '2022'))
		expect(shardFiles(second, year), year).toEqual(shardFiles(first, year));
	expect(shardFiles(second, '2022')).not.toEqual(shardFiles(first, '2022'));
});
