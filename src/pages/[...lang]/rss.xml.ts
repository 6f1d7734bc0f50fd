import type { APIRoute } from 'astro';
import { articleFeed } from '../../outputs/feeds.ts';
import { langParam, localeCodes, localeFromParam } from '../../i18n/locales.ts';

export function getStaticPaths() {
	return localeCodes.map((locale) => ({ params: { lang: langParam(locale) } }));
}

export const GET: APIRoute = ({ params }) => articleFeed(localeFromParam(params.lang));
