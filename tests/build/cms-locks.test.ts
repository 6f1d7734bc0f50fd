import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { readdir, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCmsServer, type CmsServer } from '../../src/cms/server.ts';
import { api, article, cmsRepository } from '../helpers/cms.ts';
import { projectRoot } from '../helpers/site-copy.ts';
import { freePort } from '../helpers/serve.ts';

/**
 * The locks of the CMS's local backend, with real HTTP requests against the server that `npm
 * start` starts (fs mode), on a throw-away repository holding content and files it must not touch.
 */

let repo: Awaited<ReturnType<typeof cmsRepository>>;
let server: CmsServer;
const SITE_PORT = 4399;

beforeAll(async () => {
	repo = await cmsRepository();
	// A symbolic link out of content/, to a file and to a folder, as a pulled branch could carry.
	await symlink('../../../package.json', join(repo.root, 'content/articles/ar/linked.md'));
	await symlink('../../src', join(repo.root, 'content/articles/src-link'));
	server = await startCmsServer({ root: repo.root, port: 0, sitePort: SITE_PORT });
});
afterAll(async () => {
	await server?.close();
	await rm(repo.root, { recursive: true, force: true });
});

/** Every file of the repository, `.git/` included, with a hash of its bytes. */
async function snapshot(root: string): Promise<Record<string, string>> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	const files: Record<string, string> = {};
	for (const entry of entries) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		files[path.slice(root.length + 1)] = createHash('sha1')
			.update(await readFile(path))
			.digest('hex');
	}
	return files;
}

/** A raw HTTP request with the Host header of our choice (fetch sets its own). */
function withHost(url: string, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const target = new URL(url);
		const body = '{"action":"info"}';
		const sent = request(
			{
				host: '127.0.0.1',
				port: target.port,
				path: target.pathname,
				method: 'POST',
				headers: {
					host,
					origin: server.origins[0],
					'x-newsroom-cms-token': server.token,
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
				},
			},
			(response) => {
				response.resume();
				resolve(response.statusCode ?? 0);
			},
		);
		sent.on('error', reject);
		sent.end(body);
	});
}

describe('who may call the backend', () => {
	test('only its own Host: a foreign one (DNS rebinding) gets 403', async () => {
		expect(await withHost(server.url, `127.0.0.1:${server.port}`)).toBe(200);
		expect(await withHost(server.url, `localhost:${server.port}`)).toBe(200);
		for (const host of [
			'evil.example',
			`evil.example:${server.port}`,
			`127.0.0.1:${server.port + 1}`,
			`[::1]:${server.port}`,
		])
			expect(await withHost(server.url, host), host).toBe(403);
	});

	test('only the CMS page of the site: other loopback origins get 403 and no CORS headers', async () => {
		expect((await api(server, { action: 'info' })).status).toBe(200);
		expect((await api(server, { action: 'info' }, { origin: `http://localhost:${SITE_PORT}` })).status).toBe(
			200,
		);
		for (const origin of [
			`http://127.0.0.1:9621`,
			`http://localhost:9621`,
			`https://127.0.0.1:${SITE_PORT}`,
			'null',
			'http://evil.example',
		]) {
			const response = await api(
				server,
				{ action: 'getEntry', params: { branch: 'main', path: 'content/articles/ar/budget-vote.md' } },
				{ origin },
			);
			expect(response.status, origin).toBe(403);
			expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
			const preflight = await fetch(server.url, {
				method: 'OPTIONS',
				headers: {
					origin,
					'access-control-request-method': 'POST',
					'access-control-request-headers': 'content-type',
				},
			});
			expect(preflight.status, origin).toBe(403);
			expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
		}
		const preflight = await fetch(server.url, {
			method: 'OPTIONS',
			headers: {
				origin: server.origins[0]!,
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'content-type,x-newsroom-cms-token',
			},
		});
		expect(preflight.headers.get('access-control-allow-origin')).toBe(server.origins[0]);
	});

	test('a request without an origin, or without the per-start secret, gets 403', async () => {
		const noOrigin = await fetch(server.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-newsroom-cms-token': server.token },
			body: '{"action":"info"}',
		});
		expect(noOrigin.status).toBe(403);
		expect((await api(server, { action: 'info' }, { 'x-newsroom-cms-token': '' })).status).toBe(403);
		expect(
			(await api(server, { action: 'info' }, { 'x-newsroom-cms-token': `${server.token}x` })).status,
		).toBe(403);
		const refused = (await (
			await api(server, { action: 'info' }, { 'x-newsroom-cms-token': 'wrong' })
		).json()) as { error: string };
		expect(refused.error).toContain('أعد تحميل الصفحة');
	});
});

/** Paths the backend must neither read nor write. */
const FORBIDDEN = [
	'.git/config',
	'.git/hooks/pre-commit',
	'package.json',
	'src/secret.ts',
	'node_modules/pkg/index.js',
	'content/../package.json',
	'content/articles/../../src/secret.ts',
	'content/%2e%2e/package.json',
	'content/articles/..%2f..%2fpackage.json',
	'content\\..\\package.json',
	'/etc/passwd',
	'content/articles/ar/linked.md',
	'content/articles/src-link/secret.ts',
	'content/articles/.git/config',
	'content',
];

