/**
 * How large an archive Astro's incremental build can keep. Astro writes its page manifest
 * (`incremental-build.json`) with one `JSON.stringify` and reads it with one `JSON.parse`
 * (astro/dist/core/build/incremental.js), so the manifest can never pass V8's longest string,
 * 2^29 − 24 characters (512 MiB). It holds every image transform of every page: 8.3 KB a page at
 * 10,000 generated articles (108 MB for 13,000 pages), so a build of 100,000 articles rendered
 * every page for 25 minutes and then failed writing it. Past the limit the build leaves the
 * incremental build off: every build renders every page, and a publish is a full build
 * (docs/performance.md). The build log gives the manifest's size against the limit.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Articles up to which the incremental build is on. 30,000 generated articles make a manifest of
 * some 320 MB; an archive with a picture on every story has more transforms a page, so a
 * newsroom can lower it with `NEWSROOM_INCREMENTAL_ARTICLES` when the build log's figure nears 512 MB.
 */
export const INCREMENTAL_ARTICLES = 30_000;

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
