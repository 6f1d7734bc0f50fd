import { getCollection, type CollectionEntry } from 'astro:content';
import type { Author } from './schemas/author.ts';
import type { Category } from './schemas/category.ts';
import type { SiteSettings } from './schemas/settings.ts';
import { idSchema } from './schemas/common.ts';
import { isLocale, localeCodes, type Locale } from './lib/locales.ts';
import { ContentError, type ContentProblem } from './lib/problems.ts';
import { readingMinutes } from './lib/reading-time.ts';
import { relatedArticles } from './lib/related.ts';
import { articleUrl, tagSlug } from './lib/urls.ts';

/**
 * The one read of the content collections per build. Pages call `loadNewsroom()` and use the
 * indexes derived here; none reads a collection itself. Everything is computed once, with work
 * proportional to the number of articles.
 */

/** A published article with what pages need to know of it. */
export interface Article {
	/** `<locale>/<slug>`: unique across languages. */
	id: string;
	locale: Locale;
	slug: string;
	/** Site-relative URL. */
	url: string;
	/** Source file, relative to the project. */
	file: string;
	entry: CollectionEntry<'articles'>;
	data: CollectionEntry<'articles'>['data'];
	category: string;
	tags: string[];
	date: Date;
	readingMinutes: number;
}

export interface Newsroom {
	settings: SiteSettings;
	/** Sections in navigation order. */
	categories: { id: string; data: Category }[];
	categoryById: Map<string, Category>;
	authorById: Map<string, Author>;
	/** Published articles per language, newest first. */
	articles: Record<Locale, Article[]>;
	/** Published articles per language and slug. */
	bySlug: Record<Locale, Map<string, Article>>;
	/** Published articles per language and category id, newest first. */
	byCategory: Record<Locale, Map<string, Article[]>>;
	/** Published articles per language and tag (by its URL form), newest first. */
	byTag: Record<Locale, Map<string, { name: string; articles: Article[] }>>;
	/** Related articles per article id, same language. */
	related: Map<string, Article[]>;
	/** When this build considers "now": drafts and later-dated articles are not published. */
	now: Date;
}

/** The build clock. `NEWSROOM_NOW` (ISO 8601) fixes it for tests and scheduled rebuilds. */
export function buildClock(env: Record<string, string | undefined> = process.env): Date {
	const fixed = env.NEWSROOM_NOW;
	if (!fixed) return new Date();
	const date = new Date(fixed);
	if (Number.isNaN(date.getTime())) throw new Error(`NEWSROOM_NOW is not a date: ${fixed}`);
	return date;
}

let newsroom: Promise<Newsroom> | undefined;

/** The newsroom's content, read once per build and shared by every page. */
export function loadNewsroom(): Promise<Newsroom> {
	newsroom ??= readNewsroom();
	return newsroom;
}

async function readNewsroom(): Promise<Newsroom> {
	const [articleEntries, categoryEntries, authorEntries, settingsEntries] = await Promise.all([
		getCollection('articles'),
		getCollection('categories'),
		getCollection('authors'),
		getCollection('settings'),
	]);
	const problems: ContentProblem[] = [];

	const settings = settingsEntries.find((entry) => entry.id === 'site')?.data;
	if (!settings) throw new ContentError([{ file: 'content/settings/site.yml', field: 'file', message: 'is missing' }]);

	const categories = categoryEntries
		.map(({ id, data }) => ({ id, data }))
		.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
	const categoryById = new Map(categories.map(({ id, data }) => [id, data]));
	const authorById = new Map(authorEntries.map(({ id, data }) => [id, data]));

	const now = buildClock();
	const articles = Object.fromEntries(localeCodes.map((locale) => [locale, [] as Article[]])) as Record<Locale, Article[]>;
	for (const entry of articleEntries) {
		const file = entry.filePath ?? `content/articles/${entry.id}.md`;
		const report = (field: string, message: string) => problems.push({ file, field, message });
		const [folder, slug = '', ...rest] = entry.id.split('/');
		if (!isLocale(folder) || rest.length > 0) {
			report('file', 'must be content/articles/<ar|en>/<slug>.md');
			continue;
		}
		if (!idSchema.safeParse(slug).success) report('slug', `"${slug}" must be lower-case ASCII [a-z0-9-]+ (the file name is the slug)`);
		if (!categoryById.has(entry.data.category)) {
			report('category', `unknown category "${entry.data.category}" (known: ${categories.map((c) => c.id).join(', ')})`);
		}
		if (entry.data.author && !authorById.has(entry.data.author)) {
			report('author', `unknown author "${entry.data.author}" (known: ${[...authorById.keys()].join(', ')})`);
		}
		if (entry.data.draft || entry.data.date > now) continue;
		articles[folder].push({
			id: entry.id,
			locale: folder,
			slug,
			url: articleUrl(folder, slug),
			file,
			entry,
			data: entry.data,
			category: entry.data.category,
			tags: entry.data.tags,
			date: entry.data.date,
			readingMinutes: readingMinutes(entry.body ?? ''),
		});
	}
	if (problems.length > 0) throw new ContentError(problems);

	const related = new Map<string, Article[]>();
	for (const locale of localeCodes) {
		articles[locale].sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));
		for (const [id, list] of relatedArticles(articles[locale])) related.set(id, list);
	}
	const perLocale = <T>(make: (list: Article[]) => T) =>
		Object.fromEntries(localeCodes.map((locale) => [locale, make(articles[locale])])) as Record<Locale, T>;
	const bySlug = perLocale((list) => new Map(list.map((article) => [article.slug, article])));
	const byCategory = perLocale((list) => groupBy(list, (article) => [article.category]));
	const byTag = perLocale((list) => {
		const index = new Map<string, { name: string; articles: Article[] }>();
		for (const [slug, tagged] of groupBy(list, (article) => article.tags.map(tagSlug))) {
			const name = tagged[0]!.tags.find((tag) => tagSlug(tag) === slug)!;
			index.set(slug, { name, articles: tagged });
		}
		return index;
	});

	return { settings, categories, categoryById, authorById, articles, bySlug, byCategory, byTag, related, now };
}

/** Groups a list under every key `keys` gives for an item, keeping the list's order. */
function groupBy<T>(list: T[], keys: (item: T) => string[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of list) {
		for (const key of new Set(keys(item))) {
			const group = groups.get(key);
			if (group) group.push(item);
			else groups.set(key, [item]);
		}
	}
	return groups;
}
