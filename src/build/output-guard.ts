/**
 * Loaded into Astro's process with `node --import` by `npm run build` when the new output starts
 * as hard links to the last one (`previous-output.ts`). In: `NEWSROOM_OUTPUT_GUARD`, the output
 * folder. Out: Node's file functions changed so that a write to a file under that folder replaces
 * the file (a new inode) instead of writing into it: Astro, Vite and the integrations rewrite
 * files in place (`writeFile`, `copyFile`, `createWriteStream` open with O_TRUNC), which would
 * write through a hard link into the live site.
 *
 * A write that truncates unlinks the path first; one that keeps the file's bytes (append, `r+`,
 * `truncate`, a change of mode or times) first gives the path a copy of its own. Native code
 * (Rolldown, Pagefind) does not go through Node's functions: the folders it writes are never
 * linked (see `NOT_LINKED` in previous-output.ts), and the build checks afterwards that no linked
 * file was modified.
 */
import fs, { constants } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The environment variable that names the guarded folder. */
export const OUTPUT_GUARD_VARIABLE = 'NEWSROOM_OUTPUT_GUARD';

type Detach = 'replace' | 'keep-bytes';
type AnyFunction = (...args: never[]) => unknown;

/** Node's own functions, captured before any is wrapped. */
const original = {
	unlinkSync: fs.unlinkSync,
	lstatSync: fs.lstatSync,
	copyFileSync: fs.copyFileSync,
	renameSync: fs.renameSync,
	statSync: fs.statSync,
	readdirSync: fs.readdirSync,
};

/** The path a file function was given, or undefined for a descriptor or a FileHandle. */
function pathOf(target: unknown): string | undefined {
	if (typeof target === 'string') return resolve(target);
	if (Buffer.isBuffer(target)) return resolve(target.toString());
	if (target instanceof URL) return fileURLToPath(target);
	return undefined;
}

/** What an `open` flag does to an existing file: replaced, written in place, or only read or created. */
export function detachFor(flags: unknown): Detach | undefined {
	if (typeof flags === 'number') {
		if ((flags & (constants.O_WRONLY | constants.O_RDWR)) === 0 || flags & constants.O_EXCL) return undefined;
		return flags & constants.O_TRUNC ? 'replace' : 'keep-bytes';
	}
	const text = typeof flags === 'string' ? flags : 'r';
	if (text.includes('x')) return undefined;
	if (text.startsWith('w')) return 'replace';
	if (text.startsWith('a') || text.includes('+')) return 'keep-bytes';
	return undefined;
}

/**
 * Gives `path` a file of its own: unlinked when it is about to be replaced, or copied aside and
 * renamed over itself when its bytes must stay (only when another link shares it).
 */
function detach(path: string, how: Detach): void {
	if (how === 'replace') {
		try {
			original.unlinkSync(path);
		} catch {
			// Not there (or a folder): the write goes ahead and fails or succeeds as it would have.
		}
		return;
	}
	let info;
	try {
		info = original.lstatSync(path);
	} catch {
		return;
	}
	if (!info.isFile() || info.nlink < 2) return;
	const copy = `${path}.${process.pid}.unshared`;
	original.copyFileSync(path, copy);
	original.renameSync(copy, path);
}

/** Every file under `source` as its path under `destination`, for `cp`. */
function destinations(source: string, destination: string): string[] {
	let info;
	try {
		info = original.statSync(source);
	} catch {
		return [];
	}
	if (!info.isDirectory()) return [destination];
	return original
		.readdirSync(source, { recursive: true, withFileTypes: true })
		.filter((entry) => !entry.isDirectory())
		.map((entry) => resolve(destination, resolve(entry.parentPath, entry.name).slice(source.length + 1)));
}

/**
 * Changes Node's file functions (callback, synchronous and promise forms) so that writes under
 * `folder` replace files instead of writing into them. Named imports of `node:fs` and
 * `node:fs/promises` made after this call see the new functions.
 */
export function guardWrites(folder: string): void {
	const root = resolve(folder);
	const guarded = (path: string | undefined): path is string =>
		path !== undefined && (path === root || path.startsWith(root + sep));
	const before = (target: unknown, how: Detach | undefined) => {
		const path = pathOf(target);
		if (how && guarded(path)) detach(path, how);
	};
	const wrap = (owner: object, name: string, check: (...args: unknown[]) => void) => {
		const table = owner as Record<string, AnyFunction>;
		const inner = table[name];
		if (typeof inner !== 'function') return;
		table[name] = Object.assign(
			function (this: unknown, ...args: unknown[]) {
				check(...args);
				return (inner as (...args: unknown[]) => unknown).apply(this, args);
			},
			{ unguarded: inner },
		) as AnyFunction;
	};
	const writeFlag = (options: unknown) =>
		options && typeof options === 'object' && 'flag' in options ? (options as { flag: unknown }).flag : 'w';
	const streamFlags = (options: unknown) =>
		options && typeof options === 'object' && 'flags' in options
			? (options as { flags: unknown }).flags
			: 'w';
	const copyMode = (mode: unknown) =>
		typeof mode === 'number' && mode & constants.COPYFILE_EXCL ? undefined : 'replace';
	for (const [owner, suffix] of [
		[fs, ''],
		[fs, 'Sync'],
		[fs.promises, ''],
	] as const) {
		wrap(owner, `writeFile${suffix}`, (path, _data, options) => before(path, detachFor(writeFlag(options))));
		wrap(owner, `appendFile${suffix}`, (path) => before(path, 'keep-bytes'));
		wrap(owner, `copyFile${suffix}`, (_source, destination, mode) => before(destination, copyMode(mode)));
		wrap(owner, `open${suffix}`, (path, flags) => before(path, detachFor(flags)));
		wrap(owner, `truncate${suffix}`, (path) => before(path, 'keep-bytes'));
		for (const name of ['chmod', 'chown', 'lchown', 'utimes', 'lutimes'])
			wrap(owner, `${name}${suffix}`, (path) => before(path, 'keep-bytes'));
		wrap(owner, `cp${suffix}`, (source, destination, options) => {
			const path = pathOf(destination);
			const sourcePath = pathOf(source);
			const force = !(options && typeof options === 'object' && 'force' in options && !options.force);
			if (force && sourcePath && guarded(path))
				for (const file of destinations(sourcePath, path)) detach(file, 'replace');
		});
	}
	wrap(fs, 'createWriteStream', (path, options) =>
		before(path, detachFor(typeof options === 'string' ? 'w' : streamFlags(options))),
	);
	syncBuiltinESMExports();
}

const folder = process.env[OUTPUT_GUARD_VARIABLE];
if (folder) guardWrites(folder);
