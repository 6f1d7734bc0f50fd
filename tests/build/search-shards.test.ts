import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, makeSiteCopy } from '../helpers/site-copy.ts';
import { readTree } from '../helpers/tree.ts';
import type { ShardList } from '#src/search/shards.ts';

/**
 * Real builds of the site, whose articles span several years: the newest year (2026) is a shard,
 * the older years an archive shard; a second build with one article of 2022 changed indexes the
 * archive shard again and not the newest year's, whose files are those of the first build, byte
 * for byte.
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
const shardFiles = (tree: Map<string, string>, name: string) =>
	[...tree].filter(([path]) => path.startsWith(`${name}/`)).sort(([a], [b]) => a.localeCompare(b));

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

test('the newest year is a shard of its own, the older years one archive shard named by its range', () => {
	const list = JSON.parse(Buffer.from(first.get('shards.json')!, 'base64').toString('utf8')) as ShardList;
	expect(list.shards.map(({ name, years }) => ({ name, years }))).toEqual([
		{ name: '2026', years: ['2026'] },
		{ name: '2022-2025', years: ['2025', '2022'] },
	]);
	const folders = [...new Set([...first.keys()].map((path) => path.split('/')[0]!))].sort();
	expect(folders).toEqual(['2022-2025', '2026', 'shards.json', 'words']);
});

test("a changed article re-indexes its shard only; the newest year's is byte for byte that of the last build", () => {
	// The other shard is left as it was or copied from the cache, whichever output the build starts from.
	expect(output).toMatch(
		/search-index\] ar: \d+ articles indexed in 1 of 2 shards \(2022-2025\), 1 (left as they were|copied from the cache);/,
	);
	expect(output).toMatch(/search-index\] en: \d+ articles unchanged: the last index reused/);
	expect(shardFiles(second, '2026').length).toBeGreaterThan(0);
	expect(shardFiles(second, '2026')).toEqual(shardFiles(first, '2026'));
	expect(shardFiles(second, '2022-2025')).not.toEqual(shardFiles(first, '2022-2025'));
});
