/**
 * Decap copies an article's shared fields (date, category…) into the English version, so every
 * save would write `content/articles/en/<slug>.md` even when nobody translated the article. The
 * CMS's Markdown format writes an untranslated version as blank text, and this drops blank files
 * from a save before the backend commits it. (Decap skips a locale whose text is empty, but
 * appends a newline to every file first: decap-cms-core backend.js, entryToRaw.)
 */

/** One file of a save, as Decap hands it to a backend. */
interface DataFile {
	path: string;
	raw: string;
}

/** A save, as Decap hands it to a backend's `persistEntry`. */
export interface BackendEntry {
	dataFiles: DataFile[];
	[key: string]: unknown;
}

/** The save without its blank files. */
export function withoutBlankFiles<Entry extends BackendEntry>(entry: Entry): Entry {
	return { ...entry, dataFiles: entry.dataFiles.filter((file) => file.raw.trim() !== '') };
}

interface Backend {
	persistEntry(entry: BackendEntry, options: unknown): Promise<unknown>;
}

interface BackendRegistry {
	getBackend(name: string): { init: (...args: unknown[]) => Backend } | undefined;
}

/**
 * Makes the named backends drop blank files from every save. Decap refuses to register a backend
 * name twice, so the registered entries' `init` is wrapped in place.
 */
export function skipBlankFiles(cms: BackendRegistry, names: readonly string[]): void {
	for (const name of names) {
		const registered = cms.getBackend(name);
		if (!registered) continue;
		const init = registered.init;
		registered.init = (...args) => {
			const backend = init(...args);
			const persist = backend.persistEntry.bind(backend);
			backend.persistEntry = (entry, options) => persist(withoutBlankFiles(entry), options);
			return backend;
		};
	}
}
