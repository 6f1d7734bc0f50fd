import type { GetStaticPaths } from 'astro';
import { getImage } from 'astro:assets';
import { loadNewsroom } from '#src/newsroom/newsroom.ts';
import { feedSearchIndex } from '#src/integrations/search-index.ts';
import { localeCodes } from '#src/i18n/locales.ts';
import { searchRecord } from '#src/search/records.ts';

/**
 * Feeds each language's published articles to the search index, and writes no page. Astro runs
 * every getStaticPaths before it renders any page: from here Pagefind's own process indexes on
 * another core while Astro renders (see the search-index integration). Here because only routes
 * see the collections (through `loadNewsroom`) and resolve images.
 */
export const getStaticPaths = (async () => {
	const { articles, settings } = await loadNewsroom();
	for (const locale of localeCodes) {
		feedSearchIndex(locale, async function* () {
			for (const article of articles[locale]) {
				yield searchRecord({
					url: article.url,
					title: article.data.title,
					summary: article.data.summary,
					html: article.entry.rendered?.html ?? '',
					date: article.date,
					category: article.category,
					image: article.data.image ? (await getImage({ src: article.data.image, width: THUMBNAIL_WIDTH })).src : undefined,
					timeZone: settings.timeZone,
				});
			}
		});
	}
	return [];
}) satisfies GetStaticPaths;

/** Width of a result's thumbnail: the smallest of the article cards' widths, so the file is shared. */
const THUMBNAIL_WIDTH = 240;

export const GET = () => new Response(null, { status: 404 });
