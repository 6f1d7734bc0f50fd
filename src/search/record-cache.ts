import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Locale } from '../i18n/locales.ts';
import { searchRecord, type ArticleForSearch } from './records.ts';

/**
 * The last build's search records, by a digest of what each was made from, so that a publish
 * analyses only the articles that are new or changed. In: each article's search input; out: its
 * record as a JSON line, from the cache when the input and the analysing code are those it was
 * made with. Analysis is the records step's main cost and grows with the archive; hashing an
 * input costs a small fraction of it. The cache is a file of `<digest>\t<record JSON>` lines
 * after a first line naming the code; only the offsets of its lines are held in memory, so an
 * archive of any size fits.
 */
export class RecordCache {
	readonly #file: string;
	readonly #code: string;
	#last = new Map<string, { start: number; bytes: number }>();
	#reader: FileHandle | undefined;
	#writer: FileHandle | undefined;
	#pending = '';
	analysed = 0;
	reused = 0;

	constructor(cacheDir: string, locale: Locale, codeKey: string) {
		this.#file = join(cacheDir, 'search-record-cache', `${locale}.tsv`);
		this.#code = codeKey;
	}

	/** Indexes the last build's records; none when there are none, or they were made by other code. */
	async open({ reuse = true }: { reuse?: boolean } = {}): Promise<void> {
		await mkdir(dirname(this.#file), { recursive: true });
		this.#writer = await open(this.#temporary(), 'w');
		await this.#writer.write(`${this.#code}\n`);
		if (!reuse || !existsSync(this.#file)) return;
		let offset = 0;
		let first = true;
		for await (const line of createInterface({ input: createReadStream(this.#file), crlfDelay: Infinity })) {
			const bytes = Buffer.byteLength(line) + 1;
			if (first && line !== this.#code) return;
			const tab = line.indexOf('\t');
			if (!first && tab > 0)
				this.#last.set(line.slice(0, tab), { start: offset + tab + 1, bytes: bytes - tab - 2 });
			first = false;
			offset += bytes;
		}
		this.#reader = await open(this.#file, 'r');
	}

	/** The record of an article as JSON: the cached one when its input did not change, else a new analysis. */
	async record(article: ArticleForSearch): Promise<string> {
		const key = inputDigest(article);
		const at = this.#last.get(key);
		let json: string;
		if (at && this.#reader) {
			const buffer = Buffer.alloc(at.bytes);
			await this.#reader.read(buffer, 0, at.bytes, at.start);
			json = buffer.toString('utf8');
			this.reused++;
		} else {
			json = JSON.stringify(searchRecord(article));
			this.analysed++;
		}
		this.#pending += `${key}\t${json}\n`;
		if (this.#pending.length > 1 << 20) await this.#flush();
		return json;
	}

	/** Keeps this build's records (and only them: a deleted article leaves the cache) for the next build. */
	async close(): Promise<void> {
		await this.#flush();
		await this.#writer?.close();
		await this.#reader?.close();
		await rename(this.#temporary(), this.#file);
	}

	async #flush(): Promise<void> {
		await this.#writer?.write(this.#pending);
		this.#pending = '';
	}

	#temporary(): string {
		return `${this.#file}.${process.pid}`;
	}
}

function inputDigest(article: ArticleForSearch): string {
	return createHash('sha256')
		.update(JSON.stringify({ ...article, date: article.date.toISOString() }))
		.digest('base64url');
}

/**
 * A digest of the search code: every module of src/search/ (which analyse an article into its
 * record, and add related forms and word lists at index time) and the date formatting, read from
 * the project (`root`: the records step runs bundled, away from its sources). Any change to them
 * analyses every article again and rebuilds the indexes.
 */
export async function searchCodeKey(root: string): Promise<string> {
	const hash = createHash('sha256');
	const searchDir = join(root, 'src/search');
	for (const name of (await readdir(searchDir)).filter((file) => file.endsWith('.ts')).sort()) {
		hash.update(name).update(await readFile(join(searchDir, name)));
	}
	hash.update(await readFile(join(root, 'src/i18n/dates.ts')));
	return hash.digest('base64url');
}
