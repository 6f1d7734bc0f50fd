import type { APIRoute } from 'astro';
import { loadNewsroom } from '../newsroom/newsroom.ts';
import { newsSitemap } from '../outputs/news-sitemap.ts';
import { newsSitemapPath } from '../outputs/news-sitemap-xml.ts';
import { absoluteUrl } from '../site/urls.ts';

export const GET: APIRoute = async () => {
	const { settings } = await loadNewsroom();
	const { files } = await newsSitemap();
	const sitemaps = ['/sitemap-index.xml', ...files.map((_, index) => newsSitemapPath(index + 1))];
	const lines = [
		'User-agent: *',
		'Disallow: /admin/',
		'',
		...sitemaps.map((path) => `Sitemap: ${absoluteUrl(path, settings.url)}`),
		'',
	];
	return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
