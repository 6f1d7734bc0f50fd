import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml, readYaml, yamlFiles } from '../src/newsroom/content-tree.ts';
import type { Choice, CmsChoices } from './config.ts';

/**
 * The sections, authors and tags that the CMS's forms offer, read from content/ when the CMS is
 * bundled (in Node, never in the browser): sections and authors as `{ label: Arabic name, value:
 * file name }`, sections in their menu order; tags per language, most used first. A section,
 * author or tag added in the CMS shows in the forms once /admin/ is bundled again: at the next
 * build, or on reload under `npm run dev`.
 */
export function readChoices(root: string): CmsChoices {
	return { sections: read(root, 'categories'), authors: read(root, 'authors'), tags: readTags(root) };
}

function read(root: string, folder: string): Choice[] {
	const entries = yamlFiles(join(root, 'content', folder)).map(({ id: value, file }) => {
		const data = (readYaml(file) ?? {}) as { name?: { ar?: string }; order?: number };
		return { label: data.name?.ar ?? value, value, order: data.order ?? 0 };
	});
	entries.sort((a, b) => a.order - b.order || a.value.localeCompare(b.value));
	return entries.map(({ label, value }) => ({ label, value }));
}

/** The most tags offered per language: enough for any newsroom's working set, small in the bundle. */
const MAX_TAGS = 2000;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/** The tags the site's articles use, per language, most used first (ties in alphabetical order). */
function readTags(root: string): { ar: string[]; en: string[] } {
	return { ar: tagsOf(join(root, 'content/articles/ar')), en: tagsOf(join(root, 'content/articles/en')) };
}

function tagsOf(dir: string): string[] {
	if (!existsSync(dir)) return [];
	const counts = new Map<string, number>();
	for (const name of readdirSync(dir)) {
		if (!name.endsWith('.md')) continue;
		const match = FRONT_MATTER.exec(readFileSync(join(dir, name), 'utf8'));
		let tags: unknown;
		try {
			tags = (parseYaml(match?.[1] ?? '') as { tags?: unknown } | null)?.tags;
		} catch {
			continue; // the content check reports broken files; the CMS offers what it can read
		}
		if (!Array.isArray(tags)) continue;
		for (const tag of tags)
			if (typeof tag === 'string' && tag.trim()) counts.set(tag.trim(), (counts.get(tag.trim()) ?? 0) + 1);
	}
	return [...counts]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, MAX_TAGS)
		.map(([tag]) => tag);
}
