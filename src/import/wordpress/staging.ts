/**
 * The files of a WordPress import, staged in a temporary folder beside the content and then
 * moved into place by the importer's usual rule: a byte-identical file is left alone, a different
 * one is only replaced with `--force`. Staging first means a broken export writes nothing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeDifference, readIfExists, writeAtomically } from '../files.ts';

/** One file to put in the content tree: text staged in the temporary folder, or a media file copied from uploads. */
export interface StagedFile {
	/** Path inside the content folder, `/`-separated. */
	target: string;
	type: 'article' | 'page' | 'category' | 'author' | 'media' | 'redirects';
	/** The staged copy or the upload to copy. */
	source: string;
}

/** What happened to the files of one type. */
export interface Counts {
	written: number;
	replaced: number;
	unchanged: number;
	refused: number;
}

/** The temporary folder and what is staged in it, in the order it was staged. */
export class Staging {
	readonly folder: string;
	readonly files: StagedFile[] = [];
	constructor(folder: string) {
		this.folder = folder;
	}

	/** Writes `text` as the future `target` of the content tree. */
	async write(target: string, type: StagedFile['type'], text: string): Promise<void> {
		const source = path.join(this.folder, ...target.split('/'));
		await mkdir(path.dirname(source), { recursive: true });
		await writeFile(source, text);
		this.files.push({ target, type, source });
	}

	/** A file to copy as it is (an upload). */
	add(file: StagedFile): void {
		this.files.push(file);
	}
}

/** Media first and redirects last, so no moment has a link to a missing file. */
const MOVE_ORDER: StagedFile['type'][] = ['media', 'category', 'author', 'article', 'page', 'redirects'];

/**
 * Step 3: moves the staged files into the content tree, each atomically. Returns the counts by
 * type, and the refusals (files that differ, kept without `--force`) for the caller to print.
 */
export async function moveIntoPlace(
	staged: StagedFile[],
	contentRoot: string,
	options: { contentDir: string; force: boolean },
): Promise<{ outcomes: Map<string, Counts>; refusals: string[] }> {
	staged.sort((a, b) => MOVE_ORDER.indexOf(a.type) - MOVE_ORDER.indexOf(b.type));
	const outcomes = new Map<string, Counts>();
	const refusals: string[] = [];
	for (const file of staged) {
		const counts = outcomes.get(file.type) ?? { written: 0, replaced: 0, unchanged: 0, refused: 0 };
		outcomes.set(file.type, counts);
		const target = path.join(contentRoot, ...file.target.split('/'));
		const wanted = await readFile(file.source);
		const existing = await readIfExists(target);
		if (existing?.equals(wanted)) {
			counts.unchanged += 1;
			continue;
		}
		const shown = path.join(options.contentDir, ...file.target.split('/'));
		if (existing !== undefined && !options.force) {
			counts.refused += 1;
			const difference = file.target.endsWith('.md')
				? describeDifference(existing.toString('utf8'), wanted.toString('utf8'))
				: 'differs';
			refusals.push(`${shown} already exists and ${difference}; not overwritten, use --force to replace it`);
			continue;
		}
		await mkdir(path.dirname(target), { recursive: true });
		await writeAtomically(target, wanted);
		if (existing === undefined) counts.written += 1;
		else {
			counts.replaced += 1;
			console.log(`replaced  ${shown}`);
		}
	}
	return { outcomes, refusals };
}
