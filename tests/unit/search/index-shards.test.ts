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
 * the newest year is a shard, the older years an archive shard; a change re-indexes its shard
 * only; the other shards' files are left as they are when the site folder already holds them
 * (same inode, same time), and come back byte for byte from the cache when it does not; nothing
 * shared with a live site by hard links is written through.
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
const NEWEST = '2026';
const ARCHIVE = '2022-2025';

let dir: string;
const lines: string[] = [];

async function index(records: ReturnType<typeof article>[], site: string, cache = 'cache', force = false) {
	for (const locale of ['ar', 'en'] as const)
		await writeRecords(
			recordsFile(join(dir, cache), locale),
			(async function* () {
				for (const record of records) yield JSON.stringify(record);
			})(),
		);
	await indexSearchRecords(join(dir, cache), join(dir, site), (line) => lines.push(line), { force });
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

const shard = (site: string, name: string) => join(dir, site, 'pagefind/ar', name);

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'index-shards-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a language indexed in shards of years', () => {
	let before: Record<string, ReturnType<typeof files>>;
	let second: string;

	beforeAll(async () => {
		expect(await index(ARTICLES, 'site')).toMatch(
			/ar: 4 articles indexed in 2 of 2 shards \(2026, 2022-2025\)/,
		);
		before = Object.fromEntries([NEWEST, ARCHIVE].map((name) => [name, files(shard('site', name))]));
		// The next build starts from this output, whose files are also the live site's (hard links).
		execFileSync('cp', ['-al', join(dir, 'site'), join(dir, 'live')]);
		second = await index(edited(), 'site');
	}, 120_000);

	test('writes the newest year and an archive of the older years, newest first in the shard list, and the word lists once for the language', () => {
		const list = JSON.parse(readFileSync(join(dir, 'site/pagefind/ar', SHARDS_FILE), 'utf8')) as ShardList;
		expect(list.shards.map(({ name, years }) => ({ name, years }))).toEqual([
			{ name: NEWEST, years: ['2026'] },
			{ name: ARCHIVE, years: ['2025', '2022'] },
		]);
		for (const name of [NEWEST, ARCHIVE])
			expect(existsSync(join(shard('site', name), 'pagefind-entry.json'))).toBe(true);
		expect(existsSync(join(dir, 'site/pagefind/ar/words'))).toBe(true);
		expect(existsSync(join(shard('site', '2026'), 'pagefind-ui.js'))).toBe(false);
	});

	test('indexes the analysed forms only; a result shows the headline and text as written, from its fragment', () => {
		const folder = shard('site', NEWEST);
		const [chunk] = readdirSync(join(folder, 'index'));
		const indexed = gunzipSync(readFileSync(join(folder, 'index', chunk!))).toString('utf8');
		expect(indexed).toContain('ζ');
		// Every Arabic word in the index is an analysed form, ending in the analyser's mark: none as written.
		expect(indexed).toContain('وزيرζ');
		expect(indexed.match(/[\u0621-\u064A]+(?![\u0621-\u064Aζ])/g)).toBeNull();
		const fragments = readdirSync(join(folder, 'fragment')).map(
			(name) =>
				JSON.parse(
					gunzipSync(readFileSync(join(folder, 'fragment', name)))
						.toString('utf8')
						.replace(/^pagefind_dcd/, ''),
				) as { url: string; content: string; meta: Record<string, string> },
		);
		const fragment = fragments.find((found) => found.url === '/news/a/')!;
		expect(fragment.content).toBe('أعلن الوزير عن الموازنة الجديدة.');
		expect(fragment.meta).toEqual({ title: 'خبر a', day: '20261120' });
	});

	test("re-indexes the changed article's shard only, and leaves the others' files untouched", () => {
		expect(second).toMatch(/ar: 4 articles indexed in 1 of 2 shards \(2022-2025\), 1 left as they were/);
		expect(files(shard('site', NEWEST))).toEqual(before[NEWEST]);
		const changed = files(shard('site', ARCHIVE));
		expect(changed).not.toEqual(before[ARCHIVE]);
		for (const [name, file] of changed) expect(file.ino).not.toBe(before[ARCHIVE]!.get(name)?.ino);
	});

	test("keeps the re-indexed shard in the cache as links to the site's files, not a copy, and nothing aside", () => {
		const cached = files(join(dir, 'cache/search-index/ar', ARCHIVE, 'bundle'));
		expect([...cached].map(([name, file]) => [name, file.ino])).toEqual(
			[...files(shard('site', ARCHIVE))].map(([name, file]) => [name, file.ino]),
		);
		expect(readdirSync(join(dir, 'cache/search-index/ar')).sort()).toEqual(
			[NEWEST, ARCHIVE, 'survey.json'].sort(),
		);
	});

	test('writes nothing through a hard link: the live copy is as it was', () => {
		for (const shardName of [NEWEST, ARCHIVE]) {
			const live = files(join(dir, 'live/pagefind/ar', shardName));
			expect([...live].map(([name, file]) => [name, file.bytes])).toEqual(
				[...before[shardName]!].map(([name, file]) => [name, file.bytes]),
			);
		}
	});

	test('a site folder that starts empty gets the unchanged shards back from the cache, byte for byte, as links', async () => {
		expect(await index(edited(), 'empty')).toMatch(
			/ar: 4 articles unchanged: the last index reused \(2 shards\), 2 copied from the cache/,
		);
		for (const shardName of [NEWEST, ARCHIVE]) {
			const back = files(shard('empty', shardName));
			expect([...back].map(([name, file]) => [name, file.bytes])).toEqual(
				[...files(shard('site', shardName))].map(([name, file]) => [name, file.bytes]),
			);
			// The cache's own files, linked rather than copied: a shard of 40,000 articles is as many files.
			const cached = files(join(dir, 'cache/search-index/ar', shardName, 'bundle'));
			expect([...back].map(([name, file]) => [name, file.ino])).toEqual(
				[...cached].map(([name, file]) => [name, file.ino]),
			);
		}
	}, 120_000);

	test("an article of the newest year re-indexes the newest year's shard only", async () => {
		const archive = files(shard('site', ARCHIVE));
		const published = [article('e', '2026-12-01T10:00:00+03:00', 'وصل الوفد إلى العاصمة.'), ...edited()];
		expect(await index(published, 'site')).toMatch(
			/ar: 5 articles indexed in 1 of 2 shards \(2026\), 1 left as they were/,
		);
		expect(files(shard('site', ARCHIVE))).toEqual(archive);
	}, 120_000);

	test('when the year turns, the year that was newest joins the archive shard, and the old folders go', async () => {
		const turned = [article('f', '2027-01-02T10:00:00+03:00', 'بدأ العام الدراسي.'), ...edited()];
		expect(await index(turned, 'site')).toMatch(
			/ar: 5 articles indexed in 2 of 2 shards \(2027, 2022-2026\)/,
		);
		expect(readdirSync(join(dir, 'site/pagefind/ar')).sort()).toEqual([
			'2022-2026',
			'2027',
			SHARDS_FILE,
			'words',
		]);
	}, 120_000);

	test("a year whose articles are all deleted leaves its shard's range", async () => {
		expect(await index(edited().slice(0, 3), 'site')).toMatch(
			/ar: 3 articles indexed in 2 of 2 shards \(2026, 2025\)/,
		);
		expect(readdirSync(join(dir, 'site/pagefind/ar')).sort()).toEqual(['2025', '2026', SHARDS_FILE, 'words']);
	}, 120_000);
});

