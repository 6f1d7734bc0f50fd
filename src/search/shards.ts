/**
 * A language's search index, cut by time: records in, the shard each belongs to out, and, on the
 * search page, each shard's results merged into one list. The newest year is a shard of its own,
 * so a publish (nearly always an article of the newest year) re-indexes that year alone; the older
 * years are grouped into a few archive shards, so a search over all years loads few indexes. The
 * search page queries the shards it needs and merges their results itself, because Pagefind's own
 * merge of several indexes sorted by date interleaves them wrongly (a result's score becomes its
 * position within its own index).
 */

/** The list of a language's shards, in its bundle folder (`pagefind/<locale>/shards.json`). */
export const SHARDS_FILE = 'shards.json';

/**
 * The most articles an archive shard holds. Pagefind holds every record of an index in memory,
 * several copies of each, until it writes it: at 100,000 articles a whole language took 13.4 GB.
 * A bound of 40,000 keeps the indexer's memory at that of 40,000 articles whatever the archive's
 * size, while 10,000 articles make one archive shard and 100,000 three or four shards.
 */
export const ARCHIVE_SHARD_ARTICLES = 40_000;

/**
 * A shard in the list: its name (and folder, `pagefind/<locale>/<name>/`), its year range
 * (`2026`, `2016-2025`); the years of its articles, newest first; and a digest of what it was
 * made from.
 */
export interface ShardEntry {
	name: string;
	years: string[];
	key: string;
}

/** A language's shards, newest first: their year ranges are disjoint and in that order. */
export interface ShardList {
	shards: ShardEntry[];
}

/** The year of a record in the newsroom's time zone, the same as its `year` filter: what it is sharded by. */
export function yearOf(record: { filters: { year: string[] } }): string {
	const year = record.filters.year[0];
	if (!year || !/^\d{4}$/.test(year)) throw new Error(`a search record has no year to shard it by: ${year}`);
	return year;
}

/** Years, newest first. */
export function newestYearsFirst(years: Iterable<string>): string[] {
	return [...new Set(years)].sort((a, b) => b.localeCompare(a));
}

/** A shard's name: its year range, oldest to newest, or its one year. */
export function shardName(years: string[]): string {
	const [newest, oldest] = [years[0]!, years.at(-1)!];
	return newest === oldest ? newest : `${oldest}-${newest}`;
}

/**
 * The shards of a language, newest first, from its number of articles by year: the newest year
 * alone, then the older years grouped from the oldest, consecutive years together, each group
 * holding at most `bound` articles (a year of more is a group of its own). Grouping from the
 * oldest keeps the older groups as they are as years are added: when the year turns, the year
 * that was newest joins the youngest archive shard (or starts a new one when that one is full),
 * which re-indexes that shard once.
 */
export function planShards(
	articlesByYear: Map<string, number>,
	bound = ARCHIVE_SHARD_ARTICLES,
): Omit<ShardEntry, 'key'>[] {
	const [newest, ...older] = newestYearsFirst(articlesByYear.keys());
	if (!newest) return [];
	const groups: string[][] = [];
	let group: string[] = [];
	let count = 0;
	for (const year of older.reverse()) {
		const articles = articlesByYear.get(year) ?? 0;
		if (group.length > 0 && count + articles > bound) {
			groups.push(group);
			group = [];
			count = 0;
		}
		group.push(year);
		count += articles;
	}
	if (group.length > 0) groups.push(group);
	return [[newest], ...groups.reverse().map((years) => years.reverse())].map((years) => ({
		name: shardName(years),
		years,
	}));
}

/**
 * The shards a search needs, by name: with a year, the one shard that holds it (none when no
 * article has that year), else all.
 */
export function shardsToSearch(list: ShardList, year: string): string[] {
	return list.shards.filter((shard) => !year || shard.years.includes(year)).map((shard) => shard.name);
}

/**
 * The shards that have every word of a query, from each word's count of articles by shard (in the
 * order of `shards`). Pagefind falls back to similar words for a word its index lacks, so a shard
 * without one of the words must not be asked: it could only answer with false hits (every word
 * must match anyway).
 */
export function shardsWithEvery(shards: string[], countsByWord: number[][]): string[] {
	return shards.filter((_, at) => countsByWord.every((counts) => (counts[at] ?? 0) > 0));
}

/**
 * Results sorted newest first across shards, from each shard's results sorted newest first and
 * the shards newest first: shards hold disjoint year ranges, so every article of a shard is newer
 * than every article of an older shard, and the concatenation is in exact date order.
 */
export function newestFirst<T>(byShard: T[][]): T[] {
	return byShard.flat();
}

/**
 * Results by relevance across shards: by Pagefind's score, each shard's own; among equal scores,
 * the newer shard first, then each shard's own order.
 */
export function mergeByScore<T extends { score: number }>(byShard: T[][]): T[] {
	return byShard
		.flatMap((results, shard) => results.map((result, at) => ({ result, shard, at })))
		.sort((a, b) => b.result.score - a.result.score || a.shard - b.shard || a.at - b.at)
		.map(({ result }) => result);
}
