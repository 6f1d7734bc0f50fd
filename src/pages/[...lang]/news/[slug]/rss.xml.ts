import type { APIRoute } from 'astro';
import { langParam, localeCodes } from '#src/i18n/locales.ts';
import { loadNewsroom, type Article } from '#src/newsroom/newsroom.ts';
import { liveFeed } from '#src/outputs/feeds.ts';

/** The feed of each live page's updates, beside the page: /news/<slug>/rss.xml. */
export async function getStaticPaths() {
	const { articles } = await loadNewsroom();
	return localeCodes.flatMap((locale) =>
		articles[locale]
			.filter((article) => article.data.live)
			.map((article) => ({ params: { lang: langParam(locale), slug: article.slug }, props: { article } })),
	);
}

export const GET: APIRoute<{ article: Article }> = ({ props }) => liveFeed(props.article);
