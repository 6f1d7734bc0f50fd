/**
 * `npm run deploy:due -- <dir>` (`bin/due`, run every minute by a timer): rebuilds the live commit
 * when the plan (schedule.ts) says an article's time has come, and does nothing otherwise, so it
 * costs one small file read a minute.
 */
import { rebuild } from './rebuild.ts';
import { isMain } from './run.ts';
import { isDue, now, readSchedule, writeSchedule } from './schedule.ts';
import { deployTarget, type DeployTarget } from './target.ts';

/** Rebuilds the live commit when the plan says an article is due; else does nothing. Returns the exit code. */
export async function runIfDue(target: DeployTarget, print: (line: string) => void): Promise<number> {
	const plan = await readSchedule(target);
	if (!isDue(plan, now())) return 0;
	print(`due: an article was scheduled for ${plan!.next}: rebuilding the live commit`);
	const code = await rebuild(target.root, print);
	const after = await readSchedule(target);
	if (code !== 0 && after && isDue(after, now())) {
		// The rebuild failed before the pages switched, so nothing planned again: try again in a
		// few minutes rather than every minute.
		const next = new Date(now().getTime() + RETRY_MINUTES * 60_000).toISOString();
		await writeSchedule(target, { ...after, next });
		print(`due: the rebuild failed; trying again at ${next}`);
	}
	return code;
}

/** Minutes before a failed scheduled rebuild is tried again. */
const RETRY_MINUTES = 10;

if (isMain(import.meta.url)) {
	const dir = process.argv[2];
	if (!dir || process.argv.length > 3) {
		console.error('usage: npm run deploy:due -- <deploy target folder>');
		process.exit(2);
	}
	try {
		process.exitCode = await runIfDue(deployTarget(dir), (line) => console.log(line));
	} catch (error) {
		console.error(`due: FAILED: ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
