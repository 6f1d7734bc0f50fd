/**
 * The deploy lock: one folder, `<target>/deploy.lock`, made with mkdir (atomic on every POSIX file
 * system, with no helper program such as flock needed). It holds `owner.json`: the process that
 * owns it and a random token. A lock whose owner process has died is stale and is taken over.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Who holds the lock. */
export interface LockOwner {
	/** The process whose life the lock lasts; when it is gone, the lock is stale. */
	pid: number;
	/** Identifies this holding of the lock, handed to child processes in `NEWSROOM_DEPLOY_LOCK`. */
	token: string;
	/** What the holder is doing, shown to those who wait. */
	what: string;
	/** ISO time it was taken. */
	since: string;
}

/** The environment variable through which a lock holder tells its children that they are covered. */
export const LOCK_ENV = 'NEWSROOM_DEPLOY_LOCK';

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The current owner of the lock at `lockDir`, or undefined when it is free or being written. */
export async function lockOwner(lockDir: string): Promise<LockOwner | undefined> {
	try {
		return JSON.parse(await readFile(join(lockDir, 'owner.json'), 'utf8')) as LockOwner;
	} catch {
		return undefined;
	}
}

/**
 * Takes the lock at `lockDir` for the process `pid`, waiting while another live process holds it.
 * `onWait` is told once when waiting starts and then every 30 s. Gives up after `timeoutMs`.
 */
export async function acquireLock(
	lockDir: string,
	options: { pid: number; what: string; onWait?: (owner: LockOwner | undefined) => void; timeoutMs?: number },
): Promise<LockOwner> {
	const owner: LockOwner = {
		pid: options.pid,
		token: randomBytes(12).toString('hex'),
		what: options.what,
		since: new Date().toISOString(),
	};
	const started = Date.now();
	let lastNotice = 0;
	for (;;) {
		try {
			await mkdir(lockDir);
			await writeFile(join(lockDir, 'owner.json'), JSON.stringify(owner));
			return owner;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
				throw new Error(`could not create the deploy lock ${lockDir}`, { cause: error });
		}
		const holder = await lockOwner(lockDir);
		// A lock folder without an owner for long is one whose taker died between mkdir and write.
		const ownerless =
			!holder && Date.now() - ((await stat(lockDir).catch(() => undefined))?.mtimeMs ?? Date.now()) > 10_000;
		if ((holder && !isAlive(holder.pid)) || ownerless) {
			// Move the stale lock aside under a unique name, then check that what was moved is the
			// stale one and not a lock another waiter took in the meantime.
			const aside = `${lockDir}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
			try {
				await rename(lockDir, aside);
				const moved = await lockOwner(aside);
				if (moved?.token === holder?.token) await rm(aside, { recursive: true, force: true });
				else await rename(aside, lockDir).catch(() => rm(aside, { recursive: true, force: true }));
			} catch {
				// Someone else moved it first.
			}
			continue;
		}
		if (Date.now() - started > (options.timeoutMs ?? 30 * 60_000)) {
			throw new Error(
				`gave up waiting for the deploy lock held by ${holder ? `process ${holder.pid} (${holder.what})` : 'another process'}`,
			);
		}
		if (Date.now() - lastNotice > 30_000) {
			options.onWait?.(holder);
			lastNotice = Date.now();
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Releases the lock if `token` still owns it; returns whether it did. */
export async function releaseLock(lockDir: string, token: string): Promise<boolean> {
	const holder = await lockOwner(lockDir);
	if (holder?.token !== token) return false;
	await rm(lockDir, { recursive: true, force: true });
	return true;
}
