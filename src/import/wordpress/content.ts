/**
 * WordPress post HTML (as stored: shortcodes, paragraphs as blank lines, block-editor comments)
 * to the site's Markdown. The HTML goes through an allow-list sanitiser (hast-util-sanitize)
 * before it becomes Markdown (hast-util-to-mdast, mdast-util-to-markdown), so no script, style,
 * event handler or `javascript:` link reaches a content file; the site sanitises again at build.
 * No I/O: images and links are resolved through the callbacks in {@link WpContentOptions}.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { baseSchema } from '../../markdown/sanitize.ts';
import type { Schema } from 'hast-util-sanitize';
import { toMdast } from 'hast-util-to-mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { visit, SKIP } from 'unist-util-visit';
import { matchEmbed } from '../../markdown/embeds.ts';
import { escapeXml as escapeHtml } from '../../outputs/xml.ts';

export interface WpContentOptions {
	/** Hosts whose links become click-to-load embeds (content/settings/embeds.yml). */
	embedHosts: readonly string[];
	/**
	 * The `src` an image gets in the Markdown, from its absolute URL, or undefined to drop the
	 * image. Default: kept as it is.
	 */
	image?: (url: string) => string | undefined;
	/** A link's new target (an old post's new URL), or undefined to keep it. */
	link?: (url: string) => string | undefined;
	/** Where relative URLs in the post point (the old site's address). */
	baseUrl?: string;
}

export interface WpContentResult {
	markdown: string;
	/** Shortcodes this converter does not know, by name, kept in the text as they were. */
	unknownShortcodes: string[];
}

/** Shortcodes WordPress itself turns into HTML and this converter handles. */
const KNOWN_SHORTCODES = new Set(['caption', 'wp_caption', 'embed']);

/**
 * The project's base allow-list (`src/markdown/sanitize.ts`), also removing the text of frames,
 * forms and embedded objects instead of keeping it; ids are kept as they are, since the site's
 * own sanitiser prefixes them when it renders the article.
 */
const SCHEMA: Schema = {
	...baseSchema,
	strip: [
		...(baseSchema.strip ?? []),
		'iframe',
		'object',
		'embed',
		'form',
		'select',
		'button',
		'svg',
		'math',
	],
	clobberPrefix: '',
};

/** Elements that start a block: WordPress does not wrap them in a paragraph (wpautop). */
const BLOCK_START =
	/^<\/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|figure|figcaption|table|thead|tbody|tfoot|tr|td|th|caption|pre|hr|iframe|address|section|article|aside|header|footer|nav|form|fieldset|legend|script|style|object|video|audio|center|details|summary|!--)\b/i;

