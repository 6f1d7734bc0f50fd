import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSite } from '../../src/deploy/check-site.ts';
import { readWhile, serveCurrent } from '../helpers/reader.ts';
import { projectRoot } from '../helpers/site-copy.ts';

/**
 * The self-hosted deploy, end to end, with real git in temporary folders: deploy:init, a clone,
 * pushes of the project that go live (pages first, then the search index), a broken push that is
 * refused, a push whose search index fails, two pushes close together while a reader keeps
 * requesting pages, a rollback, and a scheduled rebuild with a fixed clock.
 * The tests run in order and share one target; node_modules is installed once (first push) and
 * reused by every later release.
 */

/** The build clock of every push: the sample articles are published, the future one is not. */
const NOW = '2026-12-01T09:00:00Z';
/** The scheduled article's time, an hour after NOW; the rebuild runs two hours after NOW. */
const SCHEDULED = '2026-12-01T10:00:00Z';
const REBUILD_NOW = '2026-12-01T11:00:00Z';

const strip = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

let temp: string;
let target: string;
let clone: string;

/**
 * The environment of everything the test runs: git identity-free, with Debian's Node 20 (where
 * present) first on PATH, as in CI before .ci/run adds Node 22, so that the hooks must find a
 * Node >= 22.12 themselves.
 */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const path = existsSync('/usr/bin/node') ? `/usr/bin:${process.env.PATH}` : process.env.PATH;
	return { ...process.env, PATH: path, NEWSROOM_NOW: NOW, GIT_TERMINAL_PROMPT: '0', NO_COLOR: '1', ...extra };
}

/** Runs a command; resolves with its exit code and everything it printed. */
function run(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd ?? clone,
			env: options.env ?? env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, output }));
	});
}

async function git(...args: string[]): Promise<string> {
	const { code, output } = await run('git', args);
	if (code !== 0) throw new Error(`git ${args.join(' ')} failed: ${output}`);
	return output.trim();
}

/** Arabic articles in the live index before the push whose index fails: the next push must add its story. */
let indexedBeforeFailure = 0;

/** Timings of each push, for the report at the end. */
const timings: { what: string; seconds: number }[] = [];

async function push(what: string, ...args: string[]): Promise<{ code: number | null; output: string }> {
	return pushWith(what, env(), ...args);
}

async function pushWith(
	what: string,
	environment: NodeJS.ProcessEnv,
	...args: string[]
): Promise<{ code: number | null; output: string }> {
	const started = performance.now();
	const result = await run('git', ['push', 'live', ...args], { env: environment });
	timings.push({ what, seconds: Math.round((performance.now() - started) / 100) / 10 });
	return result;
}

function article(
	title: string,
	date: string,
	body = 'نص الخبر في فقرة تكفي للقراءة، مع تفاصيل إضافية عن الحدث.',
): string {
	return `---\ntitle: '${title}'\ndate: '${date}'\ncategory: local\n---\n${body}\n`;
}

async function commitFile(path: string, text: string, message: string): Promise<string> {
	await mkdir(dirname(join(clone, path)), { recursive: true });
	await writeFile(join(clone, path), text);
	await git('add', '--all');
	await git('commit', '--quiet', '-m', message);
	return git('rev-parse', 'HEAD');
}

/** The deploy's plan of the next scheduled rebuild. */
async function plan(): Promise<{ next?: string; commit: string } | undefined> {
	const text = await readFile(join(target, 'schedule.json'), 'utf8').catch(() => undefined);
	return text ? JSON.parse(text) : undefined;
}

async function live(): Promise<string> {
	return readlink(join(target, 'current'));
}

async function livePage(path: string): Promise<string | undefined> {
	return readFile(join(target, 'current', path), 'utf8').catch(() => undefined);
}

/** Where a release's search link (`releases/<id>/pagefind`, or `current/pagefind`) points. */
async function searchLink(release: string): Promise<string> {
	return readlink(join(target, release, 'pagefind'));
}

