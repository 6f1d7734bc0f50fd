// @ts-check
import { readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { load as loadYaml } from 'js-yaml';
import { notFoundPages } from './src/integrations/not-found-pages.ts';

/** The site's base URL has one source, the editors' settings file, so every absolute URL agrees. */
const settings = /** @type {{ url: string }} */ (loadYaml(readFileSync('./content/settings/site.yml', 'utf8')));

export default defineConfig({
	site: settings.url,
	trailingSlash: 'ignore',
	// Every script and stylesheet is a file under /_astro/, never inlined into the page, so the
	// Content-Security-Policy of src/deploy/nginx.conf and public/_headers can say `'self'` and
	// need no hashes or 'unsafe-inline' (Astro inlines scripts below Vite's assetsInlineLimit).
	build: { format: 'directory', inlineStylesheets: 'never' },
	vite: { build: { assetsInlineLimit: 0 } },
	i18n: {
		locales: ['ar', 'en'],
		defaultLocale: 'ar',
		routing: { prefixDefaultLocale: false },
	},
	integrations: [mdx(), notFoundPages(['en'])],
	server: { host: '127.0.0.1', port: 4321 },
	devToolbar: { enabled: false },
});
