/**
 * The deploy target's git hooks (installed by init.ts as small shell scripts that run this file).
 *
 * pre-receive: git hands over every ref the push updates. A push to the deployed branch is built
 * and put live here, before git accepts it; if anything fails, the hook exits non-zero, git
 * rejects the whole push, and `current` is untouched: a broken commit never enters the branch.
 * Other branches (the CMS's cms/... drafts) are accepted without a build.
 *
 * Everything this prints reaches the person pushing, as "remote:" lines of `git push`.
 *
 * The lock: bin/receive-pack takes it before git even lists the refs, so a push that waits sees
 * the one before it. A push that reached git-receive-pack directly takes it here instead, holds
 * it until post-receive (git updates the ref in between), and releases it there.
 */
import { createInterface } from 'node:readline';
import { acquireLock, LOCK_ENV, lockOwner, releaseLock } from './lock.ts';
import { deployCommit } from './release.ts';
import { runCapture } from './run.ts';
import { deployTarget, readConfig } from './target.ts';

const ZERO = /^0+$/;

/** One ref update of a push, as git gives it to the hooks. */
interface RefUpdate {
	oldId: string;
	newId: string;
	ref: string;
}

async function readUpdates(): Promise<RefUpdate[]> {
	const updates: RefUpdate[] = [];
	for await (const line of createInterface({ input: process.stdin })) {
		const [oldId, newId, ref] = line.trim().split(/\s+/);
		if (oldId && newId && ref) updates.push({ oldId, newId, ref });
	}
	return updates;
}

/** Messages go to standard error: git shows both streams, and stderr is never buffered. */
function say(line: string): void {
	process.stderr.write(`${line}\n`);
}

async function preReceive(root: string): Promise<number> {
	const target = deployTarget(root);
	const config = await readConfig(target);
	const deployedRef = `refs/heads/${config.branch}`;
	const updates = await readUpdates();
	const deployed = updates.find((update) => update.ref === deployedRef);
	for (const update of updates) {
		if (update.ref !== deployedRef)
			say(
				`deploy: ${update.ref.replace(/^refs\/heads\//, '')}: accepted, not deployed (only ${config.branch} is)`,
			);
	}
	if (!deployed) return 0;
	if (ZERO.test(deployed.newId)) {
		say(`deploy: refusing to delete ${config.branch}: it is the branch the live site is built from`);
		return 1;
	}

	// Covered by bin/receive-pack's lock, or take it here for git-receive-pack (our parent), until post-receive.
	const inherited = process.env[LOCK_ENV];
	const holder = await lockOwner(target.lock);
	let token: string | undefined;
	if (!inherited || holder?.token !== inherited) {
		const owner = await acquireLock(target.lock, {
			pid: process.ppid,
			what: `push of ${deployed.newId.slice(0, 12)}`,
			onWait: (busy) =>
				say(
					`deploy: waiting for the deploy in progress${busy ? ` (${busy.what}, since ${busy.since})` : ''}`,
				),
		});
		token = owner.token;
	}
	const fail = async (code: number) => {
		if (token) await releaseLock(target.lock, token);
		return code;
	};

	// git updates the ref only if it still points where this push found it: check that before building.
	const now = await runCapture('git', ['rev-parse', '--verify', '--quiet', deployedRef]).then(
		(out) => out.trim(),
		() => '0'.repeat(40),
	);
	if (now !== deployed.oldId && !(ZERO.test(now) && ZERO.test(deployed.oldId))) {
		say(
			`deploy: ${config.branch} moved to ${now.slice(0, 12)} while this push waited (another push went first).`,
		);
		say(
			`deploy: rejected without building: pull, then push again. Push through bin/receive-pack to wait in turn instead.`,
		);
		return fail(1);
	}

	const result = await deployCommit(target, {
		commit: deployed.newId,
		reason: `push to ${config.branch}`,
		print: say,
		gitEnv: process.env,
		keep: config.keep,
	});
	if (!result.ok) {
		say(
			`deploy: push rejected: ${config.branch} still points to ${ZERO.test(deployed.oldId) ? 'nothing' : deployed.oldId.slice(0, 12)}`,
		);
		return fail(1);
	}
	// The pages are live, so the push is accepted (the branch must name the live commit: rebuilds
	// and rollbacks read it), whatever became of the index; git has no way to accept it and fail.
	if (result.searchFailed)
		say(
			`deploy: push accepted, pages live, but the SEARCH INDEX WAS NOT UPDATED (${result.searchFailed}): the last index still answers`,
		);
	return 0;
}

async function postReceive(root: string): Promise<number> {
	const target = deployTarget(root);
	await readUpdates();
	const holder = await lockOwner(target.lock);
	// Release only the lock pre-receive took for this same git-receive-pack.
	if (holder && holder.pid === process.ppid && holder.token !== process.env[LOCK_ENV])
		await releaseLock(target.lock, holder.token);
	return 0;
}

const [hook, root] = process.argv.slice(2);
if (!root || (hook !== 'pre-receive' && hook !== 'post-receive')) {
	say('usage: hook.ts <pre-receive|post-receive> <deploy target folder>');
	process.exit(2);
}
try {
	process.exitCode = hook === 'pre-receive' ? await preReceive(root) : await postReceive(root);
} catch (error) {
	say(`deploy: FAILED: ${(error as Error).message}; the live site is unchanged`);
	process.exitCode = 1;
}