/** Every kind of request that names a path, for `path`. */
function requests(path: string) {
	const options = { commitMessage: 'x', useWorkflow: false, status: 'draft' };
	const raw = '[core]\n\tfsmonitor = "touch /tmp/newsroom-owned"\n';
	return [
		{ action: 'getEntry', params: { branch: 'main', path } },
		{ action: 'entriesByFiles', params: { branch: 'main', files: [{ path }] } },
		{ action: 'entriesByFolder', params: { branch: 'main', folder: path, extension: 'json', depth: 2 } },
		{ action: 'getMedia', params: { branch: 'main', mediaFolder: path } },
		{ action: 'getMediaFile', params: { branch: 'main', path } },
		{
			action: 'persistEntry',
			params: { branch: 'main', dataFiles: [{ slug: 'x', path, raw }], assets: [], options },
		},
		{
			action: 'persistEntry',
			params: {
				branch: 'main',
				entry: { slug: 'x', path: 'content/articles/ar/x.md', raw, newPath: path },
				assets: [],
				options,
			},
		},
		{
			action: 'persistEntry',
			params: {
				branch: 'main',
				dataFiles: [{ slug: 'x', path: 'content/articles/ar/x.md', raw }],
				assets: [{ path, content: 'eA==', encoding: 'base64' }],
				options,
			},
		},
		{
			action: 'persistMedia',
			params: { branch: 'main', asset: { path, content: 'eA==', encoding: 'base64' }, options },
		},
		{ action: 'deleteFile', params: { branch: 'main', path, options } },
		{
			action: 'deleteFiles',
			params: { branch: 'main', paths: ['content/articles/ar/budget-vote.md', path], options },
		},
	];
}

describe('what the backend may touch', () => {
	test.each(FORBIDDEN)('%s: every read and write is refused, and nothing changes on disk', async (path) => {
		const before = await snapshot(repo.root);
		for (const body of requests(path)) {
			const response = await api(server, body);
			expect(response.status, `${body.action} ${path}`).toBe(403);
			expect(((await response.json()) as { error: string }).error).toMatch(/^refused: /);
		}
		expect(await snapshot(repo.root)).toEqual(before);
	});

	test('listings leave out symbolic links', async () => {
		const response = await api(server, {
			action: 'entriesByFolder',
			params: { branch: 'main', folder: 'content/articles', extension: 'md', depth: 3 },
		});
		const entries = (await response.json()) as { file: { path: string } }[];
		expect(entries.map((entry) => entry.file.path)).toEqual(['content/articles/ar/budget-vote.md']);
	});

	test('the CMS still reads, writes, uploads and deletes its content', async () => {
		const read = (await (
			await api(server, {
				action: 'getEntry',
				params: { branch: 'main', path: 'content/articles/ar/budget-vote.md' },
			})
		).json()) as { data: string };
		expect(read.data).toContain('الموازنة');
		const options = { commitMessage: 'x', useWorkflow: false, status: 'draft' };
		const saved = await api(server, {
			action: 'persistEntry',
			params: {
				branch: 'main',
				dataFiles: [
					{ slug: 'new-story', path: 'content/articles/ar/new-story.md', raw: article('خبر جديد') },
				],
				assets: [],
				options,
			},
		});
		expect(saved.status).toBe(200);
		expect(await readFile(join(repo.root, 'content/articles/ar/new-story.md'), 'utf8')).toContain('خبر جديد');
		const uploaded = await api(server, {
			action: 'persistMedia',
			params: {
				branch: 'main',
				asset: {
					path: 'content/media/photo.jpg',
					content: Buffer.from('jpeg').toString('base64'),
					encoding: 'base64',
				},
				options,
			},
		});
		expect(uploaded.status).toBe(200);
		expect(await readFile(join(repo.root, 'content/media/photo.jpg'), 'utf8')).toBe('jpeg');
		const deleted = await api(server, {
			action: 'deleteFiles',
			params: {
				branch: 'main',
				paths: ['content/articles/ar/new-story.md', 'content/media/photo.jpg'],
				options,
			},
		});
		expect(deleted.status).toBe(200);
		await expect(readFile(join(repo.root, 'content/articles/ar/new-story.md'))).rejects.toThrow();
	});
});

test('(decap-server on its own answers another localhost origin and reads .git/config: what the locks prevent)', async () => {
	const port = await freePort();
	const child: ChildProcess = spawn(
		process.execPath,
		[join(projectRoot, 'node_modules/decap-server/dist/index.js')],
		{
			env: {
				...repo.env,
				MODE: 'fs',
				BIND_HOST: '127.0.0.1',
				PORT: String(port),
				GIT_REPO_DIRECTORY: repo.root,
				LOG_LEVEL: 'error',
			},
			stdio: 'ignore',
		},
	);
	try {
		const url = `http://127.0.0.1:${port}/api/v1`;
		const ask = () =>
			fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:9621' },
				body: JSON.stringify({ action: 'getEntry', params: { branch: 'main', path: '.git/config' } }),
			}).catch(() => undefined);
		await expect.poll(async () => (await ask())?.status, { timeout: 20_000 }).toBe(200);
		const response = (await ask())!;
		expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:9621');
		expect(((await response.json()) as { data: string }).data).toContain('[core]');
	} finally {
		child.kill();
	}
});

test('a write refused halfway through a save writes none of it', async () => {
	const before = await snapshot(repo.root);
	const response = await api(server, {
		action: 'persistEntry',
		params: {
			branch: 'main',
			dataFiles: [
				{ slug: 'pair', path: 'content/articles/ar/pair.md', raw: article('زوج') },
				{ slug: 'pair', path: 'package.json', raw: '{}' },
			],
			assets: [],
			options: { commitMessage: 'x', useWorkflow: false, status: 'draft' },
		},
	});
	expect(response.status).toBe(403);
	expect(await snapshot(repo.root)).toEqual(before);
});
