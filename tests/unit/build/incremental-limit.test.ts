import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
	articleCount,
	INCREMENTAL_ARTICLES,
	incrementalBuildFits,
	incrementalLimit,
} from '#src/build/incremental-limit.ts';

/** The archive size past which the build renders every page (Astro's manifest could not hold it). */

let content: string;
beforeAll(async () => {
	content = await mkdtemp(join(tmpdir(), 'incremental-limit-'));
	for (const [folder, names] of [
		['articles/ar', ['a.md', 'b.md', 'c.mdx', 'notes.txt']],
		['articles/en', ['a.md']],
		['pages/ar', ['about.md']],
	] as const) {
		mkdirSync(join(content, folder), { recursive: true });
		for (const name of names) writeFileSync(join(content, folder, name), '---\n---\n');
	}
});
afterAll(() => rm(content, { recursive: true, force: true }));

test('counts the article files of both languages, and nothing else', () => {
	expect(articleCount(content)).toBe(4);
	expect(articleCount(join(content, 'missing'))).toBe(0);
});

test('the limit is the constant unless the newsroom sets its own', () => {
	expect(incrementalLimit({})).toBe(INCREMENTAL_ARTICLES);
	expect(incrementalLimit({ NEWSROOM_INCREMENTAL_ARTICLES: '3' })).toBe(3);
	expect(incrementalLimit({ NEWSROOM_INCREMENTAL_ARTICLES: 'many' })).toBe(INCREMENTAL_ARTICLES);
});

test('an archive over the limit builds without the incremental build; at the limit, with it', () => {
	expect(incrementalBuildFits(content, { NEWSROOM_INCREMENTAL_ARTICLES: '3' })).toBe(false);
	expect(incrementalBuildFits(content, { NEWSROOM_INCREMENTAL_ARTICLES: '4' })).toBe(true);
	expect(incrementalBuildFits(content, {})).toBe(true);
});
