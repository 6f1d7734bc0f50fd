/**
 * Runs a command while holding a deploy target's lock: `with-lock.ts <target> <command> [args...]`.
 *
 * bin/receive-pack runs git-receive-pack this way, so that a push waits for the deploy in progress
 * before git lists the refs to the client. The waiting push then builds on top of the commit that
 * just went live, instead of being refused by git because the branch moved under it.
 */
import { spawn } from 'node:child_process';
import { acquireLock, LOCK_ENV, releaseLock } from './lock.ts';
import { deployTarget } from './target.ts';

const [root, command, ...args] = process.argv.slice(2);
if (!root || !command) {
	process.stderr.write('usage: with-lock.ts <deploy target folder> <command> [arguments...]\n');
	process.exit(2);
}
const target = deployTarget(root);
const owner = await acquireLock(target.lock, {
	pid: process.pid,
	what: command,
	onWait: (busy) =>
		process.stderr.write(
			`deploy: waiting for the deploy in progress${busy ? ` (${busy.what}, since ${busy.since})` : ''}\n`,
		),
});
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, [LOCK_ENV]: owner.token } });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => {
	child.on('error', (error) => {
		process.stderr.write(`deploy: could not run ${command}: ${error.message}\n`);
		resolve(127);
	});
	child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
});
await releaseLock(target.lock, owner.token);
process.exit(code);
