/**
 * A build that starts from the last built output. In: the last output (`dist/`, or the live
 * release named by `NEWSROOM_PREVIOUS_SITE`) and Astro's cache. Out: the new output folder, first
 * as hard links to the last output's files, so that Astro finds its unchanged pages already in
 * place and writes only the pages it renders; then, once Astro has run, without the files the
 * new build no longer makes.
 *
 * Why it is safe:
 * - Every write into the new folder replaces a file rather than writing into it (`output-guard.ts`,
 *   loaded into Astro's process), and the folders that native code writes whole on every build
 *   (`NOT_LINKED`) are not linked at all. After Astro, a linked file modified during the build
 *   fails the build (`settleOutput`).
 * - Astro keeps a page whose output file exists without checking its bytes, so the last output
 *   must be the one its cache describes. The build that wrote the cache records which folder it
 *   produced (device, inode, birth and modification times, which a rename keeps); any other
 *   folder (after a rollback, a failed or interrupted build, an edit of the folder's top level)
 *   means starting from an empty folder, where Astro copies its unchanged pages from its cache.
 * - Files of the last output that this build neither kept as an unchanged page (Astro's
 *   incremental manifest lists those) nor wrote are deleted: a deleted article, a listing page
 *   that no longer exists, a file of a renamed asset.
 */