/** The live Arabic index's shards, newest first (src/search/shards.ts). */
async function liveShards(): Promise<string[]> {
	const list = JSON.parse((await livePage('pagefind/ar/shards.json')) ?? '{"shards":[]}') as {
		shards: { name: string }[];
	};
	return list.shards.map((shard) => shard.name);
}

/** Pagefind's entry file of the live Arabic index's newest shard. */
async function newestEntryPath(): Promise<string> {
	return `pagefind/ar/${(await liveShards())[0]}/pagefind-entry.json`;
}

/** How many Arabic articles the live search index holds (each shard's Pagefind entry file counts its own). */
async function liveIndexedArticles(): Promise<number> {
	let count = 0;
	for (const shard of await liveShards()) {
		const entry = JSON.parse((await livePage(`pagefind/ar/${shard}/pagefind-entry.json`)) ?? '{}') as {
			languages?: Record<string, { page_count: number }>;
		};
		count += Object.values(entry.languages ?? {}).reduce((sum, language) => sum + language.page_count, 0);
	}
	return count;
}

/** A digest of every file of a folder, names included: equal digests, byte-for-byte equal trees. */
async function treeDigest(folder: string): Promise<string> {
	const hash = createHash('sha256');
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	const files = entries
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
	for (const file of files)
		hash
			.update(file.slice(folder.length))
			.update('\0')
			.update(await readFile(file));
	return hash.digest('hex');
}

beforeAll(async () => {
	temp = await mkdtemp(join(tmpdir(), 'newsroom-deploy-'));
	target = join(temp, 'target');
	clone = join(temp, 'clone');
});

afterAll(async () => {
	if (timings.length)
		console.log(
			`deploy test timings (s): ${timings.map(({ what, seconds }) => `${what} ${seconds}`).join(', ')}`,
		);
	await rm(temp, { recursive: true, force: true });
});

