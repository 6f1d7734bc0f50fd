import { locales, type Locale } from '../i18n/locales.ts';

/**
 * What pages need to render, beside the newsroom's data: URLs (here), pagination, the head,
 * structured data, menus and share links. In: articles and locales; out: strings for markup.
 * Site-relative URLs always end with a slash, so that links match the built folders.
 */

export function homeUrl(locale: Locale): string {
	return `${locales[locale].prefix}/`;
}

export function articleUrl(locale: Locale, slug: string): string {
	return `${locales[locale].prefix}/news/${slug}/`;
}

export function categoryUrl(locale: Locale, id: string): string {
	return `${locales[locale].prefix}/category/${id}/`;
}

/** Tags may be Arabic words: the path segment is percent-encoded so shared links survive. */
export function tagUrl(locale: Locale, tag: string): string {
	return `${locales[locale].prefix}/tag/${encodeURIComponent(tagSlug(tag))}/`;
}

/**
 * The URL form of a tag: lower-case letters (Arabic ones kept, with their marks) and digits,
 * anything else as single hyphens. Empty when a tag has no letters or digits: such a tag gets
 * no page.
 */
export function tagSlug(tag: string): string {
	return tag
		.normalize('NFKC')
		.toLocaleLowerCase('en')
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
}

/** Absolute URL on the published site. */
export function absoluteUrl(path: string, site: string | URL): string {
	return new URL(path, site).href;
}

export function authorUrl(locale: Locale, id: string): string {
	return `${locales[locale].prefix}/author/${id}/`;
}

export function archiveUrl(locale: Locale): string {
	return `${locales[locale].prefix}/archive/`;
}

/** A month's archive: `/archive/2026/11/`. */
export function monthUrl(locale: Locale, month: { year: string; month: string }): string {
	return `${locales[locale].prefix}/archive/${month.year}/${month.month}/`;
}

/** A static page: `/about/`. */
export function pageUrl(locale: Locale, slug: string): string {
	return `${locales[locale].prefix}/${slug}/`;
}

/** The search page; the query goes in `?q=`. */
export function searchUrl(locale: Locale): string {
	return `${locales[locale].prefix}/search/`;
}

/** Where a language's search index is served: one Pagefind bundle per language, never mixed. */
export function searchBundleUrl(locale: Locale): string {
	return `/pagefind/${locale}/`;
}

/** First path segments the site uses itself; a static page cannot take them. */
export const RESERVED_PAGE_SLUGS = new Set([
	'en',
	'news',
	'category',
	'tag',
	'author',
	'archive',
	'search',
	'admin',
	'media',
	'404',
	'_astro',
	'pagefind',
]);

/** A language's RSS feed, or a section's when `category` is given. */
/** The feed of a live page's updates. */
export function liveFeedUrl(locale: Locale, slug: string): string {
	return `${articleUrl(locale, slug)}rss.xml`;
}

export function feedUrl(locale: Locale, category?: string): string {
	return category ? `${categoryUrl(locale, category)}rss.xml` : `${locales[locale].prefix}/rss.xml`;
}
