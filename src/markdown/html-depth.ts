import type { Html, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/** Deeper raw-HTML nesting than this is shown as text: no article needs it, and the HTML parser recurses. */
export const MAX_HTML_DEPTH = 200;

const VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'source',
	'track',
	'wbr',
]);

/** How deep the tags of an HTML fragment nest, starting from `depth`: [deepest, depth at its end]. */
export function htmlDepth(html: string, depth = 0): [number, number] {
	let deepest = depth;
	for (const [, closing, name, selfClosing] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
		if (closing) depth = Math.max(0, depth - 1);
		else if (!selfClosing && !VOID.has(name!.toLowerCase())) deepest = Math.max(deepest, ++depth);
	}
	return [deepest, depth];
}

/**
 * Raw HTML nested absurdly deep (a hostile paste of thousands of `<div>`s) would overflow the
 * stack of the HTML parser and fail the build. Such HTML is kept as visible text instead,
 * which the page escapes.
 */
export function remarkLimitHtmlDepth() {
	return (tree: Root) => {
		let depth = 0;
		visit(tree, 'html', (node: Html, index, parent) => {
			const [deepest, after] = htmlDepth(node.value, depth);
			if (deepest > MAX_HTML_DEPTH && parent && index !== undefined) {
				const text: Text = { type: 'text', value: node.value };
				parent.children[index] = parent.type === 'root' ? { type: 'paragraph', children: [text] } : text;
				return;
			}
			depth = after;
		});
	};
}