describe('the survey of each year, kept between builds', () => {
	/** Every file of a language's bundle, by path: its bytes. */
	const bundle = (site: string) =>
		[...files(join(dir, site, 'pagefind/ar'))].map(([name, file]) => [name, file.bytes]);
	const BASE = [
		...ARTICLES,
		article('r', '2023-03-01T10:00:00+03:00', 'قال الرئيس الروسي إن المحادثات مستمرة.'),
	];

	beforeAll(async () => {
		expect(await index(BASE, 'survey', 'survey-cache')).toMatch(/; 4 of 4 years surveyed;/);
	});

	test('an article of the newest year surveys its year alone, and the bundle is that of a build that surveyed every year', async () => {
		const published = [article('h', '2026-12-02T10:00:00+03:00', 'افتتح الوزير الملعب.'), ...BASE];
		expect(await index(published, 'survey', 'survey-cache')).toMatch(
			/ar: 6 articles indexed in 1 of 2 shards \(2026\), 1 left as they were; 1 of 4 years surveyed;/,
		);
		expect(await index(published, 'survey-forced', 'forced-cache', true)).toMatch(/; 4 of 4 years surveyed;/);
		expect(bundle('survey')).toEqual(bundle('survey-forced'));
	}, 120_000);

	test("a new form related to an archive article's words re-indexes the archive too («روسيا» for «الروسي» of 2023)", async () => {
		const published = [article('g', '2026-12-01T10:00:00+03:00', 'زار الوفد روسيا.'), ...BASE];
		expect(await index(published, 'survey', 'survey-cache')).toMatch(
			/ar: 6 articles indexed in 2 of 2 shards \(2026, 2022-2025\); 1 of 4 years surveyed;/,
		);
		expect(await index(published, 'survey-forced', 'forced-cache', true)).toMatch(/; 4 of 4 years surveyed;/);
		expect(bundle('survey')).toEqual(bundle('survey-forced'));
	}, 120_000);
});
