import type { APIRoute, GetStaticPaths } from 'astro';
import { getImage } from 'astro:assets';
import { loadNewsroom } from '../../../content.ts';
import { langParam, localeCodes, localeFromParam } from '../../../lib/locales.ts';
import { searchRecord } from '../../../lib/search-records.ts';

/**
 * The search records of a language's published articles, for the search-index integration to
 * feed to Pagefind after the build; it deletes this file once the index is written. Built here
 * because only pages see the collections (through `loadNewsroom`) and resolve images.
 */
export const getStaticPaths = (() => localeCodes.map((locale) => ({ params: { lang: langParam(locale) } }))) satisfies GetStaticPaths;

/** Width of a result's thumbnail: the smallest of the article cards' widths, so the file is shared. */
const THUMBNAIL_WIDTH = 240;

export const GET: APIRoute = async ({ params }) => {
	const locale = localeFromParam(params.lang);
	const { articles, settings } = await loadNewsroom();
	const records = await Promise.all(
		articles[locale].map(async (article) =>
			searchRecord({
				url: article.url,
				title: article.data.title,
				summary: article.data.summary,
				html: article.entry.rendered?.html ?? '',
				date: article.date,
				category: article.category,
				image: article.data.image ? (await getImage({ src: article.data.image, width: THUMBNAIL_WIDTH })).src : undefined,
				timeZone: settings.timeZone,
			}),
		),
	);
	return new Response(JSON.stringify(records), { headers: { 'content-type': 'application/json' } });
};
