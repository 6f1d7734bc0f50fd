import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexSearchRecords } from '#src/search/index.ts';
import { recordsFile, writeRecords } from '#src/search/records-file.ts';
import { searchRecord } from '#src/search/records.ts';
import { SHARDS_FILE, type ShardList } from '#src/search/shards.ts';

/**
 * The index writer on records of three years, as `npm run build` runs it once Astro has exited:
 * a change re-indexes its year's shard only; the other shards' files are left as they are when
 * the site folder already holds them (same inode, same time), and come back byte for byte from
 * the cache when it does not; nothing shared with a live site by hard links is written through.
 */

const article = (slug: string, date: string, body: string) =>
	searchRecord({
		url: `/news/${slug}/`,
		title: `خبر ${slug}`,
		html: `<p>${body}</p>`,
		date: new Date(date),
		category: 'world',
		timeZone: 'Asia/Riyadh',
	});

const EDITED_C = () => article('c', '2025-06-01T10:00:00+03:00', 'ارتفعت أسعار الذهب في الأسواق.');
const ARTICLES = [
	article('a', '2026-11-20T10:00:00+03:00', 'أعلن الوزير عن الموازنة الجديدة.'),
	article('b', '2026-02-01T10:00:00+03:00', 'افتتح الملعب الوطني أمام الجماهير.'),
	article('c', '2025-06-01T10:00:00+03:00', 'ارتفعت أسعار النفط في الأسواق.'),
	article('d', '2022-01-10T10:00:00+03:00', 'قال السفراء إن المحادثات مستمرة.'),
];

/** The articles after an edit of the 2025 one. */
const edited = () => ARTICLES.map((record, at) => (at === 2 ? EDITED_C() : record));

let dir: string;
const lines: string[] = [];

async function index(records: ReturnType<typeof article>[], site: string) {
	for (const locale of ['ar', 'en'] as const)
		await writeRecords(
			recordsFile(join(dir, 'cache'), locale),
			(async function* () {
				for (const record of records) yield JSON.stringify(record);
			})(),
		);
	await indexSearchRecords(join(dir, 'cache'), join(dir, site), (line) => lines.push(line));
	return lines.at(-2)!;
}

/** Every file under a folder: its inode, time and bytes. */
function files(folder: string): Map<string, { ino: number; mtimeMs: number; bytes: string }> {
	const found = new Map<string, { ino: number; mtimeMs: number; bytes: string }>();
	for (const name of readdirSync(folder, { recursive: true }) as string[]) {
		const info = statSync(join(folder, name));
		if (info.isFile())
			found.set(name, {
				ino: info.ino,
				mtimeMs: info.mtimeMs,
				bytes: readFileSync(join(folder, name)).toString('base64'),
			});
	}
	return found;
}

const shard = (site: string, year: string) => join(dir, site, 'pagefind/ar', year);

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'index-shards-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a language indexed by year', () => {
	let before: Record<string, ReturnType<typeof files>>;
	let second: string;

	beforeAll(async () => {
		expect(await index(ARTICLES, 'site')).toMatch(
			/ar: 4 articles indexed in 3 of 3 shards \(2026, 2025, 2022\)/,
		);
		before = Object.fromEntries(['2026', '2025', '2022'].map((year) => [year, files(shard('site', year))]));
		// The next build starts from this output, whose files are also the live site's (hard links).
		execFileSync('cp', ['-al', join(dir, 'site'), join(dir, 'live')]);
		second = await index(edited(), 'site');
	}, 120_000);

	test('writes a shard per year, newest first in the shard list, and the word lists once for the language', () => {
		const list = JSON.parse(readFileSync(join(dir, 'site/pagefind/ar', SHARDS_FILE), 'utf8')) as ShardList;
		expect(list.shards.map((entry) => entry.year)).toEqual(['2026', '2025', '2022']);
		for (const year of ['2026', '2025', '2022'])
			expect(existsSync(join(shard('site', year), 'pagefind-entry.json'))).toBe(true);
		expect(existsSync(join(dir, 'site/pagefind/ar/words'))).toBe(true);
		expect(existsSync(join(shard('site', '2026'), 'pagefind-ui.js'))).toBe(false);
	});

	test('indexes the analysed forms only; a result shows the headline and text as written, from its fragment', () => {
		const folder = shard('site', '2022');
		const [chunk] = readdirSync(join(folder, 'index'));
		const indexed = gunzipSync(readFileSync(join(folder, 'index', chunk!))).toString('utf8');
		expect(indexed).toContain('ζ');
		// Every Arabic word in the index is an analysed form, ending in the analyser's mark: none as written.
		expect(indexed).toContain('محادثاتζ');
		expect(indexed.match(/[\u0621-\u064A]+(?![\u0621-\u064Aζ])/g)).toBeNull();
		const [name] = readdirSync(join(folder, 'fragment'));
		const fragment = JSON.parse(
			gunzipSync(readFileSync(join(folder, 'fragment', name!)))
				.toString('utf8')
				.replace(/^pagefind_dcd/, ''),
		) as { url: string; content: string; meta: Record<string, string> };
		expect(fragment.url).toBe('/news/d/');
		expect(fragment.content).toBe('قال السفراء إن المحادثات مستمرة.');
		expect(fragment.meta).toEqual({ title: 'خبر d', day: '20220110' });
	});

	test("re-indexes the changed article's shard only, and leaves the others' files untouched", () => {
		expect(second).toMatch(/ar: 4 articles indexed in 1 of 3 shards \(2025\), 2 left as they were/);
		for (const year of ['2026', '2022']) expect(files(shard('site', year))).toEqual(before[year]);
		const changed = files(shard('site', '2025'));
		expect(changed).not.toEqual(before['2025']);
		for (const [name, file] of changed) expect(file.ino).not.toBe(before['2025']!.get(name)?.ino);
	});

	test('writes nothing through a hard link: the live copy is as it was', () => {
		for (const year of ['2026', '2025', '2022']) {
			const live = files(join(dir, 'live/pagefind/ar', year));
			expect([...live].map(([name, file]) => [name, file.bytes])).toEqual(
				[...before[year]!].map(([name, file]) => [name, file.bytes]),
			);
		}
	});

	test('a site folder that starts empty gets the unchanged shards back from the cache, byte for byte', async () => {
		expect(await index(edited(), 'empty')).toMatch(
			/ar: 4 articles unchanged: the last index reused \(3 shards\), 3 copied from the cache/,
		);
		for (const year of ['2026', '2025', '2022'])
			expect([...files(shard('empty', year))].map(([name, file]) => [name, file.bytes])).toEqual(
				[...files(shard('site', year))].map(([name, file]) => [name, file.bytes]),
			);
	}, 120_000);

	test('a year whose articles are all deleted loses its shard', async () => {
		expect(await index(edited().slice(0, 3), 'site')).toMatch(
			/ar: 3 articles unchanged: the last index reused \(2 shards\)/,
		);
		expect(existsSync(shard('site', '2022'))).toBe(false);
		expect(readdirSync(join(dir, 'site/pagefind/ar')).sort()).toEqual(['2025', '2026', SHARDS_FILE, 'words']);
	}, 120_000);
});
