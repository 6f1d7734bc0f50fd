/**
 * Git mode's own worktree. decap-server's git mode checks out, rebases and commits in the tree it
 * is given; given the journalist's working tree, any uncommitted change there blocked a save and
 * every draft flipped their files. Here it works in a private linked worktree
 * (`<git dir>/newsroom-cms`, the same repository and branches), and this module:
 * - resets that worktree to the branch before each request (it holds nothing of anyone's);
 * - runs each request as a transaction: the branch refs are noted first and put back when the
 *   request fails, so a failed save leaves the repository as it was;
 * - after a save that moved the branch, brings the saved files into the journalist's working
 *   tree, where the site and they see them, without touching their other changes;
 * - removes `cms/…` draft branches that differ from the branch in nothing (an empty branch made
 *   decap-server fail on every later request).
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Git with the journalist's hooks and fsmonitor off: the CMS runs git, never their commands. */
const SAFE = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false'];

/** Runs git in `cwd` and resolves with what it printed. */
export async function git(cwd: string, args: string[]): Promise<string> {
	const { stdout } = await run('git', [...SAFE, ...args], {
		cwd,
		maxBuffer: 256 * 1024 * 1024,
		encoding: 'utf8',
	});
	return stdout;
}

/** Git's answer, or undefined when it exits with an error (a missing ref or file). */
async function gitMaybe(cwd: string, args: string[]): Promise<string | undefined> {
	return git(cwd, args).catch(() => undefined);
}

/**
 * A `git` first on this process's PATH for decap-server (simple-git runs `git` from PATH): in
 * the CMS's worktree, `checkout` may take the branch that the journalist's tree has checked out
 * too, and no hook runs; anywhere else it is plain git.
 */
async function installShim(worktree: string): Promise<() => Promise<void>> {
	const realGit = (await run('sh', ['-c', 'command -v git'], { encoding: 'utf8' })).stdout.trim();
	if (!realGit) throw new Error('git is not installed (no git on PATH)');
	const folder = await mkdtemp(join(tmpdir(), 'newsroom-cms-git-'));
	const shim = `#!/bin/sh
# The newsroom CMS's git for decap-server (src/cms/git-workspace.ts).
if [ "$PWD" != '${worktree.replaceAll("'", "'\\''")}' ]; then exec '${realGit}' "$@"; fi
if [ "$1" = checkout ]; then shift; set -- checkout --ignore-other-worktrees "$@"; fi
exec '${realGit}' ${SAFE.join(' ')} "$@"
`;
	await writeFile(join(folder, 'git'), shim);
	await chmod(join(folder, 'git'), 0o755);
	process.env.PATH = `${folder}${delimiter}${process.env.PATH ?? ''}`;
	return () => rm(folder, { recursive: true, force: true });
}

/** Refs a request may move: the branch and the CMS's drafts. */
type Refs = Map<string, string>;

export interface Workspace {
	/** The worktree decap-server works in. */
	path: string;
	/**
	 * Runs `work` (one request) as a transaction; `work` resolves with whether it succeeded.
	 * `writes`: whether it may write in the worktree (reads leave it as they found it).
	 */
	transaction(work: () => Promise<boolean>, writes: boolean): Promise<void>;
	/** Runs `work` (a request that only reads) on a worktree that is up to date with the branch. */
	read(work: () => Promise<unknown>): Promise<void>;
	/** The file at `path` on `ref`, or undefined. */
	show(ref: string, path: string): Promise<Buffer | undefined>;
	/** Whether a local branch exists. */
	hasBranch(branch: string): Promise<boolean>;
	/** Deletes `cms/…` branches whose tree is the branch's. */
	pruneEmptyDrafts(): Promise<string[]>;
	close(): Promise<void>;
}

