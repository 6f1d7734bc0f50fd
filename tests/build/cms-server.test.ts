import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { FAILED_SAVE } from '../../src/cms/saves.ts';
import { api, article, cmsRepository } from '../helpers/cms.ts';
import { projectRoot } from '../helpers/site-copy.ts';
import { freePort } from '../helpers/serve.ts';

/**
 * The CMS's local backend in git mode, against real git repositories in temporary folders. Each
 * server runs as its own process (it puts its own git first on its PATH) and is stopped by its pid.
 */

const running: ChildProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
	for (const child of running.splice(0)) child.kill();
	await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

const SITE_PORT = 4398;
const TOKEN = 'test-token-0123456789';

/** Starts a server process and resolves with its API URL once it says it is listening. */
function start(
	command: string[],
	env: NodeJS.ProcessEnv,
	cwd: string,
): Promise<{ url: string; child: ChildProcess }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, command, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		running.push(child);
		let output = '';
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /(?:on|listening on) (?:http:\/\/)?(127\.0\.0\.1:\d+)/.exec(output);
			if (match) resolve({ url: `http://${match[1]}/api/v1`, child });
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
	});
}

/** Our backend in git mode on `root`, as `npm run cms:git` starts it. */
async function gitServer(root: string, env: NodeJS.ProcessEnv) {
	const script = join(projectRoot, 'src/cli/cms-server.ts');
	const args = [
		'--experimental-strip-types',
		'--disable-warning=ExperimentalWarning',
		script,
		'--git',
		'--port',
		'0',
		'--site-port',
		String(SITE_PORT),
		'--root',
		root,
	];
	const { url } = await start(args, { ...env, NEWSROOM_CMS_TOKEN: TOKEN }, root);
	return { url, token: TOKEN, origins: [`http://127.0.0.1:${SITE_PORT}`] };
}

/** A repository with a journalist's work in progress: a changed tracked file and a new one. */
async function repositoryWithWork(options?: { user?: boolean }) {
	const repo = await cmsRepository(options);
	folders.push(repo.root);
	await writeFile(join(repo.root, 'README.md'), 'readme, edited by hand\n');
	await writeFile(join(repo.root, 'notes-ملاحظات.txt'), 'a reporter’s private notes\n');
	const status = () =>
		repo.git('-c', 'core.quotePath=false', 'status', '--porcelain').split('\n').filter(Boolean).sort();
	const branches = () => repo.git('branch', '--format=%(refname:short)').split('\n').filter(Boolean).sort();
	return { ...repo, status, branches };
}

const WORK = [' M README.md', '?? notes-ملاحظات.txt'];

/** What the CMS sends when an editor saves an article with an image (`workflow`: as a draft). */
function save(slug: string, title: string, workflow: boolean) {
	return {
		action: 'persistEntry',
		params: {
			branch: 'main',
			dataFiles: [{ slug, path: `content/articles/ar/${slug}.md`, raw: article(title) }],
			assets: [
				{
					path: `content/media/${slug}.jpg`,
					content: Buffer.from('not really a jpeg').toString('base64'),
					encoding: 'base64',
				},
			],
			options: {
				collectionName: 'articles',
				commitMessage: `Create article “${slug}”`,
				useWorkflow: workflow,
				status: 'draft',
			},
		},
	};
}

/**
 * decap-server on its own (no locks, no worktree), in git mode on `root`: `ask(body)` posts
 * until it answers (it says it listens before its git middleware is registered).
 */
async function plainDecapServer(root: string, env: NodeJS.ProcessEnv) {
	const port = await freePort();
	const { url } = await start(
		[join(projectRoot, 'node_modules/decap-server/dist/index.js')],
		{ ...env, MODE: 'git', BIND_HOST: '127.0.0.1', PORT: String(port), GIT_REPO_DIRECTORY: root },
		root,
	);
	return (body: unknown) =>
		fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		}).then(
			(response) => response.status,
			() => undefined,
		);
}

