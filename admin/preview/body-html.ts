import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { markdownPlugins } from '../../src/markdown/pipeline.ts';
import { eachElement } from '../../src/markdown/walk.ts';

/**
 * An article's body as the site renders it: GFM Markdown, as Astro parses it, through the site's
 * own plugins (`src/markdown/pipeline.ts`: the sanitiser, click-to-load embeds for links on a
 * line of their own, localised footnotes). Images point where the CMS can show them (`asset`,
 * Decap's `getAsset`), not at the repository paths the files hold.
 */
export function bodyHtml(
	markdown: string,
	lang: 'ar' | 'en',
	embedHosts: readonly string[],
	asset: (src: string) => string,
): string {
	const { remarkPlugins, rehypePlugins } = markdownPlugins(embedHosts);
	// The file's path tells the plugins its language, as Astro's does (content/articles/<lang>/…).
	const file = new VFile({ path: `content/articles/${lang}/preview.md`, value: markdown });
	const mdast = unified()
		.use(remarkPlugins as PluggableList)
		.runSync(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), file);
	const hast = unified()
		.use(rehypePlugins as PluggableList)
		.runSync(
			toHast(mdast as Parameters<typeof toHast>[0], { allowDangerousHtml: true }) as Root,
			file,
		) as Root;
	eachElement(hast, (node: Element) => {
		if (node.tagName === 'img' && typeof node.properties.src === 'string')
			node.properties.src = asset(node.properties.src);
	});
	return toHtml(hast);
}
