// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { adminBundle } from './src/integrations/admin-bundle.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { readEmbedHosts, readYaml } from './src/newsroom/content-tree.ts';
import { cacheFolder, siteFolder } from './src/newsroom/folders.ts';
import { notFoundPages } from './src/integrations/not-found-pages.ts';
import { redirects } from './src/integrations/redirects.ts';
import { markdownPlugins } from './src/markdown/pipeline.ts';
import { newsroomSitemap } from './src/integrations/sitemap.ts';
import { schemaChange } from './src/integrations/schema-change.ts';
import { incrementalBuildFits } from './src/build/incremental-limit.ts';

/** The site's base URL has one source, the editors' settings file, so every absolute URL agrees. */
const settings = /** @type {{ url: string }} */ (readYaml('./content/settings/site.yml'));
/** Hosts whose links and iframes become click-to-load embeds: configuration, not code. */
const embedHosts = readEmbedHosts('./content');

export default defineConfig({
	site: settings.url,
	// `npm start` builds and serves its own copy with the local CMS (src/cms/local-site.ts).
	outDir: siteFolder(),
	cacheDir: cacheFolder(),
	trailingSlash: 'ignore',
	// Every script and stylesheet is a file under /_astro/, never inlined into the page, so the
	// Content-Security-Policy of src/deploy/nginx.conf and public/_headers can say `'self'` and
	// need no hashes or 'unsafe-inline' (Astro inlines scripts below Vite's assetsInlineLimit).
	build: { format: 'directory', inlineStylesheets: 'never' },
	vite: {
		// `npm run build` (src/cli/build.ts) hands Astro its output folder ready: empty, or hard
		// links to the last output that the build prunes afterwards (src/build/previous-output.ts).
		build: { assetsInlineLimit: 0, emptyOutDir: false },
		// The development and preview servers answer no cross-origin request: the CMS bundle they
		// serve carries the local backend's secret (src/cms/locks.ts).
		server: { cors: false },
		preview: { cors: false },
	},
	i18n: {
		locales: ['ar', 'en'],
		defaultLocale: 'ar',
		routing: { prefixDefaultLocale: false },
	},
	markdown: {
		processor: unified(markdownPlugins(embedHosts)),
	},
	integrations: [
		// First: before Astro reads the content with entries stored under other schemas.
		schemaChange(),
		contentCheck(),
		mdx(),
		notFoundPages(['en']),
		adminBundle(),
		// After the not-found pages are in place, so a redirect cannot hide one.
		redirects(),
		// Pairs /x/ with /en/x/ and writes the xhtml:link alternates of each translation.
		newsroomSitemap(),
	],
	// Pages keyed in getStaticPaths (articles, archives) are kept from the last build when
	// neither their data nor their code changed: a publish renders the pages it touches. Off past
	// the archive size whose page manifest Astro could not write (src/build/incremental-limit.ts).
	experimental: { incrementalBuild: incrementalBuildFits() },
	server: { host: '127.0.0.1', port: 4321, headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } },
	devToolbar: { enabled: false },
});
