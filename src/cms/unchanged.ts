/**
 * A save that changes nothing writes nothing. In: a `persistEntry` request and a reader of the
 * files it would replace. Out: the request with each file that says the same as before put back
 * byte for byte (see `same-document.ts`), and whether anything is left to save at all. Without
 * this, saving an untouched article rewrote its files and, in git mode, left an empty branch.
 */
import { sameDocument } from './same-document.ts';

/** What `persistEntry` carries (decap-server's `PersistEntryParams`). */
export interface PersistParams {
	entry?: DataFile;
	dataFiles?: DataFile[];
	assets?: { path: string; content: string; encoding: BufferEncoding }[];
	options?: { useWorkflow?: boolean; collectionName?: string };
}
interface DataFile {
	path: string;
	raw: string;
	slug?: string;
	newPath?: string;
}

/** Reads a file as the save would find it, or undefined when it is not there. */
export type ReadCurrent = (path: string) => Promise<Buffer | undefined>;

/** Keeps the bytes of unchanged files in `params`; resolves true when the save changes nothing. */
export async function keepUnchanged(params: PersistParams, read: ReadCurrent): Promise<boolean> {
	const files = params.dataFiles ?? (params.entry ? [params.entry] : []);
	let changed =
		files.length === 0 || files.some((file) => file.newPath !== undefined && file.newPath !== file.path);
	for (const file of files) {
		const current = (await read(file.path))?.toString('utf8');
		if (current !== undefined && typeof file.raw === 'string' && sameDocument(file.path, current, file.raw))
			file.raw = current;
		else changed = true;
	}
	for (const asset of params.assets ?? []) {
		const current = await read(asset.path);
		if (!current?.equals(Buffer.from(asset.content, asset.encoding))) changed = true;
	}
	return !changed;
}
