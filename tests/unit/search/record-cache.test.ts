import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchCodeKey, RecordCache } from '#src/search/record-cache.ts';
import { searchRecord, type ArticleForSearch } from '#src/search/records.ts';
import { projectRoot } from '../../helpers/site-copy.ts';

const article = (slug: string, body: string): ArticleForSearch => ({
	url: `/news/${slug}/`,
	title: `عنوان ${slug}`,
	html: `<p>${body}</p>`,
	date: new Date('2026-11-20T10:00:00+03:00'),
	category: 'world',
	timeZone: 'Asia/Riyadh',
});
const a = article('a', 'أعلن الوزراء عن الموازنة الجديدة.');
const b = article('b', 'افتتح الملعب الوطني أمام الجماهير.');
const c = article('c', 'ارتفعت أسعار النفط في الأسواق.');

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'record-cache-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** One build's records step: the cache opened, the articles' records taken from it, the cache kept. */
async function build(articles: ArticleForSearch[], code = 'code-1', reuse = true) {
	const cache = new RecordCache(dir, 'ar', code);
	await cache.open({ reuse });
	const records = [];
	for (const each of articles) records.push(await cache.record(each));
	await cache.close();
	return { records, analysed: cache.analysed, reused: cache.reused };
}

describe('search records cached by what each was made from', () => {
	test('a first build analyses every article', async () => {
		const first = await build([a, b, c]);
		expect(first).toMatchObject({ analysed: 3, reused: 0 });
		expect(first.records).toEqual([a, b, c].map((each) => JSON.stringify(searchRecord(each))));
	});

	test('the next build analyses only the changed article, and the reused records are the same bytes', async () => {
		const changed = { ...b, html: '<p>افتتح الملعب الوطني الجديد.</p>' };
		const next = await build([a, changed, c]);
		expect(next).toMatchObject({ analysed: 1, reused: 2 });
		expect(next.records).toEqual([a, changed, c].map((each) => JSON.stringify(searchRecord(each))));
	});

	test('a deleted article leaves the cache, so it is analysed again if it comes back', async () => {
		await build([a, c]);
		expect(await build([a, b, c])).toMatchObject({ analysed: 1, reused: 2 });
	});

	test('other analysing code, or a forced build, analyses everything', async () => {
		expect(await build([a, b, c], 'code-2')).toMatchObject({ analysed: 3, reused: 0 });
		expect(await build([a, b, c], 'code-2', false)).toMatchObject({ analysed: 3, reused: 0 });
		expect((await readFile(join(dir, 'search-record-cache', 'ar.tsv'), 'utf8')).split('\n')[0]).toBe(
			'code-2',
		);
	});

	test('the code key is a digest, the same for the same code', async () => {
		const key = await searchCodeKey(projectRoot);
		expect(key).toMatch(/^[\w-]{43}$/);
		expect(await searchCodeKey(projectRoot)).toBe(key);
	});
});
