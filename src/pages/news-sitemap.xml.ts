import type { APIRoute } from 'astro';
import { newsSitemap } from '../outputs/news-sitemap.ts';
import { newsSitemapXml } from '../outputs/news-sitemap-xml.ts';

export const GET: APIRoute = async () => {
	const { files, publication } = await newsSitemap();
	return new Response(newsSitemapXml(files[0]!, publication), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
};
