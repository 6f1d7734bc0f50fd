// @ts-check
import { readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { load as loadYaml } from 'js-yaml';
import { notFoundPages } from './src/integrations/not-found-pages.ts';
import { searchIndex } from './src/integrations/search-index.ts';

/** The site's base URL has one source, the editors' settings file, so every absolute URL agrees. */
const settings = /** @type {{ url: string }} */ (loadYaml(readFileSync('./content/settings/site.yml', 'utf8')));

export default defineConfig({
	site: settings.url,
	trailingSlash: 'ignore',
	build: { format: 'directory' },
	i18n: {
		locales: ['ar', 'en'],
		defaultLocale: 'ar',
		routing: { prefixDefaultLocale: false },
	},
	integrations: [mdx(), notFoundPages(['en']), searchIndex()],
	server: { host: '127.0.0.1', port: 4321 },
	devToolbar: { enabled: false },
});
