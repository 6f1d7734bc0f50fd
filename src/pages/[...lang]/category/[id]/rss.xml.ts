import type { APIRoute } from 'astro';
import { loadNewsroom } from '#src/newsroom/newsroom.ts';
import { articleFeed } from '#src/outputs/feeds.ts';
import { langParam, localeCodes, localeFromParam } from '#src/i18n/locales.ts';

export async function getStaticPaths() {
	const { categories } = await loadNewsroom();
	return localeCodes.flatMap((locale) =>
		categories.map(({ id }) => ({ params: { lang: langParam(locale), id } })),
	);
}

export const GET: APIRoute = ({ params }) => articleFeed(localeFromParam(params.lang), params.id);
