/**
 * The sections a language's menu lists: those with at least one published story in that
 * language, in navigation order. A section without one would lead to an empty page.
 */
export function menuSections<C extends { id: string }>(
	categories: readonly C[],
	byCategory: ReadonlyMap<string, readonly unknown[]>,
): C[] {
	return categories.filter(({ id }) => (byCategory.get(id)?.length ?? 0) > 0);
}
