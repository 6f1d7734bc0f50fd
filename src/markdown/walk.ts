import type { Element, Root } from 'hast';

/**
 * Calls `visitor` on every element of a tree, parents before children, as unist-util-visit
 * does (a visitor may replace `parent.children[index]`; the walk goes on into the node it was
 * given). Written out because unist-util-visit names a function for every node it passes,
 * which made the site's body plugins a noticeable share of Markdown rendering at archive scale
 * (see docs/performance.md).
 */
export function eachElement(
	tree: Root | Element,
	visitor: (node: Element, index: number, parent: Root | Element) => void,
): void {
	const { children } = tree;
	for (let index = 0; index < children.length; index++) {
		const child = children[index]!;
		if (child.type !== 'element') continue;
		visitor(child, index, tree);
		eachElement(child, visitor);
	}
}
