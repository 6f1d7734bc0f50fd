/**
 * A self-hosted deploy target: the folder that `npm run deploy:init -- <dir>` prepares.
 *
 *   <dir>/site.git/        bare repository that developers and the CMS push to (hooks installed)
 *   <dir>/releases/<id>/   one built site per release, <id> = <UTC time>-<commit>; never changed once
 *                          there but for its pagefind link, switched once when its own index is built
 *   <dir>/releases/<id>/pagefind  symbolic link to the release's search index, ../../search/<key>
 *   <dir>/search/<key>/    search indexes (each language's Pagefind bundle), <key> = the release
 *                          that built it; kept while a kept release links to it
 *   <dir>/current          symbolic link to the live release: the web server's root
 *   <dir>/work/            build folders of releases being made (never served)
 *   <dir>/cache/           node_modules and Astro's cache, reused between releases
 *   <dir>/logs/            the full output of each build
 *   <dir>/deploy/          this deploy code, copied by deploy:init (pushed commits cannot change it)
 *   <dir>/bin/             small shell entry points: hooks, receive-pack, rebuild, rollback
 *   <dir>/deploy.lock/     the lock, while a deploy, rebuild or rollback runs
 *   <dir>/history          the releases that went live, one name a line, the live one last
 */
import {
	appendFile,
	lstat,
	readdir,
	readFile,
	readlink,
	rename,
	rm,
	symlink,
	writeFile,
} from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { runCapture } from './run.ts';

/** The paths of a deploy target. */
export interface DeployTarget {
	root: string;
	repo: string;
	releases: string;
	search: string;
	current: string;
	work: string;
	cache: string;
	logs: string;
	deployCode: string;
	bin: string;
	lock: string;
	history: string;
}

/** The layout of the deploy target at `dir`. */
export function deployTarget(dir: string): DeployTarget {
	const root = resolve(dir);
	return {
		root,
		repo: join(root, 'site.git'),
		releases: join(root, 'releases'),
		search: join(root, 'search'),
		current: join(root, 'current'),
		work: join(root, 'work'),
		cache: join(root, 'cache'),
		logs: join(root, 'logs'),
		deployCode: join(root, 'deploy'),
		bin: join(root, 'bin'),
		lock: join(root, 'deploy.lock'),
		history: join(root, 'history'),
	};
}

/** Settings of a target, kept in its repository's git config (`git config -f site.git/config newsroom.keep 10`). */
export interface TargetConfig {
	/** The branch that is deployed; default `main`. Other branches are accepted and not built. */
	branch: string;
	/** How many releases to keep, the live one included; default 5, at least 2 (the live one and one to roll back to). */
	keep: number;
}

export const DEFAULT_CONFIG: TargetConfig = { branch: 'main', keep: 5 };

async function gitConfigValue(target: DeployTarget, key: string): Promise<string | undefined> {
	try {
		return (
			(await runCapture('git', ['config', '--file', join(target.repo, 'config'), '--get', key])).trim() ||
			undefined
		);
	} catch {
		return undefined;
	}
}

/** The target's settings, with defaults for what is not set. */
export async function readConfig(target: DeployTarget): Promise<TargetConfig> {
	const branch = (await gitConfigValue(target, 'newsroom.branch')) ?? DEFAULT_CONFIG.branch;
	const keepText = await gitConfigValue(target, 'newsroom.keep');
	const keep = keepText === undefined ? DEFAULT_CONFIG.keep : Number(keepText);
	if (!Number.isInteger(keep) || keep < 2)
		throw new Error(`newsroom.keep must be a whole number of at least 2, not "${keepText}"`);
	return { branch, keep };
}

/** A release's folder name: UTC time to the millisecond (so names sort by age), then the commit's first 12 hex digits. */
export function releaseId(commit: string, at = new Date()): string {
	const time = at.toISOString().replace(/[-:]/g, '').replace('.', '');
	return `${time}-${commit.slice(0, 12)}`;
}

const RELEASE_NAME = /^\d{8}T\d{9}Z-([0-9a-f]{12})$/;

/** The abbreviated commit a release was built from. */
export function commitOfRelease(id: string): string {
	const match = RELEASE_NAME.exec(id);
	if (!match) throw new Error(`${id} is not a release name`);
	return match[1]!;
}

/** Release names, oldest first. */
export async function listReleases(target: DeployTarget): Promise<string[]> {
	const names = await readdir(target.releases).catch(() => []);
	return names.filter((name) => RELEASE_NAME.test(name)).sort();
}

