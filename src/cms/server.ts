/**
 * The CMS's local backend: decap-server (a dependency) behind the newsroom's locks, on 127.0.0.1.
 * In: requests from the CMS page on the site's own origin. Out: files read and written under
 * content/ (fs mode) or commits on the checked-out branch (git mode).
 *
 * Request path: Host lock → origin lock → token lock → JSON body → path lock → one save at a
 * time, undone on failure (`saves.ts`) → decap-server.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { cmsCollections, MEDIA_FOLDER } from '../../admin/config.ts';
import { openWorkspace, type Workspace } from './git-workspace.ts';
import { cmsOrigins, hostLock, originLock, tokenLock, type Middleware } from './locks.ts';
import { editedRoots, pathLock } from './paths.ts';
import { fsMode, gitMode, saves } from './saves.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export type CmsServerMode = 'fs' | 'git';

/** The little of express this uses: decap-server's middlewares register on an express app. */
type ExpressApp = ((request: unknown, response: unknown) => void) & {
	use(...handlers: unknown[]): void;
	disable(setting: string): void;
};
type ExpressModule = { (): ExpressApp; json(options: { limit: string }): Middleware };

export interface CmsServer {
	/** The API URL for the CMS's `local_backend.url`. */
	url: string;
	port: number;
	/** The per-start secret the CMS must send (`NEWSROOM_CMS_TOKEN` of the admin bundle). */
	token: string;
	/** The origins allowed to call it: the site's, on both loopback names. */
	origins: string[];
	close(): Promise<void>;
}

/** Why git cannot commit at `root`, or undefined when it can (a repository with a user name and e-mail). */
export async function gitProblem(
	root: string,
	env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
	try {
		await run('git', ['rev-parse', '--git-dir'], { cwd: root, env });
	} catch {
		return `${root} is not a git repository: run "git init" there, or start the CMS without --git.`;
	}
	for (const key of ['user.name', 'user.email']) {
		const { stdout } = await run('git', ['config', key], { cwd: root, env }).catch(() => ({ stdout: '' }));
		if (stdout.trim()) continue;
		return `git has no ${key} configured, so the CMS cannot commit as anyone. Set it with: git config --global ${key} "…" (or without --global for this repository only).`;
	}
	return undefined;
}

/** The branch checked out at `root`. */
async function checkedOutBranch(root: string): Promise<string> {
	const { stdout } = await run('git', ['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: root }).catch(
		() => ({ stdout: '' }),
	);
	if (!stdout.trim())
		throw new Error(
			`${root} has no branch checked out (a detached HEAD): check out the branch the CMS should commit to.`,
		);
	return stdout.trim();
}

export interface CmsServerOptions {
	/** The repository's working tree. */
	root: string;
	/** The backend's port; 0 picks a free one. Default 8081. */
	port?: number;
	/** The port of the site that serves /admin/: only its origin may call. Default 4321. */
	sitePort?: number;
	mode?: CmsServerMode;
	/** git mode: the branch to commit to. Default: the one checked out at `root`. */
	branch?: string;
	/** The secret the CMS sends; default a new random one. */
	token?: string;
}

/**
 * The CMS asks for a draft's files with `id: ""` when a language's file is not part of the draft
 * (an English file the draft did not change), and decap-server's validation refuses an empty id
 * with 422 although it reads the file by its path: the path stands in for the id.
 */
const acceptEmptyIds: Middleware = (request, _response, next) => {
	const params = (request.body as { params?: { id?: unknown; path?: unknown } } | undefined)?.params;
	if (params?.id === '' && typeof params.path === 'string') params.id = params.path;
	next();
};

/** Starts the local backend for the working tree at `root`. */
export async function startCmsServer(options: CmsServerOptions): Promise<CmsServer> {
	const root = resolve(options.root);
	const mode = options.mode ?? 'fs';
	const token = options.token ?? randomBytes(24).toString('base64url');
	const origins = cmsOrigins(options.sitePort ?? 4321);
	let workspace: Workspace | undefined;
	let branch = '';
	if (mode === 'git') {
		const problem = await gitProblem(root);
		if (problem) throw new Error(problem);
		branch = options.branch ?? (await checkedOutBranch(root));
		workspace = await openWorkspace(root, branch);
	}
	const repository = workspace?.path ?? root;
	// decap-server reads its repository from here; it must be set before its middlewares register.
	process.env.GIT_REPO_DIRECTORY = repository;
	const express = require('express') as ExpressModule;
	const { registerLocalFs, registerLocalGit } = require('decap-server/dist/middlewares.js') as {
		registerLocalFs(app: ExpressApp, options?: { logLevel?: string }): Promise<void>;
		registerLocalGit(app: ExpressApp, options?: { logLevel?: string }): Promise<void>;
	};
	const app = express();
	app.disable('x-powered-by');
	let port = 0;
	app.use(hostLock(() => port));
	app.use(originLock(origins));
	app.use(tokenLock(token));
	app.use(express.json({ limit: '50mb' }));
	app.use(
		'/api/v1',
		pathLock(repository, editedRoots(cmsCollections({ sections: [], authors: [] }), MEDIA_FOLDER)),
	);
	app.use('/api/v1', acceptEmptyIds);
	app.use('/api/v1', saves(workspace ? gitMode(workspace, branch) : fsMode(root)));
	const logLevel = process.env.LOG_LEVEL ?? 'warn';
	if (mode === 'git') await registerLocalGit(app, { logLevel });
	else await registerLocalFs(app, { logLevel });

	const server: Server = createServer(app);
	await new Promise<void>((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 8081, '127.0.0.1', () => resolvePromise());
	});
	port = (server.address() as { port: number }).port;
	return {
		url: `http://127.0.0.1:${port}/api/v1`,
		port,
		token,
		origins,
		close: async () => {
			await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
			await workspace?.close();
		},
	};
}
