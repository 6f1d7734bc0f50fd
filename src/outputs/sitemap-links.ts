import { localeCodes, locales } from '../i18n/locales.ts';
import { isNumberedListingPage } from '../site/pagination.ts';

/** A sitemap entry's alternate: another language's URL of the same page. */
export interface SitemapLink {
	url: string;
	lang: string;
}

/** A site path without its language prefix: "/en/news/x/" and "/news/x/" both give "/news/x/". */
function withoutPrefix(pathname: string): string {
	for (const { prefix } of Object.values(locales)) {
		if (prefix && (pathname === prefix || pathname.startsWith(`${prefix}/`)))
			return pathname.slice(prefix.length) || '/';
	}
	return pathname;
}

/**
 * The `xhtml:link` alternates of a sitemap URL: the same path in every language whose page
 * exists, or undefined when only one does. Pages pair by path (`/x/` and `/en/x/`), as the
 * site's language switch does. One lookup per language and URL, where @astrojs/sitemap's own
 * i18n option compares every URL with every other, which grows with the square of the site
 * (see docs/performance.md). A numbered listing page has none: its stories differ between the
 * languages, and the page names no translation either.
 */
export function sitemapAlternates(
	url: string,
	pageExists: (pathname: string) => boolean,
): SitemapLink[] | undefined {
	const parsed = new URL(url);
	const rest = withoutPrefix(decodeURIComponent(parsed.pathname));
	if (isNumberedListingPage(rest)) return undefined;
	const links: SitemapLink[] = [];
	for (const locale of localeCodes) {
		const pathname = `${locales[locale].prefix}${rest}`;
		if (pageExists(pathname))
			links.push({ url: new URL(pathname, parsed.origin).href, lang: locales[locale].lang });
	}
	return links.length > 1 ? links : undefined;
}
