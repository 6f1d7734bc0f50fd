import type { GetStaticPaths } from 'astro';
import { getImage } from 'astro:assets';
import { resolve } from 'node:path';
import { loadNewsroom, type Article } from '#src/newsroom/newsroom.ts';
import { liveUpdatesOf } from '#src/newsroom/live-updates.ts';
import { cacheFolder } from '#src/newsroom/folders.ts';
import { localeCodes } from '#src/i18n/locales.ts';
import { searchCodeKey, RecordCache } from '#src/search/record-cache.ts';
import { recordsFile, writeRecords } from '#src/search/records-file.ts';

/**
 * The build's search-records step: writes each language's published articles as search records
 * into Astro's cache folder (`src/search/records-file.ts`), for `npm run build` to index once
 * Astro has exited (`src/search/index.ts`). A route, because only routes see the collections
 * and resolve images; it writes no page.
 */
export const getStaticPaths = (async () => {
	const { articles, settings } = await loadNewsroom();
	const cacheDir = resolve(cacheFolder());
	const code = await searchCodeKey(process.cwd());
	for (const locale of localeCodes) {
		const cache = new RecordCache(cacheDir, locale, code);
		// `npm run build -- --force` analyses every article again.
		await cache.open({ reuse: !process.argv.includes('--force') });
		await writeRecords(recordsFile(cacheDir, locale), records(articles[locale], settings.timeZone, cache));
		await cache.close();
		console.log(
			`search records: ${locale}: ${cache.analysed} analysed, ${cache.reused} unchanged since the last build`,
		);
	}
	return [];
}) satisfies GetStaticPaths;

async function* records(articles: Article[], timeZone: string, cache: RecordCache) {
	for (const article of articles) {
		yield cache.record({
			url: article.url,
			title: article.data.title,
			summary: article.data.summary,
			// A live page is found by its updates too.
			html: [
				article.entry.rendered?.html ?? '',
				...liveUpdatesOf(article.data.live, article.locale).map((u) => u.html),
			].join('\n'),
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