import {
	existsSync,
	linkSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	realpathSync,
	rmdirSync,
	rmSync,
	statSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** The environment variable that names the last output when it is not `dist/` (a deploy's live release). */
export const PREVIOUS_SITE_VARIABLE = 'NEWSROOM_PREVIOUS_SITE';

/**
 * Top-level folders written whole on every build, by native code that Node's file functions do
 * not see: Vite's assets (Rolldown; Astro's optimised images land there too) and the search
 * index (Pagefind). They start empty rather than linked.
 */
export const NOT_LINKED = ['_astro', 'pagefind'];

/** The file in Astro's cache folder that says which output folder the cache describes. */
const RECORD = 'newsroom-output.json';
/** Astro's incremental-build manifest, in its cache folder. */
export const MANIFEST = 'incremental-build.json';

/**
 * A folder's identity: kept by a rename, changed by deleting and re-making it. Not its
 * modification time: the deploy adds the release's link to its search index (src/deploy/target.ts)
 * after the build, and switches it, in the folder the next build starts from.
 */
function identityOf(folder: string): string {
	const info = statSync(folder, { bigint: true });
	return [info.dev, info.ino, info.birthtimeNs].join(':');
}

/** Records that `folder` is the output Astro's cache in `cacheDir` now describes. */
export function recordOutput(cacheDir: string, folder: string): void {
	writeFileSync(join(cacheDir, RECORD), JSON.stringify({ output: identityOf(folder) }));
}

/** Forgets which output the cache describes: done before every build, so a build cut short leaves none. */
export function forgetOutput(cacheDir: string): void {
	rmSync(join(cacheDir, RECORD), { force: true });
}

function recordedOutput(cacheDir: string): string | undefined {
	try {
		return (JSON.parse(readFileSync(join(cacheDir, RECORD), 'utf8')) as { output?: string }).output;
	} catch {
		return undefined;
	}
}

/** How a build's output folder was started. */
export interface OutputStart {
	/** The folder the new output was linked from; undefined when it started empty. */
	from?: string;
	/** Why it started empty, or what was linked. */
	note: string;
	/** Files linked. */
	linked: number;
	/** The file system's time just after linking: files written later are this build's. */
	since: bigint;
}

/**
 * Makes `next` (removed first) the start of a build: hard links to the files of `previous` when
 * that is the output Astro's cache describes, else an empty folder. `force` always starts empty.
 */
export function startOutput(options: {
	next: string;
	previous: string | undefined;
	cacheDir: string;
	force: boolean;
}): OutputStart {
	const { next, cacheDir } = options;
	rmSync(next, { recursive: true, force: true });
	const previous =
		options.previous && existsSync(options.previous) ? realpathSync(options.previous) : undefined;
	const recorded = recordedOutput(cacheDir);
	const empty = (note: string): OutputStart => {
		rmSync(next, { recursive: true, force: true });
		mkdirSync(next, { recursive: true });
		return { note, linked: 0, since: probeTime(next) };
	};
	if (options.force) return empty('--force: every page is rendered');
	if (!previous) return empty('no previous output');
	if (!existsSync(join(cacheDir, MANIFEST))) return empty(`Astro's cache has no pages`);
	if (recorded !== identityOf(previous))
		return empty(`${previous} is not the output the cache describes (a rollback, or a build cut short)`);
	const started = performance.now();
	try {
		const linked = linkTree(previous, next);
		return {
			from: previous,
			linked,
			note: `${linked} files linked from ${previous} in ${Math.round(performance.now() - started)} ms`,
			since: probeTime(next),
		};
	} catch (error) {
		return empty(`could not link ${previous} (${(error as Error).message})`);
	}
}

/** Hard-links every file of `from` into the new folder `to`, except the top-level folders `except`. */
export function linkTree(from: string, to: string, except: readonly string[] = NOT_LINKED): number {
	let linked = 0;
	const walk = (source: string, target: string, top: boolean) => {
		mkdirSync(target);
		for (const entry of readdirSync(source, { withFileTypes: true })) {
			if (top && except.includes(entry.name)) continue;
			const path = join(source, entry.name);
			if (entry.isDirectory()) walk(path, join(target, entry.name), false);
			else {
				linkSync(path, join(target, entry.name));
				linked++;
			}
		}
	};
	walk(from, to, true);
	return linked;
}

/** The file system's clock now, read from a file made and removed in `folder`. */
function probeTime(folder: string): bigint {
	const probe = join(folder, `.newsroom-probe-${process.pid}`);
	writeFileSync(probe, '');
	const time = lstatSync(probe, { bigint: true }).mtimeNs;
	unlinkSync(probe);
	return time;
}

/**
 * The output files of the pages in Astro's incremental manifest, from the output folder: the pages
 * a build kept or rendered. The manifest holds every page's images too (108 MB at 10,000 articles,
 * growing with the archive past the longest string V8 can make), so its `outputFile` values are
 * read from its bytes rather than parsed. No manifest means no page was kept; a manifest that
 * cannot be read fails the build rather than deleting every page it kept.
 */
function manifestFiles(cacheDir: string): Set<string> {
	let bytes: Buffer;
	try {
		bytes = readFileSync(join(cacheDir, MANIFEST));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
		throw error;
	}
	const files = new Set<string>();
	const key = Buffer.from('"outputFile":');
	const quote = 0x22;
	for (let at = bytes.indexOf(key); at !== -1; at = bytes.indexOf(key, at + key.length)) {
		const start = bytes.indexOf(quote, at + key.length) + 1;
		const end = bytes.indexOf(quote, start);
		files.add(decodeURI(bytes.toString('utf8', start, end)));
	}
	return files;
}

/** What settling the output did. */
export interface SettleReport {
	/** Files of the last output kept as they were (unchanged pages). */
	kept: number;
	/** Files of the last output deleted: no longer made by this build. */
	removed: number;
}

/**
 * After Astro, in a folder started from links (`startOutput`): deletes each linked file that this
 * build neither wrote nor kept as an unchanged page, then the folders left empty. Throws if a
 * linked file was written during the build, that is through the link into the last output.
 */
export function settleOutput(next: string, cacheDir: string, since: bigint): SettleReport {
	const pages = manifestFiles(cacheDir);
	const emptied = new Set<string>();
	const writtenThrough: string[] = [];
	let kept = 0;
	let removed = 0;
	for (const entry of readdirSync(next, { withFileTypes: true })) {
		if (NOT_LINKED.includes(entry.name)) continue;
		const files = entry.isDirectory()
			? readdirSync(join(next, entry.name), { recursive: true, withFileTypes: true })
					.filter((file) => !file.isDirectory())
					.map((file) => join(file.parentPath, file.name))
			: [join(next, entry.name)];
		for (const path of files) {
			const info = lstatSync(path, { bigint: true });
			if (info.mtimeNs > since) {
				// Written by this build: a new file, unless a writer went through the link.
				if (info.nlink > 1n) writtenThrough.push(relative(next, path));
			} else if (pages.has(relative(next, path).split(sep).join('/'))) kept++;
			else {
				unlinkSync(path);
				emptied.add(dirname(path));
				removed++;
			}
		}
	}
	if (writtenThrough.length > 0)
		throw new Error(
			`the build wrote into files shared with the previous output: ${writtenThrough.slice(0, 5).join(', ')}`,
		);
	removeEmptyFolders(next, emptied);
	return { kept, removed };
}

/** Removes each folder of `folders` that is empty, and its parents that become empty, up to `root`. */
function removeEmptyFolders(root: string, folders: Set<string>): void {
	for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
		for (let path = folder; path !== root && path.startsWith(root); path = dirname(path)) {
			try {
				rmdirSync(path);
			} catch {
				break;
			}
		}
	}
}
