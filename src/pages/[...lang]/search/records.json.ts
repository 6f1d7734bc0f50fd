import type { GetStaticPaths } from 'astro';
import { getImage } from 'astro:assets';
import { resolve } from 'node:path';
import { loadNewsroom, type Article } from '#src/newsroom/newsroom.ts';
import { cacheFolder } from '#src/newsroom/folders.ts';
import { localeCodes } from '#src/i18n/locales.ts';
import { searchRecord } from '#src/search/records.ts';
import { recordsFile, writeRecords } from '#src/search/records-file.ts';

/**
 * The build's search-records step: writes each language's published articles as search records
 * into Astro's cache folder (`src/search/records-file.ts`), for `npm run build` to index once
 * Astro has exited (`src/search/index.ts`). A route, because only routes see the collections
 * and resolve images; it writes no page.
 */
export const getStaticPaths = (async () => {
	const { articles, settings } = await loadNewsroom();
	for (const locale of localeCodes) {
		await writeRecords(
			recordsFile(resolve(cacheFolder()), locale),
			records(articles[locale], settings.timeZone),
		);
	}
	return [];
}) satisfies GetStaticPaths;

async function* records(articles: Article[], timeZone: string) {
	for (const article of articles) {
		yield searchRecord({
			url: article.url,
			title: article.data.title,
			summary: article.data.summary,
			html: article.entry.rendered?.html ?? '',
			date: article.date,
			category: article.category,
			image: article.data.image
				? (await getImage({ src: article.data.image, width: THUMBNAIL_WIDTH })).src
				: undefined,
			timeZone,
		});
	}
}

/** Width of a result's thumbnail: the smallest of the article cards' widths, so the file is shared. */
const THUMBNAIL_WIDTH = 240;

export const GET = () => new Response(null, { status: 404 });
