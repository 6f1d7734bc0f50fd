import { dump, load } from 'js-yaml';
import { LIST_KEYS } from './list-fields.ts';

/**
 * The files the CMS reads and writes, in the shape the site's schemas accept. Decap's own
 * formatters write every field of the form, so these replace them (registered with
 * `CMS.registerCustomFormat`):
 * - `slug` is the file name, never a key in the file (the schemas are strict);
 * - an optional field left empty is left out, not written as `''` (which the schemas reject);
 * - a translation with no title of its own is written as blank text, which `blank-translations.ts`
 *   keeps out of the save: Decap copies the shared fields (date, category…) into the other
 *   language and would otherwise write an English file with no headline for every Arabic article.
 */

/** A form's data as Decap hands it over: field values and, for Markdown, `body`. */
export type EntryData = Record<string, unknown>;

/** Keys the form has but the file must not: the slug is the file name; the list's keys are worked out on reading. */
const NOT_IN_FILE = new Set<string>(['slug', ...LIST_KEYS]);

/** Whether a value is "nothing typed": undefined, null, blank text, or an empty list or object. */
function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.every(isEmpty);
	if (value instanceof Date) return false;
	if (typeof value === 'object') return Object.values(value).every(isEmpty);
	return false;
}

/** The data without the slug and without empty values, recursively, keeping the form's key order. */
export function cleanData(data: EntryData): EntryData {
	const clean: EntryData = {};
	for (const [key, value] of Object.entries(data)) {
		if (NOT_IN_FILE.has(key) || isEmpty(value)) continue;
		clean[key] = cleanValue(value);
	}
	return clean;
}

function cleanValue(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return value.filter((item) => !isEmpty(item)).map(cleanValue);
	if (value && typeof value === 'object') return cleanData(value as EntryData);
	return typeof value === 'string' ? value.trim() : value;
}

/** Keys in the order of the form's fields (Decap passes them), unknown keys after them. */
function ordered(data: EntryData, sortedKeys: readonly string[]): EntryData {
	const keys = Object.keys(data).sort((a, b) => rank(a) - rank(b));
	return Object.fromEntries(keys.map((key) => [key, data[key]]));
	function rank(key: string) {
		const index = sortedKeys.indexOf(key);
		return index === -1 ? sortedKeys.length : index;
	}
}

const dumpOptions = { lineWidth: -1 } as const;

/** YAML data files (categories, authors, settings). */
export const yamlFormat = {
	fromFile(content: string): EntryData {
		return (load(content) as EntryData | null) ?? {};
	},
	toFile(data: EntryData, sortedKeys: string[] = []): string {
		return dump(ordered(cleanData(data), sortedKeys), dumpOptions);
	},
};

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** Markdown with YAML front matter (articles, static pages). */
export const frontMatterFormat = {
	fromFile(content: string): EntryData {
		const match = FRONT_MATTER.exec(content);
		if (!match) return content.trim() ? { body: content } : {};
		const data = (load(match[1] ?? '') as EntryData | null) ?? {};
		const body = content.slice(match[0].length).replace(/^\r?\n/, '');
		return body.trim() ? { ...data, body } : data;
	},
	toFile(data: EntryData, sortedKeys: string[] = []): string {
		const { body, ...fields } = data;
		// A language version without its own headline is an untranslated copy: write nothing.
		if (isEmpty(fields.title)) return '';
		const yaml = dump(ordered(cleanData(fields), sortedKeys), dumpOptions);
		const text = typeof body === 'string' ? body.trim() : '';
		return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
	},
};
