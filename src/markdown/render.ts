import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { parseMarkdown } from './parse.ts';
import { markdownPlugins } from './pipeline.ts';

/**
 * Markdown that is not a file's body (a live update, the CMS preview) rendered as the site
 * renders bodies: GFM, as Astro parses it, through the site's own plugins (`pipeline.ts`: the
 * sanitiser, click-to-load embeds for links on a line of their own, localised footnotes).
 */
export function markdownToHast(markdown: string, lang: 'ar' | 'en', embedHosts: readonly string[]): Root {
	const { remarkPlugins, rehypePlugins } = markdownPlugins(embedHosts);
	// The file's path tells the plugins its language, as Astro's does (content/articles/<lang>/…).
	const file = new VFile({ path: `content/articles/${lang}/fragment.md`, value: markdown });
	const mdast = unified()
		.use(remarkPlugins as PluggableList)
		.runSync(parseMarkdown(markdown), file);
	return unified()
		.use(rehypePlugins as PluggableList)
		.runSync(
			toHast(mdast as Parameters<typeof toHast>[0], { allowDangerousHtml: true }) as Root,
			file,
		) as Root;
}

/** The HTML of `markdownToHast`. */
export function markdownToHtml(markdown: string, lang: 'ar' | 'en', embedHosts: readonly string[]): string {
	return toHtml(markdownToHast(markdown, lang, embedHosts));
}
