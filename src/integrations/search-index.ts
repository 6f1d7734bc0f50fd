import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { localeCodes, locales } from '../lib/locales.ts';
import { searchRecordSchema, type SearchRecord } from '../lib/search-records.ts';
import { searchBundleUrl } from '../lib/urls.ts';

/** Pagefind's prebuilt interfaces: the search page has its own, so they are not published. */
const UNUSED_FILES = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** What writing an index did. */
export interface IndexReport {
	pages: number;
	files: number;
	bytes: number;
}

/**
 * Writes a Pagefind index of `records` into `outputPath`. Pagefind's reported errors, and any
 * failure of the tool, are thrown as one error saying what failed.
 */
export async function writeSearchIndex(records: SearchRecord[], outputPath: string): Promise<IndexReport> {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
	if (!index || errors.length > 0) throw new Error('Pagefind could not create an index', { cause: errors });
	// A hundred records at a time keep Pagefind's service busy without holding every reply in memory.
	for (let start = 0; start < records.length; start += 100) {
		await Promise.all(
			records.slice(start, start + 100).map(async (record) => {
				const added = await index.addCustomRecord(record);
				if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}`, { cause: added.errors });
			}),
		);
	}
	const written = await index.writeFiles({ outputPath });
	if (written.errors.length > 0) throw new Error(`Pagefind could not write the index to ${outputPath}`, { cause: written.errors });
	await index.deleteIndex();
	await pruneBundle(outputPath);
	return { pages: records.length, ...(await folderSize(outputPath)) };
}

/** Removes Pagefind's prebuilt interfaces from a bundle. */
export async function pruneBundle(outputPath: string): Promise<void> {
	for (const name of await readdir(outputPath)) if (UNUSED_FILES.test(name)) await rm(join(outputPath, name));
}

/** Number of files and bytes under a folder. */
export async function folderSize(folder: string): Promise<{ files: number; bytes: number }> {
	let files = 0;
	let bytes = 0;
	for (const name of await readdir(folder, { recursive: true })) {
		const info = await stat(join(folder, name));
		if (info.isFile()) {
			files++;
			bytes += info.size;
		}
	}
	return { files, bytes };
}

/**
 * After every `astro build` (which empties `dist/`), indexes each language's published articles
 * from the records the site wrote at `<prefix>/search/records.json`, then deletes those files.
 */
export function searchIndex(): AstroIntegration {
	return {
		name: 'newsroom:search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				try {
					for (const locale of localeCodes) {
						const started = performance.now();
						const recordsFile = fileURLToPath(new URL(`.${locales[locale].prefix}/search/records.json`, dir));
						const outputPath = fileURLToPath(new URL(`.${searchBundleUrl(locale)}`, dir));
						let records: SearchRecord[];
						try {
							records = searchRecordSchema.array().parse(JSON.parse(await readFile(recordsFile, 'utf8')));
						} catch (cause) {
							throw new Error(`could not read the search records ${recordsFile}`, { cause });
						}
						const report = await writeSearchIndex(records, outputPath);
						await rm(recordsFile);
						const ms = Math.round(performance.now() - started);
						logger.info(
							`${locale}: ${report.pages} articles indexed, ${report.files} files, ${(report.bytes / 1024).toFixed(0)} KB written in ${ms} ms`,
						);
					}
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
