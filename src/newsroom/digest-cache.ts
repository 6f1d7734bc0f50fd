import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What a step found in each file of the content tree, kept from one build to the next by a
 * digest of the file's bytes. In: a JSON file in the build's cache folder and a key of the code
 * that made the entries; out: a file's entry when its bytes and the code are those it was made
 * from. A publish still reads every file (as cheap as listing their sizes and times), but
 * parses and validates only the new and changed ones. The digest is of the bytes, not of the
 * file's time and size, because a deploy checks every file out anew (`git archive` gives all of
 * them the commit's time) and two edits of a file can share a size and a time.
 */
export class DigestCache<T> {
	readonly #file: string | undefined;
	readonly #code: string;
	#last = new Map<string, { digest: string; value: T }>();
	readonly #next = new Map<string, { digest: string; value: T }>();
	/** Files whose entry was reused, and files read anew, since the cache was opened. */
	hits = 0;
	misses = 0;

	/** `file` undefined: a cache that remembers nothing, for callers without a cache folder. */
	constructor(file: string | undefined, codeKey: string, { reuse = true }: { reuse?: boolean } = {}) {
		this.#file = file;
		this.#code = codeKey;
		if (!file || !reuse || !existsSync(file)) return;
		try {
			const saved = JSON.parse(readFileSync(file, 'utf8')) as {
				code: string;
				entries: Record<string, { digest: string; value: T }>;
			};
			if (saved.code === codeKey) this.#last = new Map(Object.entries(saved.entries));
		} catch {
			// A cache cut short (a build killed while writing it) is no cache.
		}
	}

	/** The entry of `name` when its bytes are those it was made from; kept for the next build. */
	get(name: string, digest: string): T | undefined {
		const entry = this.#last.get(name);
		if (!entry || entry.digest !== digest) {
			this.misses++;
			return undefined;
		}
		this.hits++;
		this.#next.set(name, entry);
		return entry.value;
	}

	/** Remembers what was found in `name` for the next build. */
	set(name: string, digest: string, value: T): void {
		this.#next.set(name, { digest, value });
	}

	/** Writes this run's entries, and only them (a deleted file leaves the cache), for the next build. */
	save(): void {
		if (!this.#file) return;
		mkdirSync(dirname(this.#file), { recursive: true });
		const temporary = `${this.#file}.${process.pid}`;
		writeFileSync(temporary, JSON.stringify({ code: this.#code, entries: Object.fromEntries(this.#next) }));
		renameSync(temporary, this.#file);
	}
}

/** The digest of a file's bytes that entries are kept by. */
export function bytesDigest(bytes: Uint8Array): string {
	return hash('sha1', bytes, 'base64url');
}

/** A key of code: a digest of its source files (and anything else it depends on, e.g. package versions). */
export function codeDigest(parts: readonly (string | Uint8Array)[]): string {
	return hash('sha1', Buffer.concat(parts.map((part) => Buffer.from(part))), 'base64url');
}
