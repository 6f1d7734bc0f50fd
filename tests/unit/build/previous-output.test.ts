import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { recordOutput, settleOutput, startOutput } from '#src/build/previous-output.ts';

/**
 * Settling a build that started from the last output's files: the pages Astro's manifest names
 * are kept, what the build wrote stays, the rest of the last output goes; and a manifest that
 * cannot be read stops the build instead of deleting the pages it kept.
 */

let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

/** Astro's manifest of these output files, written as Astro writes it (tabs, percent-encoded paths). */
function manifest(outputFiles: string[]): void {
	const paths = Object.fromEntries(
		outputFiles.map((file) => [`/${file}`, { cacheKey: 'k', outputFile: encodeURI(file), staticImages: [] }]),
	);
	writeFileSync(
		at('cache/incremental-build.json'),
		JSON.stringify(
			{ version: 1, routes: { 'src/pages/x.astro': { dependencyHash: 'h', paths } } },
			null,
			'\t',
		),
	);
}

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'previous-output-'));
	for (const file of ['index.html', 'news/a/index.html', 'news/خبر/index.html', 'news/gone/index.html']) {
		mkdirSync(at('live', file, '..'), { recursive: true });
		writeFileSync(at('live', file), file);
	}
	mkdirSync(at('cache'));
	manifest(['index.html', 'news/a/index.html', 'news/خبر/index.html', 'news/gone/index.html']);
	recordOutput(at('cache'), at('live'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('keeps the pages the manifest names and what the build wrote, and removes the rest', () => {
	const start = startOutput({ next: at('next'), previous: at('live'), cacheDir: at('cache'), force: false });
	expect(start.linked).toBe(4);
	// The build renders the front page anew (a new file) and a new story, and no longer makes "gone".
	rmSync(at('next/index.html'));
	writeFileSync(at('next/index.html'), 'front page');
	mkdirSync(at('next/news/new'));
	writeFileSync(at('next/news/new/index.html'), 'new');
	manifest(['index.html', 'news/a/index.html', 'news/خبر/index.html', 'news/new/index.html']);
	expect(settleOutput(at('next'), at('cache'), start.since)).toEqual({ kept: 2, removed: 1 });
	expect(existsSync(at('next/news/gone'))).toBe(false);
	expect(readFileSync(at('next/news/خبر/index.html'), 'utf8')).toBe('news/خبر/index.html');
	expect(readFileSync(at('next/news/new/index.html'), 'utf8')).toBe('new');
	expect(readFileSync(at('next/index.html'), 'utf8')).toBe('front page');
	expect(existsSync(at('live/news/gone/index.html'))).toBe(true);
});

test('a manifest that cannot be read stops the build and deletes nothing', () => {
	const start = startOutput({ next: at('next'), previous: at('live'), cacheDir: at('cache'), force: false });
	rmSync(at('cache/incremental-build.json'));
	mkdirSync(at('cache/incremental-build.json'));
	expect(() => settleOutput(at('next'), at('cache'), start.since)).toThrow(/EISDIR/);
	expect(existsSync(at('next/news/a/index.html'))).toBe(true);
});
