import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import matter from 'gray-matter';
import type { LabelledQuery } from '../fixtures/search-corpus/queries.ts';

/** The labelled search corpus: Markdown articles valid against the article schema. */
export const searchCorpusRoot = resolve(import.meta.dirname, '../fixtures/search-corpus');

/** The meaning corpus (Arabic only): demonyms, broken plurals, verbal nouns, feminine titles, and traps. */
export const meaningCorpusRoot = resolve(import.meta.dirname, '../fixtures/meaning-corpus');

/** The corpus's articles of a language, as files. */
export function searchCorpus(
	locale: 'ar' | 'en',
): { slug: string; file: string; data: Record<string, unknown>; body: string }[] {
	const folder = join(searchCorpusRoot, locale);
	return readdirSync(folder)
		.filter((name) => name.endsWith('.md'))
		.map((name) => {
			const { data, content } = matter(readFileSync(join(folder, name), 'utf8'));
			return { slug: name.replace(/\.md$/, ''), file: join(folder, name), data, body: content };
		});
}

/** How a set of queries fared. */
export interface Quality {
	/** Expected articles found, over all expected articles. */
	recall: number;
	/** Returned articles that were expected, over all returned articles. */
	precision: number;
	/** Every expected article not found, and every returned article not expected. */
	misses: { query: string; missed: string[]; unexpected: string[] }[];
	/** Articles returned that a query must not find. */
	forbidden: { query: string; slugs: string[] }[];
}

/** Scores the slugs each query returned against its labels. */
export function quality(queries: LabelledQuery[], returned: Map<string, string[]>): Quality {
	let expected = 0;
	let found = 0;
	let total = 0;
	let relevant = 0;
	const misses: Quality['misses'] = [];
	const forbidden: Quality['forbidden'] = [];
	for (const { query, find, notFind = [] } of queries) {
		const got = new Set(returned.get(query) ?? []);
		expected += find.length;
		total += got.size;
		const missed = find.filter((slug) => !got.has(slug));
		const unexpected = [...got].filter((slug) => !find.includes(slug));
		found += find.length - missed.length;
		relevant += got.size - unexpected.length;
		if (missed.length || unexpected.length) misses.push({ query, missed, unexpected });
		const wrong = notFind.filter((slug) => got.has(slug));
		if (wrong.length) forbidden.push({ query, slugs: wrong });
	}
	return {
		recall: expected ? found / expected : 1,
		precision: total ? relevant / total : 1,
		misses,
		forbidden,
	};
}

/** The meaning corpus's classes, which its queries' `about` is. */
const MEANING_CLASSES = new Set(['demonym', 'plural', 'verbal-noun', 'feminine']);

/**
 * The class of a query: the meaning corpus's `about`; for the test corpus, whose `about` says
 * what each query tests, a group of those: traps, plurals, spelling, affixes.
 */
export function classOf({ about }: LabelledQuery): string {
	if (MEANING_CLASSES.has(about)) return about;
	if (/ is not /.test(about)) return 'traps';
	if (/plural|singular/.test(about)) return 'plurals';
	if (/hamza|alef|diacritic|tatweel|invisible|digit|accent|ة|ى|ه for|year/.test(about)) return 'spelling';
	if (/draft|future/.test(about)) return 'unpublished';
	return 'affixes and words';
}

/** Quality per class of query (`classOf`), in the order the classes first appear. */
export function qualityByClass(
	queries: LabelledQuery[],
	returned: Map<string, string[]>,
): [string, Quality][] {
	const classes = [...new Set(queries.map(classOf))];
	return classes.map((name) => [
		name,
		quality(
			queries.filter((query) => classOf(query) === name),
			returned,
		),
	]);
}
