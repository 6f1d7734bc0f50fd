import type { APIRoute } from 'astro';
import { newsSitemap } from '../outputs/news-sitemap.ts';
import { newsSitemapXml } from '../outputs/news-sitemap-xml.ts';

/** Further files when the last two days hold more than 1,000 stories: news-sitemap-2.xml, ... */
export async function getStaticPaths() {
	const { files } = await newsSitemap();
	return files.slice(1).map((_, index) => ({ params: { part: String(index + 2) } }));
}

export const GET: APIRoute = async ({ params }) => {
	const { files, publication } = await newsSitemap();
	return new Response(newsSitemapXml(files[Number(params.part) - 1]!, publication), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
};