describe('the local backend in git mode', () => {
	test('a publish commits exactly the files of the save, leaves the journalist’s work alone and shows in their tree', async () => {
		const repo = await repositoryWithWork();
		const server = await gitServer(repo.root, repo.env);
		const response = await api(server, save('budget-2027', 'موازنة 2027', false));
		expect(response.status, await response.text()).toBe(200);
		expect(repo.git('log', '-1', '--format=%s')).toBe('Create article “budget-2027”\n');
		expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
			'content/articles/ar/budget-2027.md',
			'content/media/budget-2027.jpg',
		]);
		expect(repo.status()).toEqual(WORK);
		expect(await readFile(join(repo.root, 'content/articles/ar/budget-2027.md'), 'utf8')).toContain(
			'title: موازنة 2027',
		);
	});

	test('a draft saves beside uncommitted work, touches nothing in the tree, and its publish arrives there', async () => {
		const repo = await repositoryWithWork();
		const server = await gitServer(repo.root, repo.env);
		const draft = await api(server, save('draft-story', 'مسودة', true));
		expect(draft.status, await draft.text()).toBe(200);
		expect(repo.branches()).toEqual(['cms/articles/draft-story', 'main']);
		expect(
			repo.git('show', '--name-only', '--format=', 'cms/articles/draft-story').trim().split('\n').sort(),
		).toEqual(['content/articles/ar/draft-story.md', 'content/media/draft-story.jpg']);
		expect(repo.status()).toEqual(WORK);
		expect(existsSync(join(repo.root, 'content/articles/ar/draft-story.md'))).toBe(false);
		const listed = (await (
			await api(server, { action: 'unpublishedEntries', params: { branch: 'main' } })
		).json()) as string[];
		expect(listed).toEqual(['articles/draft-story']);

		const published = await api(server, {
			action: 'publishUnpublishedEntry',
			params: { branch: 'main', collection: 'articles', slug: 'draft-story' },
		});
		expect(published.status, await published.text()).toBe(200);
		expect(repo.branches()).toEqual(['main']);
		expect(repo.status()).toEqual(WORK);
		expect(await readFile(join(repo.root, 'content/articles/ar/draft-story.md'), 'utf8')).toContain('مسودة');
	});

	test('a save that changes nothing commits nothing and leaves no branch', async () => {
		const repo = await repositoryWithWork();
		const server = await gitServer(repo.root, repo.env);
		const head = repo.git('rev-parse', 'HEAD');
		// The same article as Decap writes it back: quoting and key order differ, the meaning does not.
		const rewritten =
			'---\ncategory: politics\ntitle: "الموازنة"\ndate: 2026-05-01T07:00:00.000Z\n---\n\nنص المادة.\n';
		for (const workflow of [true, false]) {
			const body = save('budget-vote', 'الموازنة', workflow);
			body.params.assets = [];
			body.params.dataFiles[0]!.raw = rewritten;
			const response = await api(server, body);
			expect(response.status, await response.text()).toBe(200);
			expect(repo.git('rev-parse', 'HEAD')).toBe(head);
			expect(repo.branches()).toEqual(['main']);
		}
		expect(repo.status()).toEqual(WORK);
		// A real change is still saved.
		const changed = save('budget-vote', 'الموازنة المعدّلة', false);
		changed.params.assets = [];
		expect((await api(server, changed)).status).toBe(200);
		expect(repo.git('rev-parse', 'HEAD')).not.toBe(head);
	});

	test('a leftover empty draft branch is removed instead of breaking the article', async () => {
		const repo = await repositoryWithWork();
		repo.git('branch', 'cms/articles/budget-vote');
		repo.git('config', 'branch.cms/articles/budget-vote.description', 'decap-cms/draft');
		const server = await gitServer(repo.root, repo.env);
		const entry = await api(server, {
			action: 'unpublishedEntry',
			params: { branch: 'main', collection: 'articles', slug: 'budget-vote' },
		});
		expect(entry.status).toBe(404);
		const listed = (await (
			await api(server, { action: 'unpublishedEntries', params: { branch: 'main' } })
		).json()) as string[];
		expect(listed).toEqual([]);
		expect(repo.branches()).toEqual(['main']);
		expect(
			repo
				.git('config', '--list')
				.split('\n')
				.filter((line) => line.startsWith('branch.')),
		).toEqual([]);
	});

	test('(decap-server alone fails on that branch: what the pruning prevents)', async () => {
		const repo = await repositoryWithWork();
		repo.git('branch', 'cms/articles/budget-vote');
		const ask = await plainDecapServer(repo.root, repo.env);
		const body = {
			action: 'unpublishedEntry',
			params: { branch: 'main', collection: 'articles', slug: 'budget-vote' },
		};
		await expect.poll(() => ask(body), { timeout: 20_000 }).toBe(500);
	});

	test('a failed save leaves the repository as it was and says so in Arabic', async () => {
		const repo = await repositoryWithWork();
		const server = await gitServer(repo.root, repo.env);
		const head = repo.git('rev-parse', 'HEAD');
		// Another git process holds the branch: the commit cannot move it.
		await writeFile(join(repo.root, '.git/refs/heads/main.lock'), '');
		const response = await api(server, save('locked-story', 'قصة', false));
		expect(response.status).toBe(500);
		expect(((await response.json()) as { error: string }).error).toBe(FAILED_SAVE);
		await rm(join(repo.root, '.git/refs/heads/main.lock'));
		expect(repo.git('rev-parse', 'HEAD')).toBe(head);
		expect(repo.branches()).toEqual(['main']);
		expect(repo.status()).toEqual(WORK);
		// The next save goes through: nothing was left half done in the CMS's worktree.
		const again = await api(server, save('locked-story', 'قصة', false));
		expect(again.status, await again.text()).toBe(200);
		expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
			'content/articles/ar/locked-story.md',
			'content/media/locked-story.jpg',
		]);
	});

	test('a draft that fails halfway leaves no branch behind', async () => {
		const repo = await repositoryWithWork();
		const server = await gitServer(repo.root, repo.env);
		// The draft is created, then its second commit (the branch's status) cannot be written.
		await writeFile(join(repo.root, '.git/config.lock'), '');
		const response = await api(server, save('half-draft', 'نصف مسودة', true));
		await rm(join(repo.root, '.git/config.lock'));
		expect(response.status).toBe(500);
		expect(((await response.json()) as { error: string }).error).toBe(FAILED_SAVE);
		expect(repo.branches()).toEqual(['main']);
		expect(repo.status()).toEqual(WORK);
	});

	test('(decap-server on its own sweeps unrelated files into its commit: what the separate worktree prevents)', async () => {
		const repo = await repositoryWithWork();
		const ask = await plainDecapServer(repo.root, repo.env);
		await expect.poll(() => ask(save('swept', 'x', false)), { timeout: 20_000 }).toBe(200);
		expect(repo.git('-c', 'core.quotePath=false', 'show', '--name-only', '--format=', 'HEAD')).toContain(
			'notes-ملاحظات.txt',
		);
	});

	test('refuses to start, saying why, when git has no user to commit as', async () => {
		const repo = await repositoryWithWork({ user: false });
		const error = await gitServer(repo.root, repo.env).then(
			() => undefined,
			(failure: Error) => failure.message,
		);
		expect(error).toMatch(/exited with 1/);
		expect(error).toContain('git has no user.name configured');
		expect(error).toContain('git config --global user.name');
	});
});
