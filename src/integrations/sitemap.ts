import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { sitemapAlternates } from '../outputs/sitemap-links.ts';

/**
 * @astrojs/sitemap with each page's language alternates found by a lookup in the built site,
 * in place of its i18n option, whose cost grows with the square of the number of pages.
 */
export function newsroomSitemap(): AstroIntegration[] {
	let outDir: string | undefined;
	const pageExists = (pathname: string) => existsSync(`${outDir}${pathname.replace(/\/?$/, '/')}index.html`);
	return [
		{
			name: 'newsroom:sitemap-output',
			hooks: { 'astro:build:done': ({ dir }) => void (outDir = fileURLToPath(dir).replace(/\/$/, '')) },
		},
		sitemap({
			filter: (page) => !/\/404\/?$|\/search\/$|^\/admin\//.test(new URL(page).pathname),
			serialize: (item) => ({ ...item, links: sitemapAlternates(item.url, pageExists) }),
		}),
	];
}
