import { join } from 'node:path';
import { readYaml, yamlFiles } from '../src/newsroom/content-tree.ts';
import type { Choice, CmsChoices } from './config.ts';

/**
 * The sections and authors that the CMS's selects offer, read from content/ when the CMS is
 * bundled (in Node, never in the browser): `{ label: Arabic name, value: file name }`, sections
 * in their menu order. A section or author added in the CMS shows in the selects once /admin/ is
 * bundled again: at the next build, or on reload under `npm run dev`.
 */
export function readChoices(root: string): CmsChoices {
	return { sections: read(root, 'categories'), authors: read(root, 'authors') };
}

function read(root: string, folder: string): Choice[] {
	const entries = yamlFiles(join(root, 'content', folder)).map(({ id: value, file }) => {
		const data = (readYaml(file) ?? {}) as { name?: { ar?: string }; order?: number };
		return { label: data.name?.ar ?? value, value, order: data.order ?? 0 };
	});
	entries.sort((a, b) => a.order - b.order || a.value.localeCompare(b.value));
	return entries.map(({ label, value }) => ({ label, value }));
}
