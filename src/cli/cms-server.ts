/**
 * The CMS's local backend: Decap's own server (decap-server's middlewares, a dependency) in this
 * process, listening on 127.0.0.1 only, editing the working tree at `root`.
 *
 * - `fs` mode (default) writes files;
 * - `git` mode commits every save. decap-server stages with `git add .`, which sweeps unrelated
 *   files into the commit; here each save's own paths are staged instead (see `git-guard.ts`),
 *   and the server refuses to start when git has no user to commit as.
 *
 * Usage: node src/cli/cms-server.ts [--git] [--port 8081] [--root .]
 */
import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { installGitGuard, pathsOfSave } from './git-guard.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export type CmsServerMode = 'fs' | 'git';

/** The little of express this uses (decap-server's middlewares register on an express app). */
type ExpressModule = {
	(): { use(...handlers: unknown[]): void; listen(port: number, host: string, ready: () => void): Server };
	json(options: { limit: string }): unknown;
};

export interface CmsServer {
	/** The API URL for the CMS's `local_backend.url`. */
	url: string;
	port: number;
	close(): Promise<void>;
}

/** Why git cannot commit at `root`, or undefined when it can (a repository with a user name and e-mail). */
export async function gitProblem(root: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
	try {
		await run('git', ['rev-parse', '--git-dir'], { cwd: root, env });
	} catch {
		return `${root} is not a git repository: run "git init" there, or start the CMS without --git.`;
	}
	for (const key of ['user.name', 'user.email']) {
		try {
			const { stdout } = await run('git', ['config', key], { cwd: root, env });
			if (stdout.trim()) continue;
		} catch {
			// `git config` exits with 1 when the key is not set.
		}
		return `git has no ${key} configured, so the CMS cannot commit as anyone. Set it with: git config --global ${key} "…" (or without --global for this repository only).`;
	}
	return undefined;
}

/** Starts the local backend for the working tree at `root`. `port` 0 picks a free one. */
export async function startCmsServer({
	root,
	port = 8081,
	mode = 'fs',
}: {
	root: string;
	port?: number;
	mode?: CmsServerMode;
}): Promise<CmsServer> {
	root = resolve(root);
	if (mode === 'git') {
		const problem = await gitProblem(root);
		if (problem) throw new Error(problem);
	}
	// decap-server reads its repository from here; it must be set before its middlewares register.
	process.env.GIT_REPO_DIRECTORY = root;
	const express = require('express') as ExpressModule;
	const { registerLocalFs, registerLocalGit } = require('decap-server/dist/middlewares.js') as {
		registerLocalFs(app: unknown, options?: { logLevel?: string }): Promise<void>;
		registerLocalGit(app: unknown, options?: { logLevel?: string }): Promise<void>;
	};
	const app = express();
	const logLevel = process.env.LOG_LEVEL ?? 'warn';
	if (mode === 'git') {
		const guard = await installGitGuard();
		app.use(express.json({ limit: '50mb' }));
		app.use('/api/v1', guard.middleware(pathsOfSave));
		await registerLocalGit(app, { logLevel });
	} else {
		await registerLocalFs(app, { logLevel });
	}
	const server: Server = await new Promise((resolvePromise, reject) => {
		const listening = app.listen(port, '127.0.0.1', () => resolvePromise(listening));
		listening.once('error', reject);
	});
	const actual = (server.address() as { port: number }).port;
	return {
		url: `http://127.0.0.1:${actual}/api/v1`,
		port: actual,
		close: () => new Promise((resolvePromise) => server.close(() => resolvePromise())),
	};
}

/** Command line: start the server and keep it running until stopped. */
async function main(args: string[]) {
	const value = (name: string) => {
		const index = args.indexOf(name);
		return index === -1 ? undefined : args[index + 1];
	};
	const mode: CmsServerMode = args.includes('--git') || process.env.NEWSROOM_CMS_MODE === 'git' ? 'git' : 'fs';
	try {
		const server = await startCmsServer({
			root: value('--root') ?? process.cwd(),
			port: Number(value('--port') ?? process.env.PORT ?? 8081),
			mode,
		});
		console.log(`CMS local backend (${mode} mode) on ${server.url}`);
		const stop = () => server.close().then(() => process.exit(0));
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	} catch (error) {
		console.error(`CMS local backend: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
