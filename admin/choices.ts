import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYaml, readYaml, yamlFiles } from '../src/newsroom/content-tree.ts';
import { bytesDigest, codeDigest, DigestCache } from '../src/newsroom/digest-cache.ts';
import type { Choice, CmsChoices } from './config.ts';

/**
 * The sections, authors and tags that the CMS's forms offer, read from content/ when the CMS is
 * bundled (in Node, never in the browser): sections and authors as `{ label: Arabic name, value:
 * file name }`, sections in their menu order; tags per language, most used first. A section,
 * author or tag added in the CMS shows in the forms once /admin/ is bundled again: at the next
 * build, or on reload under `npm run dev`. `tagCache`: a file where each article's tags are kept
 * by a digest of its bytes, so that a build parses the front matter of new and changed articles
 * only; none by default.
 */
export function readChoices(root: string, { tagCache }: { tagCache?: string } = {}): CmsChoices {
	return {
		sections: read(root, 'categories'),
		authors: read(root, 'authors'),
		tags: readTags(root, tagCache),
	};
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
function readTags(root: string, cacheFile: string | undefined): { ar: string[]; en: string[] } {
	const cache = new DigestCache<string[]>(cacheFile, cacheFile ? tagsCodeKey() : '');
	const tags = {
		ar: tagsOf(join(root, 'content/articles/ar'), 'ar', cache),
		en: tagsOf(join(root, 'content/articles/en'), 'en', cache),
	};
	cache.save();
	return tags;
}

/** A key of the code that reads an article's tags: this module and the YAML parser's version. */
function tagsCodeKey(): string {
	let yaml = '?';
	try {
		yaml = (createRequire(import.meta.url)('js-yaml/package.json') as { version: string }).version;
	} catch {
		// Without the version, the key is still this module's.
	}
	return codeDigest([readFileSync(fileURLToPath(import.meta.url)), yaml]);
}

function tagsOf(dir: string, locale: string, cache: DigestCache<string[]>): string[] {
	if (!existsSync(dir)) return [];
	const counts = new Map<string, number>();
	for (const name of readdirSync(dir)) {
		if (!name.endsWith('.md')) continue;
		const bytes = readFileSync(join(dir, name));
		const digest = bytesDigest(bytes);
		let tags = cache.get(`${locale}/${name}`, digest);
		if (!tags) {
			tags = tagsInFrontMatter(bytes.toString('utf8'));
			cache.set(`${locale}/${name}`, digest, tags);
		}
		for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
	}
	return [...counts]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, MAX_TAGS)
		.map(([tag]) => tag);
}

/** The tags of an article's front matter, trimmed; none when it has none or cannot be read. */
function tagsInFrontMatter(text: string): string[] {
	const match = FRONT_MATTER.exec(text);
	let tags: unknown;
	try {
		tags = (parseYaml(match?.[1] ?? '') as { tags?: unknown } | null)?.tags;
	} catch {
		return []; // the content check reports broken files; the CMS offers what it can read
	}
	if (!Array.isArray(tags)) return [];
	return tags
		.filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '')
		.map((tag) => tag.trim());
}
