import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
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
	const dir = join(root, 'content', folder);
	const entries = readdirSync(dir)
		.filter((name) => name.endsWith('.yml'))
		.map((name) => {
			const data = (loadYaml(readFileSync(join(dir, name), 'utf8')) ?? {}) as { name?: { ar?: string }; order?: number };
			const value = name.slice(0, -'.yml'.length);
			return { label: data.name?.ar ?? value, value, order: data.order ?? 0 };
		});
	entries.sort((a, b) => a.order - b.order || a.value.localeCompare(b.value));
	return entries.map(({ label, value }) => ({ label, value }));
}