describe('deploy by git push', () => {
	test('deploy:init prepares the target, and a push of the project makes current serve the built site', async () => {
		const init = await run(
			process.execPath,
			[...strip, join(projectRoot, 'src/deploy/init.ts'), target, '--keep', '3'],
			{
				cwd: projectRoot,
			},
		);
		expect(init.output).toContain('deploy target ready');
		expect(init.code).toBe(0);
		for (const path of [
			'site.git/hooks/pre-receive',
			'site.git/hooks/post-receive',
			'bin/receive-pack',
			'bin/rebuild',
			'systemd/newsroom-rebuild.timer',
			'systemd/crontab',
		]) {
			expect(existsSync(join(target, path)), path).toBe(true);
		}

		const cloned = await run('git', ['clone', '--quiet', join(target, 'site.git'), clone], { cwd: temp });
		expect(cloned.code).toBe(0);
		await git('config', 'user.name', 'Deploy Test');
		await git('config', 'user.email', 'deploy-test@example.org');
		await git('remote', 'rename', 'origin', 'live');
		// Pushes wait for the deploy in progress, holding the lock from before git lists the refs.
		await git('config', 'remote.live.receivepack', join(target, 'bin/receive-pack'));

		// The project as committed, plus this worktree's changes to tracked files.
		const files = (await run('git', ['ls-files', '-z'], { cwd: projectRoot })).output
			.split('\0')
			.filter(Boolean);
		for (const file of files) {
			if (!existsSync(join(projectRoot, file))) continue;
			await mkdir(dirname(join(clone, file)), { recursive: true });
			await cp(join(projectRoot, file), join(clone, file));
		}
		await commitFile(
			'content/articles/ar/deploy-test.md',
			article(
				'خبر اختبار النشر',
				'2026-11-30T08:00:00Z',
				'نص خبر اختبار النشر.\n\nهذه فقرة ثانية تكفي لقراءة الصفحة.',
			),
			'The project',
		);

		const first = await push('first push (npm ci)', 'main');
		expect(first.output).toMatch(/remote: deploy: checking out the commit/);
		expect(first.output).toMatch(/remote: deploy: live: current -> releases\//);
		expect(first.code, first.output).toBe(0);
		expect(await live()).toMatch(/^releases\/\d{8}T\d{9}Z-[0-9a-f]{12}$/);
		expect(await livePage('index.html')).toContain('</html>');
		expect(await livePage('en/index.html')).toContain('</html>');
		expect(await livePage('news/deploy-test/index.html')).toContain('خبر اختبار النشر');
		expect((await checkSite(join(target, 'current'))).problems).toEqual([]);
		expect(await readdir(join(target, 'work'))).toEqual([]);
		// No index to answer meanwhile: the first release's index is built before its one switch.
		expect(first.output).toContain('no live search index to answer meanwhile: indexing before the switch');
		expect(await searchLink('current')).toBe(`../../search/${(await live()).replace('releases/', '')}`);
		expect(await liveIndexedArticles()).toBeGreaterThan(0);
	}, 600_000);

	test('a commit that adds an article goes live; a future-dated one does not yet; node_modules and the page cache are reused', async () => {
		await mkdir(join(clone, 'content/articles/ar'), { recursive: true });
		await writeFile(
			join(clone, 'content/articles/ar/scheduled-story.md'),
			article('خبر مجدول للنشر لاحقا', SCHEDULED),
		);
		await commitFile(
			'content/articles/ar/new-story.md',
			article('خبر جديد منشور', '2026-11-30T12:00:00Z'),
			'Add a story and a scheduled one',
		);
		// This push goes to plain git-receive-pack: the hooks take the lock themselves and release it after.
		const before = await live();
		const indexedBefore = await liveIndexedArticles();
		const result = await push('push: add an article', '--receive-pack=git-receive-pack', 'main');
		expect(result.code, result.output).toBe(0);
		// Pages first, with the last index answering; then the release's own index, in a second switch.
		const id = (await live()).replace('releases/', '');
		const pagesLive = result.output.indexOf(`deploy: live: current -> releases/${id}`);
		const searchLive = result.output.indexOf(
			`deploy: search index live: releases/${id}/pagefind -> search/${id}`,
		);
		expect(pagesLive, result.output).toBeGreaterThan(0);
		expect(searchLive, result.output).toBeGreaterThan(pagesLive);
		expect(result.output).toContain(`search/${before.replace('releases/', '')} answers meanwhile`);
		expect(await searchLink('current')).toBe(`../../search/${id}`);
		expect(await liveIndexedArticles()).toBe(indexedBefore + 1);
		expect(existsSync(join(target, 'deploy.lock'))).toBe(false);
		expect(result.output).toContain('node_modules reused');
		// Astro's incremental-build cache came with the last release, and the build started from the
		// live release (hard links): unchanged pages are kept in place, neither rendered nor copied.
		expect(result.output).toContain('[newsroom:output] starting from the last output');
		expect(result.output).toMatch(/\/index\.html \(cached\)/);
		expect(result.output).not.toMatch(/\(restored\)/);
		expect(await livePage('news/new-story/index.html')).toContain('خبر جديد منشور');
		expect(await livePage('news/scheduled-story/index.html')).toBeUndefined();
		// The plan of the next rebuild: the scheduled story's time, from the pushed commit.
		expect(result.output).toContain(
			`deploy: the next scheduled article is due at ${new Date(SCHEDULED).toISOString()}`,
		);
		expect(await plan()).toMatchObject({
			next: new Date(SCHEDULED).toISOString(),
			commit: await git('rev-parse', 'HEAD'),
		});
	}, 420_000);

	test('a push with a broken article is rejected and current stays exactly as it was', async () => {
		const before = await live();
		const digest = await treeDigest(join(target, before));
		const releases = await readdir(join(target, 'releases'));
		const main = await git('ls-remote', 'live', 'refs/heads/main');

		// No title: the schema refuses it and the build fails, naming the file.
		await commitFile(
			'content/articles/ar/broken.md',
			`---\ndate: '2026-11-30T12:00:00Z'\ncategory: local\n---\nنص.\n`,
			'A broken article',
		);
		const result = await push('push: broken article (rejected)', 'main');
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('content/articles/ar/broken.md');
		expect(result.output).toMatch(/deploy: FAILED while build/);
		expect(result.output).toMatch(/the live site is unchanged: current -> releases\//);
		expect(result.output).toMatch(/\[remote rejected\] main -> main \(pre-receive hook declined\)/);

		expect(await live()).toBe(before);
		expect(await treeDigest(join(target, before))).toBe(digest);
		expect(await readdir(join(target, 'releases'))).toEqual(releases);
		expect(await git('ls-remote', 'live', 'refs/heads/main')).toBe(main);
		expect(await readdir(join(target, 'work'))).toEqual([]);
		await git('reset', '--quiet', '--hard', 'HEAD~1');
	}, 420_000);

	test('a push whose search index fails: its pages go live, the last index keeps answering, and the push says so', async () => {
		const before = await live();
		const lastIndex = await searchLink(before);
		const entryPath = await newestEntryPath();
		const lastEntry = await livePage(entryPath);
		const lastIndexDigest = await treeDigest(join(target, before, 'pagefind'));
		const indexedBefore = await liveIndexedArticles();
		indexedBeforeFailure = indexedBefore;
		const commit = await commitFile(
			'content/articles/ar/unindexed-story.md',
			article('خبر لم يفهرس بعد', '2026-11-30T13:00:00Z'),
			'Add a story whose index fails',
		);
		// Pagefind's npm package runs the binary PAGEFIND_BINARY_PATH names: a missing one makes the
		// index fail as a broken install of Pagefind would. Astro, and so the pages, never use it.
		const result = await pushWith(
			'push: search index fails',
			env({ PAGEFIND_BINARY_PATH: join(temp, 'no-pagefind-here') }),
			'main',
		);
		const id = (await live()).replace('releases/', '');

		// Reported: what failed, what is live, and the push accepted (its pages are live).
		expect(result.code, result.output).toBe(0);
		expect(result.output).toMatch(
			/remote: deploy: FAILED while building the search index: npm run build:search failed/,
		);
		expect(result.output).toContain(
			`live now: the pages of releases/${id}, with the search index of an earlier release (${lastIndex.replace('../../', '')})`,
		);
		expect(result.output).toContain('SEARCH INDEX WAS NOT UPDATED');
		expect(await git('ls-remote', 'live', 'refs/heads/main')).toContain(commit);
		const logFile = join(target, 'logs', `${id}.log`);
		expect(await readFile(logFile, 'utf8')).toContain('FAILED while building the search index');

		// The new pages are live, with the last index, untouched, answering through current.
		expect(id).toContain(commit.slice(0, 12));
		expect(await livePage('news/unindexed-story/index.html')).toContain('خبر لم يفهرس بعد');
		expect(await searchLink('current')).toBe(lastIndex);
		expect(await treeDigest(join(target, 'current', 'pagefind'))).toBe(lastIndexDigest);
		expect(existsSync(join(target, 'search', id))).toBe(false);
		expect(await liveIndexedArticles()).toBe(indexedBefore);
		const { server, url } = await serveCurrent(join(target, 'current'));
		try {
			const response = await fetch(`${url}/${entryPath}`);
			expect(response.status).toBe(200);
			expect(await response.text()).toBe(lastEntry);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
		expect((await checkSite(join(target, 'current'))).problems).toEqual([]);
		expect(await readdir(join(target, 'work'))).toEqual([]);
	}, 420_000);

	test('other branches (the CMS drafts) are accepted and not deployed', async () => {
		const before = await live();
		const releases = await readdir(join(target, 'releases'));
		await git('checkout', '--quiet', '-b', 'cms/posts/draft-story');
		await commitFile(
			'content/articles/ar/draft-story.md',
			article('مسودة', '2026-11-30T12:00:00Z'),
			'A draft',
		);
		const result = await push('push: cms/ branch', 'cms/posts/draft-story');
		await git('checkout', '--quiet', 'main');
		expect(result.code, result.output).toBe(0);
		expect(result.output).toContain('cms/posts/draft-story: accepted, not deployed');
		expect(await live()).toBe(before);
		expect(await readdir(join(target, 'releases'))).toEqual(releases);
	}, 180_000);

	test('two pushes close together: the later one ends live, no release is half-written, a reader never gets an error', async () => {
		const { server, url } = await serveCurrent(join(target, 'current'));
		try {
			const commitA = await commitFile(
				'content/articles/ar/deploy-test.md',
				article('النسخة الأولى', '2026-11-30T08:00:00Z'),
				'First version',
			);
			const pushA = push('push A (concurrent)', 'main');
			// Push B starts while A is building.
			for (
				let waited = 0;
				(await readdir(join(target, 'work')).catch(() => [])).length === 0 && waited < 600;
				waited++
			) {
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			const commitB = await commitFile(
				'content/articles/ar/deploy-test.md',
				article('النسخة الثانية', '2026-11-30T08:00:00Z'),
				'Second version',
			);
			const pushB = push('push B (waits for A)', 'main');
			const both = Promise.all([pushA, pushB]);
			const reader = await readWhile(url, ['/', '/en/', '/news/deploy-test/'], both);
			const [resultA, resultB] = await both;

			expect(resultA.code, resultA.output).toBe(0);
			expect(resultB.code, resultB.output).toBe(0);
			expect(resultB.output).toContain('waiting for the deploy in progress');
			expect(await live()).toContain(commitB.slice(0, 12));
			expect(await git('ls-remote', 'live', 'refs/heads/main')).toContain(commitB);
			expect(
				(await readdir(join(target, 'releases'))).some((name) => name.endsWith(commitA.slice(0, 12))),
			).toBe(true);
			expect(await livePage('news/deploy-test/index.html')).toContain('النسخة الثانية');

			// Every release folder is a whole site; nothing is left half-built; at most `keep` are kept.
			const releases = await readdir(join(target, 'releases'));
			expect(releases.length).toBeLessThanOrEqual(3);
			for (const release of releases)
				expect((await checkSite(join(target, 'releases', release))).problems, release).toEqual([]);
			expect(await readdir(join(target, 'work'))).toEqual([]);

			// The next push indexed again: the story the failed index missed is found now.
			for (const release of releases)
				expect(await searchLink(join('releases', release)), release).toMatch(/^\.\.\/\.\.\/search\//);
			expect(await searchLink('current')).toBe(`../../${(await live()).replace('releases', 'search')}`);
			expect(await liveIndexedArticles()).toBe(indexedBeforeFailure + 1);
			// Only the indexes that kept releases link to are kept.
			const linked = new Set(
				await Promise.all(
					releases.map(async (release) => basename(await searchLink(join('releases', release)))),
				),
			);
			expect((await readdir(join(target, 'search'))).sort()).toEqual([...linked].sort());

			expect(reader.failures).toEqual([]);
			expect(reader.requests).toBeGreaterThan(20);
			expect(reader.headings).toContain('النسخة الثانية');
			console.log(
				`reader during two pushes: ${reader.requests} requests, none failed; saw ${[...reader.headings].join(' / ')}`,
			);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	}, 600_000);

	test('deploy:rollback goes back one release, while a reader keeps reading', async () => {
		const { server, url } = await serveCurrent(join(target, 'current'));
		try {
			const releases = await readdir(join(target, 'releases'));
			const before = await live();
			const index = releases.indexOf(before.replace('releases/', ''));
			const rollback = run(
				process.execPath,
				[...strip, join(projectRoot, 'src/deploy/rollback.ts'), target],
				{ cwd: projectRoot },
			);
			const reader = await readWhile(url, ['/', '/en/', '/news/deploy-test/'], rollback);
			const result = await rollback;
			expect(result.code, result.output).toBe(0);
			expect(await live()).toBe(`releases/${releases[index - 1]}`);
			expect(await livePage('news/deploy-test/index.html')).toContain('النسخة الأولى');
			// Its own index came back with its pages.
			expect(await searchLink('current')).toBe(`../../search/${releases[index - 1]}`);
			expect(await livePage(await newestEntryPath())).toContain('page_count');
			expect(result.output).toContain(`with its own search index (search/${releases[index - 1]})`);
			expect(reader.failures).toEqual([]);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	}, 180_000);

	test("the minute timer's command does nothing before the planned time, then publishes the scheduled article and plans again", async () => {
		const before = await live();
		const hourly = await readFile(join(target, 'systemd/newsroom-rebuild.service'), 'utf8');
		expect(/^ExecStart=(.+)$/m.exec(hourly)?.[1]).toBe(join(target, 'bin/rebuild'));
		const service = await readFile(join(target, 'systemd/newsroom-due.service'), 'utf8');
		const command = /^ExecStart=(.+)$/m.exec(service)?.[1];
		expect(command).toBe(join(target, 'bin/due'));
		expect(await readFile(join(target, 'systemd/newsroom-due.timer'), 'utf8')).toMatch(
			/^OnCalendar=\*-\*-\* \*:\*:05$/m,
		);
		expect(await readFile(join(target, 'systemd/crontab'), 'utf8')).toContain(`* * * * * ${command} >>`);

		// A minute before the scheduled story's time: nothing to do, nothing built.
		const early = new Date(Date.parse(SCHEDULED) - 60_000).toISOString();
		const idle = await run(command!, [], { cwd: temp, env: env({ NEWSROOM_NOW: early }) });
		expect(idle.code, idle.output).toBe(0);
		expect(idle.output).toBe('');
		expect(await live()).toBe(before);

		const started = performance.now();
		const result = await run(command!, [], { cwd: temp, env: env({ NEWSROOM_NOW: REBUILD_NOW }) });
		timings.push({
			what: 'scheduled rebuild',
			seconds: Math.round((performance.now() - started) / 100) / 10,
		});
		expect(result.code, result.output).toBe(0);
		expect(result.output).toContain(`due: an article was scheduled for ${new Date(SCHEDULED).toISOString()}`);
		expect(result.output).toContain('scheduled rebuild of the live commit');
		// Planned again from the rebuilt commit: the next future article of the sample content.
		const next = (await plan())?.next;
		expect(next && Date.parse(next)).toBeGreaterThan(Date.parse(REBUILD_NOW));
		// After the rollback the live release is not the output Astro's cache describes.
		expect(result.output).toContain('is not the output the cache describes');
		expect(await live()).not.toBe(before);
		// The live commit (the rolled-back one) is rebuilt, not the newer main.
		expect((await live()).slice(-12)).toBe(before.slice(-12));
		expect(await livePage('news/scheduled-story/index.html')).toContain('خبر مجدول للنشر لاحقا');
		expect((await stat(join(target, 'current'))).isDirectory()).toBe(true);
		expect((await readdir(join(target, 'releases'))).length).toBeLessThanOrEqual(3);
	}, 420_000);

	test('a commit that changes the search code builds its index before its one switch (its search page may not read the last index)', async () => {
		const client = 'src/search/client.ts';
		await commitFile(
			client,
			`${await readFile(join(clone, client), 'utf8')}\n// The search code changed.\n`,
			'Change the search code',
		);
		const result = await push('push: search code changed', 'main');
		expect(result.code, result.output).toBe(0);
		// Every push plans the next scheduled rebuild again, from its own commit.
		expect(await plan()).toMatchObject({ commit: await git('rev-parse', 'HEAD') });
		const id = (await live()).replace('releases/', '');
		const indexed = result.output.indexOf(
			'deploy: the search code changed: the new search page needs its own index',
		);
		const pagesLive = result.output.indexOf(`deploy: live: current -> releases/${id}`);
		expect(indexed, result.output).toBeGreaterThan(0);
		expect(pagesLive).toBeGreaterThan(indexed);
		expect(result.output).not.toContain('deploy: search index live');
		expect(await searchLink('current')).toBe(`../../search/${id}`);
		expect((await checkSite(join(target, 'current'))).problems).toEqual([]);
	}, 420_000);
});