/** Opens the CMS's worktree of the repository at `root`, on `branch`. */
export async function openWorkspace(root: string, branch: string): Promise<Workspace> {
	const common = resolve(root, (await git(root, ['rev-parse', '--git-common-dir'])).trim());
	const path = join(common, 'newsroom-cms');
	// Made anew at each start: it holds nothing but checkouts.
	await gitMaybe(root, ['worktree', 'remove', '--force', path]);
	await rm(path, { recursive: true, force: true });
	await git(root, ['worktree', 'prune']);
	await git(root, ['worktree', 'add', '--quiet', '--detach', path, branch]);
	const removeShim = await installShim(path);
	const branchRef = `refs/heads/${branch}`;

	const refs = async (): Promise<Refs> => {
		const listing = await git(root, [
			'for-each-ref',
			'--format=%(refname) %(objectname)',
			branchRef,
			'refs/heads/cms/',
		]);
		return new Map(
			listing
				.split('\n')
				.filter(Boolean)
				.map((line) => line.split(' ') as [string, string]),
		);
	};
	// The commit the worktree was last reset to, while nothing has written in it since.
	let clean: string | undefined;
	const reset = async () => {
		const tip = (await git(root, ['rev-parse', branchRef])).trim();
		if (clean === tip) return;
		await git(path, ['checkout', '--quiet', '--force', '--ignore-other-worktrees', branch]);
		await git(path, ['clean', '--quiet', '-fdx']);
		clean = tip;
	};
	const restore = async (before: Refs) => {
		for (const [ref, sha] of await refs()) {
			if (before.get(ref) === sha) continue;
			if (before.has(ref)) await git(root, ['update-ref', ref, before.get(ref)!]);
			else await deleteBranch(ref.slice('refs/heads/'.length));
		}
	};
	const deleteBranch = async (name: string) => {
		await git(root, ['update-ref', '-d', `refs/heads/${name}`]);
		await gitMaybe(root, ['config', '--remove-section', `branch.${name}`]);
	};
	const workspace: Workspace = {
		path,
		async transaction(work, writes) {
			await reset();
			const before = await refs();
			let succeeded = false;
			try {
				succeeded = await work();
			} finally {
				if (!succeeded) await restore(before);
				if (writes || !succeeded) clean = undefined;
				await reset();
			}
			const [old, now] = [before.get(branchRef), (await refs()).get(branchRef)];
			if (old && now && old !== now) await bringIntoWorkingTree(root, branchRef, old, now);
		},
		async read(work) {
			await reset();
			await work();
		},
		async show(ref, file) {
			const { stdout } = await run('git', ['show', `${ref}:${file}`], {
				cwd: root,
				encoding: 'buffer',
				maxBuffer: 256 * 1024 * 1024,
			}).catch(() => ({ stdout: undefined }));
			return stdout;
		},
		async hasBranch(name) {
			return (await gitMaybe(root, ['rev-parse', '--verify', '--quiet', `refs/heads/${name}`])) !== undefined;
		},
		async pruneEmptyDrafts() {
			const pruned: string[] = [];
			for (const ref of (await refs()).keys()) {
				if (ref === branchRef) continue;
				const differs = await gitMaybe(root, ['diff', '--quiet', branchRef, ref]);
				if (differs === undefined) continue; // exit 1: the draft has changes
				await deleteBranch(ref.slice('refs/heads/'.length));
				pruned.push(ref);
			}
			return pruned;
		},
		async close() {
			await gitMaybe(root, ['worktree', 'remove', '--force', path]);
			await removeShim();
		},
	};
	return workspace;
}

/**
 * After the CMS committed on the branch that the journalist's tree has checked out: each file
 * the commits changed is taken into their tree (index and file) where they had not changed it
 * themselves; where they had, only the index follows, and their version stays as their change.
 */
async function bringIntoWorkingTree(
	root: string,
	branchRef: string,
	old: string,
	now: string,
): Promise<void> {
	if ((await gitMaybe(root, ['symbolic-ref', '--quiet', 'HEAD']))?.trim() !== branchRef) return;
	const changed = (await git(root, ['diff', '--name-only', '-z', '--no-renames', old, now]))
		.split('\0')
		.filter(Boolean);
	const [take, keep]: [string[], string[]] = [[], []];
	for (const file of changed) {
		const before = (await gitMaybe(root, ['rev-parse', '--verify', '--quiet', `${old}:${file}`]))?.trim();
		const onDisk = (await gitMaybe(root, ['hash-object', '--', file]))?.trim();
		(before === onDisk ? take : keep).push(file);
	}
	for (const file of take) {
		if (await gitMaybe(root, ['cat-file', '-e', `${now}:${file}`]).then((out) => out !== undefined)) {
			await git(root, ['checkout', now, '--', file]);
		} else {
			await git(root, ['rm', '--quiet', '--cached', '--ignore-unmatch', '--', file]);
			await rm(join(root, file), { force: true });
		}
	}
	if (keep.length > 0) await git(root, ['reset', '--quiet', now, '--', ...keep]);
}
