/**
 * Where a build writes the site and keeps its caches: dist/ and node_modules/.astro/, unless
 * `npm start` builds elsewhere (src/cms/local-site.ts sets the two variables). Read by the
 * Astro configuration, `npm run build` and the build's search-records step, so they agree.
 */
export function siteFolder(env: NodeJS.ProcessEnv = process.env): string {
	return env.NEWSROOM_SITE_DIR || 'dist';
}

export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
	return env.NEWSROOM_CACHE_DIR || 'node_modules/.astro';
}
