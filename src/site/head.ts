import { locales, otherLocale, type Locale } from '../i18n/locales.ts';

/** What every page tells the head builder about itself. */
export type PageKind = 'home' | 'article' | 'archive' | 'page' | 'search' | 'notFound';

export interface HeadInput {
	locale: Locale;
	kind: PageKind;
	siteName: string;
	/** The page's own title, without the site's name. The home page has none. */
	title?: string | undefined;
	description: string;
	/** Absolute URL of the page itself: its canonical. */
	url: string;
	/** Absolute URL of the same page in the other language, only where it exists. */
	translationUrl?: string | undefined;
	/** The page's image, or the default social image of its language. */
	image: { url: string; alt: string; width: number; height: number; type: string };
	/** Article dates and labels, on article pages. */
	article?: { published: Date; modified: Date; section: string; tags: string[] } | undefined;
	/** RSS feeds to advertise, most specific last. */
	feeds: { title: string; url: string }[];
	/** Keep the page out of search engines. */
	noindex?: boolean | undefined;
}

/** One element of `<head>`: its tag, attributes and (for `<title>`) text. */
export interface HeadTag {
	tag: 'title' | 'meta' | 'link';
	attrs: Record<string, string>;
	text?: string;
}

/** The full title shown in the browser and in results. */
export function fullTitle(input: Pick<HeadInput, 'title' | 'siteName' | 'description'>): string {
	return input.title ? `${input.title} | ${input.siteName}` : `${input.siteName}: ${input.description}`;
}

/**
 * Every `<head>` element that describes a page: title, description, canonical, language
 * alternates, Open Graph, Twitter card, robots and feed links. One function for every page, so
 * the rules (absolute URLs, reciprocal alternates, no empty values) hold everywhere.
 */
export function buildHead(input: HeadInput): HeadTag[] {
	const title = fullTitle(input);
	const meta = (key: 'name' | 'property', name: string, content: string | undefined): HeadTag[] =>
		content ? [{ tag: 'meta', attrs: { [key]: name, content } }] : [];
	const link = (attrs: Record<string, string>): HeadTag => ({ tag: 'link', attrs });

	const tags: HeadTag[] = [
		{ tag: 'title', attrs: {}, text: title },
		...meta('name', 'description', input.description),
	];

	if (input.noindex) {
		tags.push(...meta('name', 'robots', 'noindex'));
	} else {
		tags.push(link({ rel: 'canonical', href: input.url }));
		if (input.kind === 'article') tags.push(...meta('name', 'robots', 'max-image-preview:large'));
		if (input.translationUrl) {
			const other = otherLocale(input.locale);
			const byLocale = { [input.locale]: input.url, [other]: input.translationUrl } as Record<Locale, string>;
			for (const locale of [input.locale, other].sort()) {
				tags.push(link({ rel: 'alternate', hreflang: locales[locale].lang, href: byLocale[locale] }));
			}
			tags.push(link({ rel: 'alternate', hreflang: 'x-default', href: byLocale.ar }));
		}
	}

	tags.push(
		...meta('property', 'og:site_name', input.siteName),
		...meta('property', 'og:title', input.title ?? input.siteName),
		...meta('property', 'og:description', input.description),
		...meta('property', 'og:type', input.kind === 'article' ? 'article' : 'website'),
		...meta('property', 'og:url', input.url),
		...meta('property', 'og:locale', locales[input.locale].ogLocale),
		...(input.translationUrl
			? meta('property', 'og:locale:alternate', locales[otherLocale(input.locale)].ogLocale)
			: []),
		...meta('property', 'og:image', input.image.url),
		...meta('property', 'og:image:alt', input.image.alt),
		...meta('property', 'og:image:width', String(input.image.width)),
		...meta('property', 'og:image:height', String(input.image.height)),
		...meta('property', 'og:image:type', input.image.type),
	);
	if (input.article) {
		tags.push(
			...meta('property', 'article:published_time', input.article.published.toISOString()),
			...meta('property', 'article:modified_time', input.article.modified.toISOString()),
			...meta('property', 'article:section', input.article.section),
			...input.article.tags.flatMap((tag) => meta('property', 'article:tag', tag)),
		);
	}
	tags.push(
		...meta('name', 'twitter:card', 'summary_large_image'),
		...meta('name', 'twitter:image:alt', input.image.alt),
	);
	for (const feed of input.feeds)
		tags.push(link({ rel: 'alternate', type: 'application/rss+xml', title: feed.title, href: feed.url }));
	return tags;
}
