/** File helpers shared by the importers: reads that tolerate absence, atomic writes, readable differences. */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';

/** The file's bytes, or undefined when there is no such file. */
export async function readIfExists(file: string): Promise<Buffer | undefined> {
	try {
		return await readFile(file);
	} catch (error) {
		if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** Readers (and the dev server) never see a half-written file: write beside it, then rename. */
export async function writeAtomically(target: string, data: string | Uint8Array): Promise<void> {
	const temporary = path.join(
		path.dirname(target),
		`.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
	);
	try {
		await writeFile(temporary, data, { flag: 'wx' });
		await rename(temporary, target);
	} catch (error) {
		await rm(temporary, { force: true });
		throw error;
	}
}

/**
 * Why an existing Markdown file is not what an import would write, for the refusal message: the
 * front matter fields and/or 'body' that differ, and a warning when the title differs, which
 * is more likely another article with the same slug than an edit.
 */
export function describeDifference(existing: string, wanted: string): string {
	let before;
	let after;
	try {
		before = matter(existing);
		after = matter(wanted);
	} catch {
		return 'its front matter is not valid YAML';
	}
	const fields = new Set([...Object.keys(before.data), ...Object.keys(after.data)]);
	const parts = [...fields].filter(
		(field) => JSON.stringify(before.data[field]) !== JSON.stringify(after.data[field]),
	);
	if (before.content.trim() !== after.content.trim()) parts.push('body');
	if (parts.length === 0) return 'differs in layout only';
	const otherTitle = parts.includes('title')
		? `; it is titled «${before.data.title}»: another article with the same slug?`
		: '';
	return `differs in ${parts.join(', ')}${otherTitle}`;
}
