import type { APIRoute } from 'astro';
import { articleFeed } from '../../feeds.ts';
import { langParam, localeCodes, localeFromParam } from '../../lib/locales.ts';

export function getStaticPaths() {
	return localeCodes.map((locale) => ({ params: { lang: langParam(locale) } }));
}

export const GET: APIRoute = ({ params }) => articleFeed(localeFromParam(params.lang));
