/**
 * On-the-minute scheduling: after every deploy (a push or a rebuild) the plan,
 * `<dir>/schedule.json`, says when the live commit's next future-dated article becomes due; a
 * timer that fires every minute (`bin/due`, as the deploy's own user: a systemd user timer or a
 * crontab line, no root) reads that one file and rebuilds the live commit once the time has come.
 * The rebuild plans again, so a day of embargoed stories goes out one after the other.
 *
 * The timer's side is due.ts. `NEWSROOM_NOW` fixes the clock, as the build's.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCapture } from './run.ts';
import type { DeployTarget } from './target.ts';

/** What `<dir>/schedule.json` holds. */
export interface SchedulePlan {
	/** When the next article becomes due (ISO 8601); absent when none is scheduled. */
	next?: string;
	/** The commit it was planned from, and when. */
	commit: string;
	planned: string;
}

export function schedulePath(target: DeployTarget): string {
	return join(target.root, 'schedule.json');
}

/** The build clock: `NEWSROOM_NOW` when set, as for the build itself. */
export function now(): Date {
	const fixed = process.env.NEWSROOM_NOW;
	return fixed ? new Date(fixed) : new Date();
}

/**
 * Plans the next rebuild from the commit checked out in `folder` (its `npm run schedule -- next`,
 * which reads the articles' dates), writing the plan atomically. Returns it.
 */
export async function planSchedule(
	target: DeployTarget,
	folder: string,
	commit: string,
	env: NodeJS.ProcessEnv,
): Promise<SchedulePlan> {
	const printed = await runCapture(
		process.execPath,
		['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'src/cli/schedule.ts', 'next'],
		{ cwd: folder, env },
	);
	const next = printed.trim();
	const plan: SchedulePlan = { ...(next ? { next } : {}), commit, planned: now().toISOString() };
	await writeSchedule(target, plan);
	return plan;
}

/** Writes the plan atomically: the timer never reads half a file. */
export async function writeSchedule(target: DeployTarget, plan: SchedulePlan): Promise<void> {
	const file = schedulePath(target);
	await writeFile(`${file}.next`, `${JSON.stringify(plan, null, '\t')}\n`);
	await rename(`${file}.next`, file);
}

/** The plan, if one was written. */
export async function readSchedule(target: DeployTarget): Promise<SchedulePlan | undefined> {
	const file = schedulePath(target);
	if (!existsSync(file)) return undefined;
	return JSON.parse(await readFile(file, 'utf8')) as SchedulePlan;
}

/** Whether the plan's time has come. */
export function isDue(plan: SchedulePlan | undefined, at: Date): boolean {
	return plan?.next !== undefined && Date.parse(plan.next) <= at.getTime();
}
