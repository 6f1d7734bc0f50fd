import type { Element, ElementContent, Root } from 'hast';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import type { VFile } from 'vfile';
import ar from '../i18n/ar.ts';
import en from '../i18n/en.ts';
import { matchEmbed, previewDocument, type Embed } from './embeds.ts';
import { eachElement } from './walk.ts';

/**
 * A protocol list no URL can match. hast-util-sanitize treats an empty list as "anything goes",
 * so this is how a URL attribute is limited to relative URLs (which carry no protocol).
 */
const RELATIVE_ONLY = ['(relative URLs only)'];

/**
 * The allow-list every sanitiser of the project starts from (article bodies here, WordPress
 * posts in the importer): GitHub's (no script, style, iframe, form, object, embed, base or meta;
 * no event handlers; only http(s) and mailto links), the text of scripts and styles removed with
 * them, plus `dir` and `lang` so editors can mark mixed-direction text.
 */
export const baseSchema: SanitizeSchema = {
	...defaultSchema,
	strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title'],
	attributes: {
		...defaultSchema.attributes,
		'*': [...(defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'action'), 'dir', 'lang'],
	},
};

/**
 * What article and page bodies may contain: the base list, with images that are the site's own
 * files only: a remote image is a tracking pixel on every reader, so absolute image URLs are dropped.
 */
export const bodySchema: SanitizeSchema = {
	...baseSchema,
	protocols: { ...defaultSchema.protocols, src: RELATIVE_ONLY, longDesc: RELATIVE_ONLY },
};

/**
 * Before sanitising: an iframe from an allowed host becomes a plain link to what it shows, so
 * it survives as a link and can become a click-to-load embed. Other iframes are left for the
 * sanitiser to remove.
 */
export function rehypeEmbedSources(options: { hosts: readonly string[] }) {
	return (tree: Root) => {
		eachElement(tree, (node, index, parent) => {
			if (node.tagName !== 'iframe') return;
			const src = String(node.properties.src ?? '');
			if (!matchEmbed(src, options.hosts)) return;
			const link: Element = {
				type: 'element',
				tagName: 'a',
				properties: { href: src },
				children: [{ type: 'text', value: src }],
			};
			parent.children[index] =
				parent.type === 'root' ? { type: 'element', tagName: 'p', properties: {}, children: [link] } : link;
		});
	};
}

/**
 * After sanitising: a paragraph holding nothing but a link to an allowed host becomes a
 * privacy-friendly embed: a frame showing a local preview, which loads the third party only
 * when the reader clicks its play link, with the original link under it.
 */
export function rehypeEmbeds(options: { hosts: readonly string[] }) {
	return (tree: Root, file: VFile) => {
		const english = isEnglish(file);
		const t = english ? en : ar;
		eachElement(tree, (node, index, parent) => {
			if (node.tagName !== 'p') return;
			const meaningful = node.children.filter(
				(child) => !(child.type === 'text' && child.value.trim() === ''),
			);
			const [only] = meaningful;
			if (meaningful.length !== 1 || only?.type !== 'element' || only.tagName !== 'a') return;
			const embed = matchEmbed(String(only.properties.href ?? ''), options.hosts);
			if (!embed) return;
			parent.children[index] = embedFigure(
				embed,
				t[`embed.${embed.provider}`],
				t['embed.play'],
				t['embed.original'],
				english ? 'ltr' : 'rtl',
			);
		});
	};
}

/** The prefix the sanitiser puts before every id from content, so content cannot clobber the page's own ids. */
const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

/**
 * The sanitiser prefixes ids (`fn-1` → `user-content-fn-1`) but not the links to them; this
 * points in-page links (footnotes, an editor's own anchors) at the prefixed id where that is
 * the one that exists.
 */
export function rehypeFixAnchors() {
	return (tree: Root) => {
		const ids = new Set<string>();
		eachElement(tree, (node) => {
			if (typeof node.properties.id === 'string') ids.add(node.properties.id);
		});
		eachElement(tree, (node) => {
			const href = node.tagName === 'a' ? node.properties.href : undefined;
			if (typeof href !== 'string' || !href.startsWith('#')) return;
			const target = decodeURIComponent(href.slice(1));
			if (!ids.has(target) && ids.has(CLOBBER_PREFIX + target))
				node.properties.href = `#${CLOBBER_PREFIX}${target}`;
		});
	};
}

/**
 * GFM footnotes come with English labels ("Footnotes", "Back to reference 1"); this gives them
 * the article's language.
 */
export function rehypeLocalizeFootnotes() {
	return (tree: Root, file: VFile) => {
		const t = isEnglish(file) ? en : ar;
		eachElement(tree, (node) => {
			if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
				const heading = node.children.find(
					(child): child is Element => child.type === 'element' && child.tagName === 'h2',
				);
				if (heading) heading.children = [{ type: 'text', value: t['article.footnotes'] }];
			}
			if (node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined)
				node.properties.ariaLabel = t['article.footnoteBack'];
		});
	};
}

/** Whether a content file is English (`content/<collection>/en/<slug>.md`); anything else is Arabic. */
function isEnglish(file: VFile): boolean {
	return /[\\/]en[\\/][^\\/]+$/.test(file.path ?? '');
}

function embedFigure(
	embed: Embed,
	name: string,
	play: string,
	original: string,
	dir: 'rtl' | 'ltr',
): Element {
	const label = `${play} ${name}`;
	const frame: Element = {
		type: 'element',
		tagName: 'iframe',
		properties: {
			title: label,
			srcDoc: previewDocument(embed, label, dir),
			loading: 'lazy',
			allow: 'autoplay; encrypted-media; picture-in-picture; fullscreen',
			referrerPolicy: 'strict-origin-when-cross-origin',
		},
		children: [],
	};
	const caption: ElementContent = {
		type: 'element',
		tagName: 'figcaption',
		properties: {},
		children: [
			{ type: 'text', value: `${original}: ` },
			{
				type: 'element',
				tagName: 'a',
				properties: { href: embed.url, rel: ['noopener'], dir: 'ltr' },
				children: [{ type: 'text', value: embed.url }],
			},
		],
	};
	return {
		type: 'element',
		tagName: 'figure',
		properties: { className: ['embed', `embed-${embed.provider}`] },
		children: [frame, caption],
	};
}
