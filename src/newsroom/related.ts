/** What related-article scoring needs to know of an article. */
export interface Relatable {
	id: string;
	category: string;
	tags: readonly string[];
	date: Date;
}

/** How many stories on either side in time are weighed per shared tag: bounds the work per article. */
const TAG_WINDOW = 50;

/**
 * The `limit` most related articles of every article, computed once per build from an inverted
 * index. Articles sharing more tags rank first (a shared section adds a little); ties go to
 * the closer date. Slots left are filled with the stories nearest in time from the same
 * section. A common tag can be on half the archive, so per tag only the `TAG_WINDOW` stories
 * nearest in time on each side are weighed: the work per article is bounded, and the whole
 * is linear in the number of articles. Callers pass one language at a time.
 */
export function relatedArticles<A extends Relatable>(articles: readonly A[], limit = 4): Map<string, A[]> {
	const byTag = new Map<string, A[]>();
	const byCategory = new Map<string, A[]>();
	for (const article of articles) {
		for (const tag of new Set(article.tags)) push(byTag, tag, article);
		push(byCategory, article.category, article);
	}
	/** Where each article stands, newest first, in each list it is in. */
	const position = new Map<A[], Map<A, number>>();
	for (const list of [...byTag.values(), ...byCategory.values()]) {
		list.sort(newestFirst);
		position.set(list, new Map(list.map((article, index) => [article, index])));
	}

	const related = new Map<string, A[]>();
	for (const article of articles) {
		const scores = new Map<A, number>();
		for (const tag of new Set(article.tags)) {
			const posting = byTag.get(tag)!;
			const at = position.get(posting)!.get(article)!;
			const end = Math.min(posting.length, at + TAG_WINDOW + 1);
			for (let index = Math.max(0, at - TAG_WINDOW); index < end; index++) {
				const other = posting[index]!;
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

		const sameSection = byCategory.get(article.category)!;
		const at = position.get(sameSection)!.get(article)!;
		for (let step = 1; chosen.length < limit && step < sameSection.length; step++) {
			for (const neighbour of [sameSection[at - step], sameSection[at + step]]) {
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
