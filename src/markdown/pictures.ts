import type { Element, Root as HastRoot } from 'hast';
import type { Definition, Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from './parse.ts';

/**
 * The pictures of Markdown that sit beside its file (`![alt](../../media/x.jpg)`, or by
 * reference), each once, in order of appearance. Astro resolves and optimises such pictures in a
 * file's body, not in a front matter string such as a live update's text, so the schema hands
 * these to its `image()` helper. Web addresses and site paths (`/…`) are not the file's.
 */
export function localPictures(markdown: string): string[] {
	const tree = parseMarkdown(markdown);
	const definitions = new Map<string, string>();
	visit(tree, 'definition', (node: Definition) => void definitions.set(node.identifier, node.url));
	const found = new Set<string>();
	visit(tree, (node: Nodes) => {
		const url =
			node.type === 'image'
				? node.url
				: node.type === 'imageReference'
					? definitions.get(node.identifier)
					: undefined;
		if (url && isLocal(url)) found.add(url);
	});
	return [...found];
}

/** A path relative to the file: no scheme, not from the site's root, not an anchor. */
function isLocal(url: string): boolean {
	return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.startsWith('#');
}

/** The attributes a picture of the text gets on the page: its optimised `src`, `srcSet`, size. */
export type PictureAttributes = Readonly<Record<string, string | number>>;

/**
 * Gives each `<img>` of rendered Markdown whose `src` is one of `pictures`' keys (the path as
 * written) the attributes of its optimised image. Runs after the sanitiser: these are the site's.
 */
export function placePictures(tree: HastRoot, pictures: ReadonlyMap<string, PictureAttributes>): void {
	if (pictures.size === 0) return;
	visit(tree, 'element', (node: Element) => {
		const src = node.tagName === 'img' ? node.properties.src : undefined;
		const attributes = typeof src === 'string' ? pictures.get(src) : undefined;
		if (attributes) Object.assign(node.properties, attributes);
	});
}
