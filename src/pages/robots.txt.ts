import type { APIRoute } from 'astro';
import { loadNewsroom } from '../content.ts';
import { newsSitemap } from '../news-sitemap.ts';
import { newsSitemapPath } from '../lib/news-sitemap.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = async () => {
	const { settings } = await loadNewsroom();
	const { files } = await newsSitemap();
	const sitemaps = ['/sitemap-index.xml', ...files.map((_, index) => newsSitemapPath(index + 1))];
	const lines = ['User-agent: *', 'Disallow: /admin/', '', ...sitemaps.map((path) => `Sitemap: ${absoluteUrl(path, settings.url)}`), ''];
	return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
