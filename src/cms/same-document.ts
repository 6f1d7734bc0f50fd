/**
 * Whether a file the CMS is about to write says the same as the file on disk: the same front
 * matter or YAML data (dates compared as instants) and a Markdown body that parses to the same
 * tree. Decap writes a form back in its own way (quoting, key order, a date moved to UTC, list
 * markers), so an untouched article would otherwise be rewritten; the backend keeps the bytes
 * on disk when nothing was changed (see `unchanged.ts`).
 */
import { isDeepStrictEqual } from 'node:util';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { frontMatterFormat, yamlFormat, type EntryData } from '../../admin/lib/front-matter.ts';

/** An ISO 8601 date-time with its offset, as the datetime fields hold. */
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;

/** Dates (parsed or written as text) as their instant; other values as they are. */
function normalise(value: unknown): unknown {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'string') return DATE_TIME.test(value) ? new Date(value).getTime() : value;
	if (Array.isArray(value)) return value.map(normalise);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalise(item)]));
	return value;
}

/** A Markdown body's syntax tree without positions: what it says, not how it is spelled. */
function markdownTree(body: unknown): unknown {
	const text = typeof body === 'string' ? body.trim() : '';
	const strip = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.map(strip);
		if (!node || typeof node !== 'object') return node;
		return Object.fromEntries(
			Object.entries(node)
				.filter(([key]) => key !== 'position')
				.map(([key, value]) => [key, strip(value)]),
		);
	};
	return strip(fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
}

function parse(path: string, text: string): EntryData | undefined {
	try {
		return path.endsWith('.md') ? frontMatterFormat.fromFile(text) : yamlFormat.fromFile(text);
	} catch {
		return undefined; // a file that does not parse is never "the same"
	}
}

/** Whether `written` (from the CMS) and `current` (on disk) of the file at `path` say the same. */
export function sameDocument(path: string, current: string, written: string): boolean {
	if (current === written) return true;
	if (!/\.(md|ya?ml)$/.test(path)) return false;
	const [before, after] = [parse(path, current), parse(path, written)];
	if (!before || !after) return false;
	const { body: bodyBefore, ...dataBefore } = before;
	const { body: bodyAfter, ...dataAfter } = after;
	if (!isDeepStrictEqual(normalise(dataBefore), normalise(dataAfter))) return false;
	return !path.endsWith('.md') || isDeepStrictEqual(markdownTree(bodyBefore), markdownTree(bodyAfter));
}
