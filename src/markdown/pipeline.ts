import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { remarkLimitHtmlDepth } from './html-depth.ts';
import {
	bodySchema,
	rehypeEmbeds,
	rehypeEmbedSources,
	rehypeFixAnchors,
	rehypeLocalizeFootnotes,
} from './sanitize.ts';

/**
 * In: the Markdown of article and page bodies; out: safe HTML. The Markdown plugins of bodies. Content is untrusted: raw HTML is parsed,
 * allowed embeds are turned into links, everything goes through the allow-list sanitiser, and
 * only then do links to allowed hosts become click-to-load embeds. Astro adds heading ids and
 * optimises images after these.
 */
export function markdownPlugins(embedHosts: readonly string[]): {
	remarkPlugins: RemarkPlugins;
	rehypePlugins: RehypePlugins;
	smartypants: false;
} {
	const embeds = { hosts: embedHosts };
	return {
		// Smartypants curls quotes and dashes by parsing every sentence as Latin-script prose
		// (retext): nothing for Arabic, which writers type with its own «» and ،, and a noticeable
		// share of Markdown rendering (see docs/performance.md). English bodies keep the quotes
		// their writers typed.
		smartypants: false,
		remarkPlugins: [remarkLimitHtmlDepth],
		rehypePlugins: [
			rehypeRaw,
			[rehypeEmbedSources, embeds],
			[rehypeSanitize, bodySchema],
			rehypeFixAnchors,
			[rehypeEmbeds, embeds],
			rehypeLocalizeFootnotes,
		],
	};
}
