import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

/** The hosted pipelines' check (`npm run schedule -- due`), run as they run it, on a small content tree. */
const root = mkdtempSync(join(tmpdir(), 'schedule-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'articles/ar'), { recursive: true });
const article = (date: string, extra = '') =>
	`---\ntitle: خبر\ndate: '${date}'\ncategory: world\n${extra}---\nنص.\n`;
writeFileSync(join(root, 'articles/ar/old.md'), article('2026-11-01T09:00:00+03:00'));
writeFileSync(join(root, 'articles/ar/embargo.md'), article('2026-12-01T06:00:00+03:00'));
writeFileSync(join(root, 'articles/ar/held.md'), article('2026-12-01T05:00:00+03:00', 'draft: true\n'));

function schedule(now: string, ...args: string[]) {
	const result = spawnSync(
		process.execPath,
		[
			'--experimental-strip-types',
			'--disable-warning=ExperimentalWarning',
			'src/cli/schedule.ts',
			...args,
			'--content',
			root,
		],
		{ env: { ...process.env, NEWSROOM_NOW: now }, encoding: 'utf8' },
	);
	return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

test('next: the time of the next future article', () => {
	expect(schedule('2026-12-01T02:00:00Z', 'next')).toEqual({ code: 0, output: '2026-12-01T03:00:00.000Z\n' });
	expect(schedule('2026-12-01T04:00:00Z', 'next')).toEqual({ code: 0, output: '' });
});

test('due: skips the build when nothing became due, asks for one when something did', () => {
	const since = '2026-12-01T02:55:00Z';
	const skip = schedule('2026-12-01T02:59:00Z', 'due', '--since', since);
	expect(skip.code).toBe(1);
	expect(skip.output).toContain('no build needed');
	const build = schedule('2026-12-01T03:01:00Z', 'due', '--since', since);
	expect(build.code).toBe(0);
	expect(build.output).toContain('due: articles/ar/embargo.md (2026-12-01T03:00:00.000Z)');
	// The hourly refresh (the news sitemap's two days move on) is asked for with --max-age.
	expect(schedule('2026-12-01T04:00:00Z', 'due', '--since', since, '--max-age', '60').code).toBe(0);
	expect(schedule('2026-12-01T02:59:00Z', 'due', '--since', 'yesterday').code).toBe(2);
});
