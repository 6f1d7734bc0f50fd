import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { pathsOfSave } from '../../src/cli/git-guard.ts';
import { projectRoot } from '../helpers/site-copy.ts';
import { freePort } from '../helpers/serve.ts';

/**
 * The CMS's local backend in git mode, against real git repositories in temporary folders. Each
 * server runs as its own process (it changes its PATH and environment) and is stopped by its pid.
 */

const running: ChildProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
	for (const child of running.splice(0)) child.kill();
	await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** Git with no system or global configuration: only what the test sets up counts. */
function gitEnv(home: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(home, 'no-gitconfig') };
	for (const key of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'EMAIL']) delete env[key];
	return env;
}

/** A repository on `main` with one commit, a changed tracked file and an unrelated new file. */
async function repository({ user }: { user: boolean }) {
	const root = await mkdtemp(join(tmpdir(), 'newsroom-cms-git-'));
	folders.push(root);
	const env = gitEnv(root);
	const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, encoding: 'utf8' });
	git('init', '-q', '-b', 'main');
	if (user) {
		git('config', 'user.name', 'Test Editor');
		git('config', 'user.email', 'editor@example.org');
	}
	await mkdir(join(root, 'content/articles/ar'), { recursive: true });
	await mkdir(join(root, 'content/media'), { recursive: true });
	await writeFile(join(root, 'README.md'), 'readme\n');
	if (user) {
		git('add', '.');
		git('commit', '-q', '-m', 'initial');
	}
	await writeFile(join(root, 'README.md'), 'readme, edited by hand\n');
	await writeFile(join(root, 'notes-ملاحظات.txt'), 'a reporter’s private notes\n');
	return { root, env, git };
}

/** Starts a server process and resolves with its API URL once it says it is listening. */
function start(command: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ url: string; child: ChildProcess }> {
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

const ourServer = (root: string, env: NodeJS.ProcessEnv) =>
	start(
		[
			'--experimental-strip-types',
			'--disable-warning=ExperimentalWarning',
			join(projectRoot, 'src/cli/cms-server.ts'),
			'--git',
			'--port',
			'0',
			'--root',
			root,
		],
		env,
		root,
	);

/** What the CMS sends when an editor publishes an article with an image. */
const save = {
	action: 'persistEntry',
	params: {
		branch: 'main',
		dataFiles: [
			{
				slug: 'budget-vote',
				path: 'content/articles/ar/budget-vote.md',
				raw: "---\ntitle: الموازنة\ndate: '2026-05-01T10:00:00+03:00'\ncategory: politics\n---\n\nنص.\n",
			},
		],
		assets: [{ path: 'content/media/budget-vote.jpg', content: Buffer.from('not really a jpeg').toString('base64'), encoding: 'base64' }],
		options: { collectionName: 'articles', commitMessage: 'Create article “budget-vote”', useWorkflow: false, status: 'draft' },
	},
};

const post = (url: string, body: unknown) =>
	fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the local backend in git mode', () => {
	test('commits exactly the files of the save, leaving other changes alone', async () => {
		const { root, env, git } = await repository({ user: true });
		const { url } = await ourServer(root, env);
		const response = await post(url, save);
		expect(response.status, await response.text()).toBe(200);
		expect(git('log', '-1', '--format=%s')).toBe('Create article “budget-vote”\n');
		expect(git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
			'content/articles/ar/budget-vote.md',
			'content/media/budget-vote.jpg',
		]);
		expect(git('-c', 'core.quotePath=false', 'status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual([
			' M README.md',
			'?? notes-ملاحظات.txt',
		]);
		expect(await readFile(join(root, 'content/articles/ar/budget-vote.md'), 'utf8')).toContain('title: الموازنة');
	});

	test('(decap-server on its own sweeps the unrelated files into the commit: what the guard prevents)', async () => {
		const { root, env, git } = await repository({ user: true });
		const port = await freePort();
		const { url } = await start(
			[join(projectRoot, 'node_modules/decap-server/dist/index.js')],
			{ ...env, MODE: 'git', BIND_HOST: '127.0.0.1', PORT: String(port), GIT_REPO_DIRECTORY: root },
			root,
		);
		// It says it listens before its git middleware is registered: wait until it answers.
		await expect.poll(async () => (await post(url, { action: 'info' })).status).toBe(200);
		expect((await post(url, save)).status).toBe(200);
		expect(git('-c', 'core.quotePath=false', 'show', '--name-only', '--format=', 'HEAD')).toContain('notes-ملاحظات.txt');
	});

	test('refuses to start, saying why, when git has no user to commit as', async () => {
		const { root, env } = await repository({ user: false });
		const error = await ourServer(root, env).then(
			() => undefined,
			(failure: Error) => failure.message,
		);
		expect(error).toMatch(/exited with 1/);
		expect(error).toContain('git has no user.name configured');
		expect(error).toContain('git config --global user.name');
	});
});

describe('the paths of a save', () => {
	test.each([
		[save, ['content/articles/ar/budget-vote.md', 'content/media/budget-vote.jpg']],
		[{ action: 'persistMedia', params: { asset: { path: 'content/media/a.jpg' } } }, ['content/media/a.jpg']],
		[
			{ action: 'deleteFiles', params: { paths: ['content/articles/ar/a.md', 'content/articles/en/a.md'] } },
			['content/articles/ar/a.md', 'content/articles/en/a.md'],
		],
		[{ action: 'persistEntry', params: { entry: { path: 'content/categories/a.yml' }, assets: [] } }, ['content/categories/a.yml']],
		[{ action: 'getEntry', params: { path: 'content/a.md' } }, undefined],
	])('%#', (body, paths) => {
		expect(pathsOfSave(body)).toEqual(paths);
	});
});
