/**
 * `npm run deploy:rebuild -- <dir>`: builds the live commit again, through the same path as a
 * push (lock, clean folder, build, checks, atomic switch). The timer runs it at least hourly, so
 * that articles dated in the future appear once their time comes and the Google News sitemap
 * (articles of the last two days) stays current. If the rebuild fails, the live site stays; if
 * only its search index fails, its pages are live with the last index (release.ts), and the exit
 * status is 1 all the same, so the timer's journal shows it.
 *
 * "The live commit" is the commit of the release `current` points to: after a rollback, the
 * rebuild keeps the rolled-back commit rather than bringing back the one that was rolled back.
 */
import { acquireLock, LOCK_ENV, lockOwner, releaseLock } from './lock.ts';
import { deployCommit } from './release.ts';
import { isMain, runCapture } from './run.ts';
import { commitOfRelease, currentRelease, deployTarget, readConfig } from './target.ts';

/** Rebuilds the live commit of the target at `dir`; returns the process exit code. */
export async function rebuild(dir: string, print: (line: string) => void): Promise<number> {
	const target = deployTarget(dir);
	const config = await readConfig(target);
	const inherited = process.env[LOCK_ENV];
	const held = inherited !== undefined && (await lockOwner(target.lock))?.token === inherited;
	const owner = held
		? undefined
		: await acquireLock(target.lock, {
				pid: process.pid,
				what: 'scheduled rebuild',
				onWait: (busy) =>
					print(`rebuild: waiting for the deploy in progress${busy ? ` (${busy.what})` : ''}`),
			});
	try {
		const live = await currentRelease(target);
		if (!live) {
			print(`rebuild: nothing is deployed in ${target.root} yet: push to ${config.branch} first`);
			return 1;
		}
		const commit = (
			await runCapture('git', [
				'--git-dir',
				target.repo,
				'rev-parse',
				'--verify',
				`${commitOfRelease(live)}^{commit}`,
			])
		).trim();
		const result = await deployCommit(target, {
			commit,
			reason: 'scheduled rebuild of the live commit',
			print,
			keep: config.keep,
		});
		if (result.ok && result.searchFailed)
			print(
				'rebuild: the pages are live, but the search index was not updated: the last index still answers',
			);
		return result.ok && !result.searchFailed ? 0 : 1;
	} finally {
		if (owner) await releaseLock(target.lock, owner.token);
	}
}

if (isMain(import.meta.url)) {
	const dir = process.argv[2];
	if (!dir || process.argv.length > 3) {
		console.error('usage: npm run deploy:rebuild -- <deploy target folder>');
		process.exit(2);
	}
	try {
		process.exitCode = await rebuild(dir, (line) => console.log(line));
	} catch (error) {
		console.error(`rebuild: FAILED: ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
