import { toHtml } from 'hast-util-to-html';
import { placePictures, type PictureAttributes } from '../markdown/pictures.ts';
import { markdownToHast } from '../markdown/render.ts';
import { htmlToText } from '../search/records.ts';
import { readEmbedHosts } from './content-tree.ts';
import { renderedUpdates, type LiveUpdate } from './live.ts';
import type { Locale } from '../i18n/locales.ts';

/** The embed hosts, read once per build. */
let embedHosts: string[] | undefined;

/**
 * A live page's updates as its page, its feed and its search record show them: newest first,
 * bodies through the site's Markdown pipeline (sanitised, embeds click-to-load), with plain text.
 * `pictures` (`updatePictures`) turns the pictures of their texts into optimised images.
 */
export function liveUpdatesOf<Update extends LiveUpdate>(
	live: { updates: readonly Update[] } | undefined,
	locale: Locale,
	pictures: ReadonlyMap<string, PictureAttributes> = new Map(),
) {
	embedHosts ??= readEmbedHosts('./content');
	const hosts = embedHosts;
	return renderedUpdates(live?.updates ?? [], (markdown) => {
		const tree = markdownToHast(markdown, locale, hosts);
		placePictures(tree, pictures);
		const html = toHtml(tree);
		return { html, text: htmlToText(html) };
	});
}
