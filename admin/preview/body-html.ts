import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { markdownToHast } from '../../src/markdown/render.ts';
import { eachElement } from '../../src/markdown/walk.ts';

/**
 * An article's body as the site renders it (`src/markdown/render.ts`), with images pointing where
 * the CMS can show them (`asset`, Decap's `getAsset`), not at the repository paths the files hold.
 */
export function bodyHtml(
	markdown: string,
	lang: 'ar' | 'en',
	embedHosts: readonly string[],
	asset: (src: string) => string,
): string {
	const hast = markdownToHast(markdown, lang, embedHosts);
	eachElement(hast, (node: Element) => {
		if (node.tagName === 'img' && typeof node.properties.src === 'string')
			node.properties.src = asset(node.properties.src);
	});
	return toHtml(hast);
}
