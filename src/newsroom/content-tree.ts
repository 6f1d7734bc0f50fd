import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

/**
 * The one reader of the content tree's YAML (settings, sections, authors, redirects), for every
 * part of the project that reads it outside Astro's collections: the content check, the site's
 * configuration, the CMS bundle, the importers and the tools. In: a file or a folder of the
 * tree; out: its data, not yet validated (callers validate with the schema they need).
 */

/** YAML text as data. A syntax error is js-yaml's `YAMLException`, which carries the line. */
export function parseYaml(text: string): unknown {
	return load(text);
}

/** A YAML file of the tree, as data. */
export function readYaml(file: string): unknown {
	return parseYaml(readFileSync(file, 'utf8'));
}

/** The `*.yml` files of a folder (sections, authors), in id order; none when the folder is missing. */
export function yamlFiles(dir: string): { id: string; file: string }[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.yml'))
		.sort()
		.map((name) => ({ id: name.slice(0, -'.yml'.length), file: join(dir, name) }));
}

/**
 * Hosts whose links become click-to-load embeds (`<content>/settings/embeds.yml`), for the
 * Markdown pipeline, the CMS's preview and the WordPress importer; none when the file is missing.
 */
export function readEmbedHosts(contentDir: string): string[] {
	const file = join(contentDir, 'settings/embeds.yml');
	if (!existsSync(file)) return [];
	const hosts = (readYaml(file) as { hosts?: unknown } | null)?.hosts;
	return Array.isArray(hosts) ? hosts.map(String) : [];
}
