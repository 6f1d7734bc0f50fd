/**
 * A language's search index, cut by year: records in, the shard each belongs to out, and, on the
 * search page, each shard's results merged into one list. A publish changes the records of one
 * year (the current one, usually), so only that year's Pagefind index is written again; the
 * search page queries the shards it needs and merges their results itself, because Pagefind's
 * own merge of several indexes sorted by date interleaves them wrongly (a result's score becomes
 * its position within its own index).
 */

/** The list of a language's shards, in its bundle folder (`pagefind/<locale>/shards.json`). */
export const SHARDS_FILE = 'shards.json';

/** A shard in the list: its year (and folder, `pagefind/<locale>/<year>/`), and a digest of what it was made from. */
export interface ShardEntry {
	year: string;
	key: string;
}

/** A language's shards, newest year first. */
export interface ShardList {
	shards: ShardEntry[];
}

/** The shard of a record: its year in the newsroom's time zone, the same as its `year` filter. */
export function shardOf(record: { filters: { year: string[] } }): string {
	const year = record.filters.year[0];
	if (!year || !/^\d{4}$/.test(year)) throw new Error(`a search record has no year to shard it by: ${year}`);
	return year;
}

/** Years, newest first. */
export function newestYearsFirst(years: Iterable<string>): string[] {
	return [...new Set(years)].sort((a, b) => b.localeCompare(a));
}

/** The shards a search needs: the year's alone when it filters by year (none when no article has that year), else all. */
export function shardsToSearch(list: ShardList, year: string): string[] {
	const years = list.shards.map((shard) => shard.year);
	return year ? years.filter((shard) => shard === year) : years;
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
 * the shards newest first: every article of a year is newer than every article of an earlier
 * year, so the concatenation is in exact date order.
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
