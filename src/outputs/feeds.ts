import rss from '@astrojs/rss';
import { getImage } from 'astro:assets';
import type { Article } from '../newsroom/newsroom.ts';
import { loadNewsroom } from '../newsroom/newsroom.ts';
import { useTranslations } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { absoluteUrl, feedUrl, homeUrl, categoryUrl, liveFeedUrl } from '../site/urls.ts';
import { liveUpdatesOf } from '../newsroom/live-updates.ts';
import { updatePictures } from '../newsroom/update-pictures.ts';
import { absolutizeHtml } from './xml.ts';

/**
 * The files of the site that are not pages: feeds (here), sitemaps, the news sitemap and
 * redirects. In: the newsroom; out: XML and text for routes and integrations to write.
 */

/** Feeds list this many of the newest stories. */
const FEED_LENGTH = 50;

/**
 * An RSS 2.0 feed of a language, or of one of its sections: the newest 50 stories with their
 * summary, full HTML and lead image.
 */
export async function articleFeed(locale: Locale, category?: string): Promise<Response> {
	const { articles, byCategory, categoryById, settings } = await loadNewsroom();
	const { t, lang } = useTranslations(locale);
	const siteName = settings.name[locale];
	const sectionName = category ? categoryById.get(category)!.name[locale] : undefined;
	const stories = (category ? (byCategory[locale].get(category) ?? []) : articles[locale]).slice(
		0,
		FEED_LENGTH,
	);
	const self = absoluteUrl(feedUrl(locale, category), settings.url);

	return rss({
		title: sectionName
			? t('feed.section', { name: siteName, section: sectionName })
			: t('feed.title', { name: siteName }),
		description: t('feed.description', { name: sectionName ? `${siteName}: ${sectionName}` : siteName }),
		site: absoluteUrl(category ? categoryUrl(locale, category) : homeUrl(locale), settings.url),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<language>${lang}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
		items: await Promise.all(
			stories.map((article) =>
				feedItem(article, settings.url, categoryById.get(article.category)!.name[locale]),
			),
		),
	});
}

async function feedItem(article: Article, site: string, section: string) {
	const { data } = article;
	const image = data.image ? await getImage({ src: data.image, width: 1200, format: 'jpeg' }) : undefined;
	return {
		title: data.title,
		link: absoluteUrl(article.url, site),
		pubDate: data.date,
		...(data.summary ? { description: data.summary } : {}),
		content: absolutizeHtml(article.entry.rendered?.html ?? '', site),
		categories: [section, ...data.tags],
		// RSS asks for the enclosure's length in bytes; 0 is the documented value when it is not known.
		...(image ? { enclosure: { url: absoluteUrl(image.src, site), length: 0, type: 'image/jpeg' } } : {}),
	};
}

/** The feed of a live page: its updates, newest first, each linking to its anchor on the page. */
export async function liveFeed(article: Article): Promise<Response> {
	const { settings } = await loadNewsroom();
	const { t, lang } = useTranslations(article.locale);
	const site = settings.url;
	const self = absoluteUrl(liveFeedUrl(article.locale, article.slug), site);
	const live = article.data.live;
	const updates = liveUpdatesOf(live, article.locale, live && (await updatePictures(live.updates)));
	return rss({
		title: t('live.feedTitle', { title: article.data.title }),
		description: article.data.summary ?? article.data.title,
		site: absoluteUrl(article.url, site),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<language>${lang}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
		items: updates.map((update) => ({
			title: update.headline,
			link: absoluteUrl(`${article.url}#${update.anchor}`, site),
			pubDate: update.date,
			content: absolutizeHtml(update.html, site),
		})),
	});
}
