import { createReadStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Locale } from '../i18n/locales.ts';
import type { SearchRecord } from './records.ts';

/**
 * The hand-over between the build's two steps: `astro build` writes each language's search
 * records here as JSON lines, and `npm run build` indexes them once Astro has exited. In
 * Astro's cache folder, never in the site.
 */
export function recordsFile(cacheDir: string, locale: Locale): string {
	return join(cacheDir, 'search-records', `${locale}.jsonl`);
}

/** Writes records (each already as JSON) as JSON lines, a batch at a time, and returns how many. */
export async function writeRecords(file: string, records: AsyncIterable<string>): Promise<number> {
	await mkdir(dirname(file), { recursive: true });
	const out = await open(file, 'w');
	let count = 0;
	let batch = '';
	try {
		for await (const record of records) {
			count++;
			batch += `${record}\n`;
			if (batch.length > 1 << 20) {
				await out.write(batch);
				batch = '';
			}
		}
		await out.write(batch);
	} finally {
		await out.close();
	}
	return count;
}

/** Reads records written by `writeRecords`, one line at a time. */
export async function* readRecords(file: string): AsyncIterable<SearchRecord> {
	const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
	for await (const line of lines) if (line) yield JSON.parse(line) as SearchRecord;
}
