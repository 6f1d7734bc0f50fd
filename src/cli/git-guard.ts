import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * decap-server's git mode stages every save with `git add .` (decap-server's localGit.ts), so an
 * unrelated new or changed file in the working tree lands in the CMS's commit. This puts a `git`
 * shim first on this process's PATH: `git add .` stages only the paths of the save being handled
 * (`git add -A -- <paths>`, which also stages deletions); every other git command passes through.
 */

/** The environment variable through which the shim learns the current save's paths. */
const PATHS_VARIABLE = 'NEWSROOM_GIT_ADD_PATHS';

const SHIM = `#!/bin/sh
# Written by the newsroom's CMS server (src/cli/git-guard.ts): stage only the files of a save.
if [ "$#" -eq 2 ] && [ "$1" = add ] && [ "$2" = . ]; then
	if [ -z "$${PATHS_VARIABLE}" ]; then
		echo "newsroom: refusing 'git add .' outside a CMS save" >&2
		exit 1
	fi
	printf '%s\\n' "$${PATHS_VARIABLE}" | tr '\\n' '\\0' | xargs -0 "$NEWSROOM_REAL_GIT" add -A --
	exit $?
fi
exec "$NEWSROOM_REAL_GIT" "$@"
`;

/** A request to decap-server's API, as far as the guard reads it. */
interface ApiRequest {
	action?: string;
	params?: {
		entry?: { path?: string; newPath?: string };
		dataFiles?: { path?: string; newPath?: string }[];
		assets?: { path?: string }[];
		asset?: { path?: string };
		path?: string;
		paths?: string[];
	};
}

/** The repository paths a save writes or deletes, or undefined for requests that stage nothing. */
export function pathsOfSave(body: ApiRequest): string[] | undefined {
	const params = body.params ?? {};
	let paths: (string | undefined)[];
	switch (body.action) {
		case 'persistEntry':
			paths = [
				...(params.dataFiles ?? [params.entry]).flatMap((file) => [file?.path, file?.newPath]),
				...(params.assets ?? []).map((asset) => asset.path),
			];
			break;
		case 'persistMedia':
			paths = [params.asset?.path];
			break;
		case 'deleteFile':
			paths = [params.path];
			break;
		case 'deleteFiles':
			paths = params.paths ?? [];
			break;
		default:
			return undefined;
	}
	return [...new Set(paths.filter((path): path is string => typeof path === 'string' && path !== ''))];
}

type Middleware = (
	request: { body?: ApiRequest; method?: string },
	response: { statusCode: number; once(event: 'finish' | 'close', listener: () => void): void },
	next: () => void,
) => void;

/** Installs the shim on this process's PATH and returns a middleware that serialises saves and hands the shim their paths. */
export async function installGitGuard(): Promise<{ middleware(paths: typeof pathsOfSave): Middleware }> {
	const { stdout } = await run('sh', ['-c', 'command -v git']);
	const realGit = stdout.trim();
	if (!realGit) throw new Error('git is not installed (no git on PATH)');
	const folder = await mkdtemp(join(tmpdir(), 'newsroom-git-guard-'));
	await writeFile(join(folder, 'git'), SHIM);
	await chmod(join(folder, 'git'), 0o755);
	process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
	process.env.NEWSROOM_REAL_GIT = realGit;
	process.env.PATH = `${folder}${delimiter}${process.env.PATH ?? ''}`;

	let queue: Promise<void> = Promise.resolve();
	return {
		middleware: (paths) => (request, response, next) => {
			const savePaths = request.method === 'POST' && request.body ? paths(request.body) : undefined;
			if (!savePaths) return next();
			// One save at a time: the paths travel in this process's environment.
			const turn = queue.then(
				() =>
					new Promise<void>((release) => {
						process.env[PATHS_VARIABLE] = savePaths.join('\n');
						let done = false;
						const finish = async () => {
							if (done) return;
							done = true;
							delete process.env[PATHS_VARIABLE];
							// A failed commit (e.g. no git user) leaves the save staged: unstage it again.
							if (response.statusCode >= 500)
								await run(realGit, ['reset', '-q', '--', ...savePaths], { cwd: process.env.GIT_REPO_DIRECTORY }).catch(() => undefined);
							release();
						};
						response.once('finish', finish);
						response.once('close', finish);
						next();
					}),
			);
			queue = turn.catch(() => undefined);
		},
	};
}
