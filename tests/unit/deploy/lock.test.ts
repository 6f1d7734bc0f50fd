import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { acquireLock, lockOwner, releaseLock } from '#src/deploy/lock.ts';

let folder: string;
let lock: string;
beforeEach(async () => {
	folder = await mkdtemp(join(tmpdir(), 'newsroom-lock-'));
	lock = join(folder, 'deploy.lock');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

test('holders take the lock one after another', async () => {
	const order: string[] = [];
	const hold = async (name: string) => {
		const owner = await acquireLock(lock, { pid: process.pid, what: name });
		order.push(`${name} in`);
		await new Promise((resolve) => setTimeout(resolve, 150));
		order.push(`${name} out`);
		await releaseLock(lock, owner.token);
	};
	await Promise.all([hold('a'), hold('b'), hold('c')]);
	for (let i = 0; i < order.length; i += 2) expect(order[i + 1]).toBe(order[i]!.replace(' in', ' out'));
});

test('a waiter is told who holds the lock, and gives up after its time-out', async () => {
	const first = await acquireLock(lock, { pid: process.pid, what: 'push of abc' });
	const told: string[] = [];
	await expect(
		acquireLock(lock, {
			pid: process.pid,
			what: 'second',
			timeoutMs: 300,
			onWait: (owner) => told.push(owner?.what ?? '?'),
		}),
	).rejects.toThrow(/gave up waiting for the deploy lock held by process \d+ \(push of abc\)/);
	expect(told).toEqual(['push of abc']);
	await releaseLock(lock, first.token);
});

test('a lock whose owner died is taken over', async () => {
	const child = spawn(process.execPath, ['-e', '0']);
	const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
	await mkdir(lock);
	await writeFile(
		join(lock, 'owner.json'),
		JSON.stringify({ pid: deadPid, token: 'old', what: 'killed push', since: new Date().toISOString() }),
	);
	const owner = await acquireLock(lock, { pid: process.pid, what: 'next push', timeoutMs: 2_000 });
	expect((await lockOwner(lock))?.token).toBe(owner.token);
});

test('only the holder releases it', async () => {
	const owner = await acquireLock(lock, { pid: process.pid, what: 'a' });
	expect(await releaseLock(lock, 'someone else')).toBe(false);
	expect(await lockOwner(lock)).toBeDefined();
	expect(await releaseLock(lock, owner.token)).toBe(true);
	expect(await lockOwner(lock)).toBeUndefined();
});