/** The live release's name, or undefined before the first deploy. */
export async function currentRelease(target: DeployTarget): Promise<string | undefined> {
	try {
		return basename(await readlink(target.current));
	} catch {
		return undefined;
	}
}

/**
 * Points `current` at release `id` in one step: a new link is made beside it and renamed over it.
 * rename(2) replaces the old link atomically, so a reader finds either the old release or the new
 * one, never no site. The link is relative, so the target folder can be moved.
 */
export async function switchCurrent(target: DeployTarget, id: string): Promise<void> {
	const next = `${target.current}.next-${process.pid}`;
	await rm(next, { force: true });
	await symlink(join('releases', id), next);
	await rename(next, target.current);
}

/** Records that release `id` went live (deploys and rebuilds; a rollback removes the last line instead). */
export async function recordLive(target: DeployTarget, id: string): Promise<void> {
	await appendFile(target.history, `${id}\n`);
}

/**
 * The release to roll back to: the one that was live before the live one, skipping releases
 * deleted since, and the history without the live one. Without a usable history (a target from
 * before it was kept), the newest release older than the live one.
 */
export async function previousRelease(
	target: DeployTarget,
): Promise<{ id: string; history: string[] } | undefined> {
	const live = await currentRelease(target);
	const releases = await listReleases(target);
	const history = (await readFile(target.history, 'utf8').catch(() => '')).split('\n').filter(Boolean);
	if (live && history.at(-1) === live) {
		const rest = history.slice(0, -1);
		while (rest.length > 0) {
			const candidate = rest.at(-1)!;
			if (candidate !== live && releases.includes(candidate)) return { id: candidate, history: rest };
			rest.pop();
		}
		return undefined;
	}
	const index = live ? releases.indexOf(live) : -1;
	const older = index > 0 ? releases[index - 1] : undefined;
	return older ? { id: older, history: [...history, older] } : undefined;
}

/** Replaces the history (after a rollback), atomically. */
export async function writeHistory(target: DeployTarget, history: string[]): Promise<void> {
	const next = `${target.history}.next-${process.pid}`;
	await writeFile(next, history.map((id) => `${id}\n`).join(''));
	await rename(next, target.history);
}

/** Deletes all but the newest `keep` releases; never the live one. Returns the names deleted. */
export async function pruneReleases(target: DeployTarget, keep: number): Promise<string[]> {
	const live = await currentRelease(target);
	const releases = await listReleases(target);
	const old = releases.slice(0, Math.max(0, releases.length - keep)).filter((name) => name !== live);
	for (const name of old) {
		// Renamed out of releases/ first, so a half-deleted folder never looks like a release.
		const doomed = join(target.work, `deleting-${name}`);
		await rename(join(target.releases, name), doomed);
		await rm(doomed, { recursive: true, force: true });
	}
	return old;
}

/** The name of a release's search bundle, a link into search/ (the URL /pagefind/). */
export const SEARCH_LINK = 'pagefind';

/**
 * The search index that release `id` serves: the key of its folder in search/, or undefined when
 * it has none there (a release made before search/ existed holds its index as a plain folder).
 */
export async function searchOfRelease(target: DeployTarget, id: string): Promise<string | undefined> {
	try {
		const link = await readlink(join(target.releases, id, SEARCH_LINK));
		return link === join('..', '..', 'search', basename(link)) ? basename(link) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Points the search link of the site folder `site` (a release, or a site about to become one) at
 * search/<key> in one step, as `switchCurrent` does: a reader finds the old index or the new one,
 * never a half-written one. The link is relative to releases/<id>/, so it resolves once the site
 * is there.
 */
export async function switchSearch(site: string, key: string): Promise<void> {
	const link = join(site, SEARCH_LINK);
	const next = `${link}.next-${process.pid}`;
	await rm(next, { force: true });
	await symlink(join('..', '..', 'search', key), next);
	// A plain folder cannot be renamed over; a site built with its index has one: it goes first.
	if ((await lstat(link).catch(() => undefined))?.isDirectory()) await rm(link, { recursive: true });
	await rename(next, link);
}

/** Deletes the folders of search/ that no kept release links to. Returns the keys deleted. */
export async function pruneSearch(target: DeployTarget): Promise<string[]> {
	const used = new Set<string>();
	for (const id of await listReleases(target)) {
		const key = await searchOfRelease(target, id);
		if (key) used.add(key);
	}
	const old = (await readdir(target.search).catch(() => [])).filter((key) => !used.has(key));
	for (const key of old) {
		const doomed = join(target.work, `deleting-search-${key}`);
		await rename(join(target.search, key), doomed);
		await rm(doomed, { recursive: true, force: true });
	}
	return old;
}
