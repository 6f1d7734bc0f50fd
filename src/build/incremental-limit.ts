/**
 * How large an archive Astro's incremental build can keep. Astro writes its page manifest
 * (`incremental-build.json`) with one `JSON.stringify` and reads it with one `JSON.parse`
 * (astro/dist/core/build/incremental.js), so the manifest can never pass V8's longest string,
 * 2^29 − 24 characters (512 MiB). A page records there the image transforms its own render made:
 * once the cards' pictures, recorded on every page showing a card, were 95% of it (108 MB at
 * 10,000 generated articles, so 100,000 failed); they are made outside any page's render now
 * (`src/newsroom/card-pictures.ts`) and the manifest is 0.73 KB an article (7.3 MB at 10,000).
 * Past the limit the build leaves the incremental build off: every build renders every page, and
 * a publish is a full build (docs/performance.md). The build log gives the manifest's size
 * against the limit.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Articles up to which the incremental build is on: 300,000 generated articles would make a
 * manifest of some 220 MB, half the limit. Pictures in articles' text add to their own pages'
 * records, so a newsroom can lower it with `NEWSROOM_INCREMENTAL_ARTICLES` when the build log's
 * figure nears 512 MB.
 */
export const INCREMENTAL_ARTICLES = 300_000;

/** V8's longest string, in characters: the most Astro's manifest can hold. */
export const MANIFEST_LIMIT = 2 ** 29 - 24;

/** The number of article files (`.md`, `.mdx`) under `<content>/articles/`. */
export function articleCount(content = 'content'): number {
	try {
		return (readdirSync(join(content, 'articles'), { recursive: true }) as string[]).filter((name) =>
			/\.mdx?$/.test(name),
		).length;
	} catch {
		return 0;
	}
}

/** The article limit in force: `NEWSROOM_INCREMENTAL_ARTICLES`, or `INCREMENTAL_ARTICLES`. */
export function incrementalLimit(env: NodeJS.ProcessEnv = process.env): number {
	const set = Number(env.NEWSROOM_INCREMENTAL_ARTICLES);
	return Number.isInteger(set) && set >= 0 ? set : INCREMENTAL_ARTICLES;
}

/** Whether this archive's build may keep pages between builds (Astro's `experimental.incrementalBuild`). */
export function incrementalBuildFits(content = 'content', env: NodeJS.ProcessEnv = process.env): boolean {
	return articleCount(content) <= incrementalLimit(env);
}
