/**
 * `npm run deploy:rollback -- <dir>`: switches `current` back to the release that was live before
 * the live one, atomically and under the deploy lock. A release links to the search index it
 * served (target.ts), so its pages and its index come back together. Nothing is rebuilt or deleted, so rolling
 * back takes a moment; run it again to go back further (as far as releases are kept). The next
 * push deploys as usual, and the scheduled rebuild keeps rebuilding the rolled-back commit.
 */
import { acquireLock, releaseLock } from './lock.ts';
import { isMain } from './run.ts';
import {
	currentRelease,
	deployTarget,
	previousRelease,
	searchOfRelease,
	switchCurrent,
	writeHistory,
} from './target.ts';

/** Rolls the target at `dir` back one release; returns the process exit code. */
export async function rollback(dir: string, print: (line: string) => void): Promise<number> {
	const target = deployTarget(dir);
	const owner = await acquireLock(target.lock, {
		pid: process.pid,
		what: 'rollback',
		onWait: () => print('rollback: waiting for the deploy in progress'),
	});
	try {
		const live = await currentRelease(target);
		if (!live) {
			print(`rollback: no live release in ${target.root}`);
			return 1;
		}
		const previous = await previousRelease(target);
		if (!previous) {
			print(`rollback: no release before releases/${live} is kept; there is nothing to go back to`);
			return 1;
		}
		await switchCurrent(target, previous.id);
		await writeHistory(target, previous.history);
		const search = await searchOfRelease(target, previous.id);
		print(
			`rollback: current -> releases/${previous.id} (was releases/${live}), with its own search index${search ? ` (search/${search})` : ''}`,
		);
		return 0;
	} finally {
		await releaseLock(target.lock, owner.token);
	}
}

if (isMain(import.meta.url)) {
	const dir = process.argv[2];
	if (!dir || process.argv.length > 3) {
		console.error('usage: npm run deploy:rollback -- <deploy target folder>');
		process.exit(2);
	}
	process.exitCode = await rollback(dir, (line) => console.log(line));
}
