/** What related-article scoring needs to know of an article. */
export interface Relatable {
	id: string;
	category: string;
	tags: readonly string[];
	date: Date;
}

/**
 * The `limit` most related articles of every article, computed once per build from an inverted
 * index. Articles sharing more tags rank first (a shared section adds a little); ties go to
 * the closer date. Slots left are filled with the stories nearest in time from the same
 * section. The work follows the tag postings an article shares plus `limit`, never the whole
 * archive. Callers pass one language at a time.
 */
export function relatedArticles<A extends Relatable>(articles: readonly A[], limit = 4): Map<string, A[]> {
	const byTag = new Map<string, A[]>();
	const byCategory = new Map<string, A[]>();
	for (const article of articles) {
		for (const tag of new Set(article.tags)) push(byTag, tag, article);
		push(byCategory, article.category, article);
	}
	for (const list of byCategory.values()) list.sort(newestFirst);
	const positionInCategory = new Map<A, number>();
	for (const list of byCategory.values()) list.forEach((article, index) => positionInCategory.set(article, index));

	const related = new Map<string, A[]>();
	for (const article of articles) {
		const scores = new Map<A, number>();
		for (const tag of new Set(article.tags)) {
			for (const other of byTag.get(tag) ?? []) {
				if (other === article) continue;
				const base = scores.get(other) ?? (other.category === article.category ? 1 : 0);
				scores.set(other, base + 2);
			}
		}
		const distance = (other: A) => Math.abs(other.date.getTime() - article.date.getTime());
		const chosen = [...scores]
			.sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || distance(a) - distance(b))
			.slice(0, limit)
			.map(([other]) => other);

		const sameSection = byCategory.get(article.category) ?? [];
		const position = positionInCategory.get(article) ?? 0;
		for (let step = 1; chosen.length < limit && step < sameSection.length; step++) {
			for (const neighbour of [sameSection[position - step], sameSection[position + step]]) {
				if (neighbour && chosen.length < limit && !chosen.includes(neighbour)) chosen.push(neighbour);
			}
		}
		related.set(article.id, chosen);
	}
	return related;
}

function newestFirst(a: Relatable, b: Relatable) {
	return b.date.getTime() - a.date.getTime();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