/** A URL alone on its line: WordPress embeds it (oEmbed) when the provider is known. */
const URL_LINE = /^[ \t]*(https?:\/\/[^\s<>"'[\]]+)[ \t]*$/gm;

/**
 * Stands for an embed while the HTML becomes Markdown, where the URL would be escaped or linked;
 * letters and digits only, so nothing touches it on the way.
 */
const TOKEN = 'WXRZEMBEDZ';
const TOKEN_PATTERN = new RegExp(`${TOKEN}(\\d+)Z`, 'g');

/** The value of a shortcode attribute (`name="value"`, `name='value'` or `name=value`). */
function shortcodeAttribute(attributes: string, name: string): string | undefined {
	const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s'"]+))`, 'i').exec(
		attributes,
	);
	return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** WordPress's `wpautop`, simplified: blank lines separate paragraphs and a single newline is a line break. */
export function autop(html: string): string {
	// Block-editor content carries its own <p>s; wpautop does not run on it either.
	if (/<!--\s*wp:/.test(html)) return html;
	const kept: string[] = [];
	const protectedHtml = html
		.replace(/\r\n?/g, '\n')
		.replace(/<pre\b[\s\S]*?<\/pre>/gi, (pre) => `\n\n<pre data-kept="${kept.push(pre) - 1}"></pre>\n\n`);
	return protectedHtml
		.split(/\n[ \t]*\n/)
		.map((chunk) => chunk.trim())
		.filter((chunk) => chunk !== '')
		.map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
		.join('\n\n')
		.replace(/<pre data-kept="(\d+)"><\/pre>/g, (_, index: string) => kept[Number(index)]!);
}

/**
 * Converts a post's content to Markdown: `[caption]` to an image with its caption under it,
 * `[embed]` and URLs alone on their line to that URL alone on its line (the site's embed form),
 * unknown shortcodes kept as text and listed.
 */
export function convertWpContent(html: string, options: WpContentOptions): WpContentResult {
	const embeds: string[] = [];
	const unknown = new Set<string>();
	const embedToken = (url: string) => {
		embeds.push(url);
		return `\n\n<p>${TOKEN}${embeds.length - 1}Z</p>\n\n`;
	};

	let text = html
		// [[name]] is how WordPress writes a shortcode's name as text.
		.replace(/\[\[([a-z][\w-]*[^\]]*)\]\]/gi, (_, inner: string) => `&#91;${inner}&#93;`)
		.replace(
			/\[(caption|wp_caption)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi,
			(_, _name: string, attributes: string, inner: string) => {
				const image = /(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/i.exec(inner)?.[0] ?? '';
				const caption = (
					inner.replace(image, '').trim() || escapeHtml(shortcodeAttribute(attributes, 'caption') ?? '')
				).trim();
				return `\n\n<p>${image}</p>\n\n${caption ? `<p><em>${caption}</em></p>` : ''}\n\n`;
			},
		)
		.replace(/\[embed\b[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_, url: string) =>
			embedToken(url.trim().replace(/&amp;/g, '&')),
		)
		.replace(URL_LINE, (_, url: string) => embedToken(url.replace(/&amp;/g, '&')));
	for (const [, name] of text.matchAll(/\[\/?([a-z][\w-]*)(?=[\s\]/])[^\]]*\]/gi)) {
		if (!KNOWN_SHORTCODES.has(name!.toLowerCase())) unknown.add(name!.toLowerCase());
	}
	text = autop(text);

	const tree = fromHtml(text, { fragment: true });
	replaceEmbedElements(tree, options, embedToken);
	const clean = sanitize(tree, SCHEMA) as Root;
	rewriteUrls(clean, options);

	const markdown = toMarkdown(toMdast(clean), {
		extensions: [gfmToMarkdown()],
		bullet: '-',
		emphasis: '_',
		strong: '*',
		rule: '-',
		fences: true,
		listItemIndent: 'one',
	})
		.replace(TOKEN_PATTERN, (_, index: string) => safeEmbedUrl(embeds[Number(index)]!, options))
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return { markdown: markdown === '' ? '' : `${markdown}\n`, unknownShortcodes: [...unknown].sort() };
}

/** The URL an embed line shows: absolute http(s) only, as URL syntax writes it; otherwise nothing. */
function safeEmbedUrl(raw: string, options: WpContentOptions): string {
	let url: URL;
	try {
		url = new URL(raw, options.baseUrl);
	} catch {
		return '';
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
	return options.link?.(url.href) ?? url.href;
}

/** Replaces a node of `parent` by others. */
function replaceWith(
	parent: { children: RootContent[] | ElementContent[] },
	index: number,
	nodes: ElementContent[],
): void {
	(parent.children as ElementContent[]).splice(index, 1, ...nodes);
}

function tokenParagraph(html: string): ElementContent[] {
	const fragment = fromHtml(html, { fragment: true });
	return fragment.children.filter((child): child is Element => child.type === 'element');
}

/**
 * Before sanitising, which removes frames and widget markup: an iframe from an embed host, and
 * a pasted tweet (`<blockquote class="twitter-tweet">`), become the embed's URL on its own line.
 * Captions of figures become an emphasised paragraph under the image.
 */
function replaceEmbedElements(
	tree: Root,
	options: WpContentOptions,
	embedToken: (url: string) => string,
): void {
	visit(tree, 'element', (node, index, parent) => {
		if (!parent || index === undefined) return;
		if (node.tagName === 'iframe') {
			const src = String(node.properties.src ?? '');
			const absolute = src.startsWith('//') ? `https:${src}` : src;
			if (matchEmbed(absolute, options.embedHosts)) {
				replaceWith(parent, index, tokenParagraph(embedToken(absolute)));
				return [SKIP, index];
			}
			return;
		}
		const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
		if (node.tagName === 'blockquote' && classes.includes('twitter-tweet')) {
			let status: string | undefined;
			visit(node, 'element', (link) => {
				const href = String(link.properties.href ?? '');
				if (link.tagName === 'a' && matchEmbed(href, options.embedHosts)) status = href;
			});
			if (status) {
				replaceWith(parent, index, tokenParagraph(embedToken(status)));
				return [SKIP, index];
			}
			return;
		}
		if (node.tagName === 'figcaption') {
			node.tagName = 'p';
			node.children = [{ type: 'element', tagName: 'em', properties: {}, children: node.children }];
		} else if (node.tagName === 'figure') node.tagName = 'div';
		return undefined;
	});
}

/**
 * After sanitising: images get the `src` the caller chooses (a copied local file, or the remote
 * URL) or are dropped; links to old posts point to their new URL; links without a target, and
 * links around an image that only lead to the image's own file, are unwrapped.
 */
function rewriteUrls(tree: Root, options: WpContentOptions): void {
	const absolute = (url: string) => {
		try {
			return new URL(url, options.baseUrl).href;
		} catch {
			return undefined;
		}
	};
	visit(tree, 'element', (node, index, parent) => {
		if (!parent || index === undefined) return;
		if (node.tagName === 'img') {
			const src = absolute(String(node.properties.src ?? ''));
			const chosen = src === undefined ? undefined : options.image ? options.image(src) : src;
			if (chosen === undefined) {
				replaceWith(parent, index, []);
				return [SKIP, index];
			}
			node.properties = {
				src: chosen,
				alt: String(node.properties.alt ?? '').trim(),
				...(node.properties.title ? { title: node.properties.title } : {}),
			};
			return;
		}
		if (node.tagName !== 'a') return;
		const href = node.properties.href === undefined ? undefined : absolute(String(node.properties.href));
		const onlyImage = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
		const wrapsImage =
			onlyImage.length === 1 && onlyImage[0]!.type === 'element' && onlyImage[0]!.tagName === 'img';
		if (href === undefined || (wrapsImage && /\.(?:jpe?g|png|gif|webp|avif|svg)(?:\?.*)?$/i.test(href))) {
			replaceWith(parent, index, node.children);
			return [SKIP, index];
		}
		node.properties.href = options.link?.(href) ?? String(node.properties.href);
		return undefined;
	});
}

/** A plain-text version of a short piece of HTML (an excerpt or caption): tags and shortcodes removed, spaces collapsed. */
export function plainText(html: string): string {
	const tree = sanitize(fromHtml(html.replace(/\[\/?[a-z][\w-]*[^\]]*\]/gi, ''), { fragment: true }), SCHEMA);
	let text = '';
	visit(tree, (node) => {
		if (node.type === 'text') text += node.value;
		else if (node.type === 'element' && ['p', 'br', 'div', 'li'].includes(node.tagName)) text += ' ';
	});
	return text.replace(/\s+/g, ' ').trim();
}
