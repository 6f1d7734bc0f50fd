/**
 * `npm run schedule -- next` prints when the next future-dated article becomes due (ISO 8601),
 * or nothing. `npm run schedule -- due --since <ISO> [--max-age <minutes>]` says whether a build
 * is needed: exit 0 when an article became due after `--since` (or the last build is older than
 * `--max-age`), 1 when not, 2 on a usage error. Both read only the articles' front matter dates
 * (src/newsroom/schedule.ts), so a hosted pipeline can run the check every few minutes before
 * installing anything: `node --experimental-strip-types src/cli/schedule.ts due --since …`.
 * `NEWSROOM_NOW` fixes the clock, as it does for the build.
 */
import { parseArgs } from 'node:util';
import { becameDue, nextDue, readTimings } from '../newsroom/schedule.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		since: { type: 'string' },
		'max-age': { type: 'string' },
		content: { type: 'string', default: 'content' },
	},
});
const now = process.env.NEWSROOM_NOW ? new Date(process.env.NEWSROOM_NOW) : new Date();
const usage = 'usage: npm run schedule -- next | due --since <ISO 8601> [--max-age <minutes>]';

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

if (Number.isNaN(now.getTime())) fail(`NEWSROOM_NOW is not a date: ${process.env.NEWSROOM_NOW}`);
const timings = readTimings(values.content);
if (positionals[0] === 'next' && positionals.length === 1) {
	const next = nextDue(timings, now);
	if (next) console.log(next.toISOString());
} else if (positionals[0] === 'due' && positionals.length === 1) {
	const since = new Date(values.since ?? '');
	if (Number.isNaN(since.getTime())) fail(`--since must be a date and time (ISO 8601). ${usage}`);
	const maxAge = values['max-age'] === undefined ? undefined : Number(values['max-age']);
	if (maxAge !== undefined && !(maxAge > 0)) fail(`--max-age must be a number of minutes. ${usage}`);
	const due = becameDue(timings, since, now);
	for (const { file, date } of due) console.log(`due: ${file} (${date.toISOString()})`);
	const stale = maxAge !== undefined && now.getTime() - since.getTime() >= maxAge * 60_000;
	if (stale) console.log(`the last build is more than ${maxAge} minutes old`);
	if (due.length === 0 && !stale) {
		console.log(`nothing became due since ${since.toISOString()}: no build needed`);
		process.exit(1);
	}
} else fail(usage);
