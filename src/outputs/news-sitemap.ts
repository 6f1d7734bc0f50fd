import { loadNewsroom } from '../newsroom/newsroom.ts';
import { localeCodes } from '../i18n/locales.ts';
import { newsSitemapFiles, type NewsEntry } from './news-sitemap-xml.ts';
import { absoluteUrl } from '../site/urls.ts';

/** The Google News sitemap files of this build: the stories of the two days before its clock. */
export async function newsSitemap(): Promise<{
	files: NewsEntry[][];
	publication: (language: string) => string;
}> {
	const { articles, settings, now } = await loadNewsroom();
	const entries = localeCodes.flatMap((locale) =>
		articles[locale].map((article) => ({
			url: absoluteUrl(article.url, settings.url),
			title: article.data.title,
			language: locale,
			published: article.date,
		})),
	);
	return {
		files: newsSitemapFiles(entries, now),
		publication: (language) => settings.name[language as 'ar' | 'en'],
	};
}
