import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ImageMetadata } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Author } from '../schemas/author.ts';
import type { Category } from '../schemas/category.ts';
import type { FrontPageSettings, SiteSettings } from '../schemas/settings.ts';
import { cacheKey } from './cache-key.ts';
import { cardPictures, type CardPictures } from './card-pictures.ts';
import { formatYear, useDigits } from '../i18n/dates.ts';
import { localeCodes, type Locale } from '../i18n/locales.ts';
import { monthKey, monthOf, type Month } from './months.ts';
import { ContentError } from './problems.ts';
import { readingMinutes } from './reading-time.ts';
import { relatedArticles } from './related.ts';
import { articleUrl, pageUrl, tagSlug } from '../site/urls.ts';

/**
 * The newsroom. In: Astro's content collections, which the content check (`check.ts`) has
 * already validated. Out: the published articles, pages, sections and authors with the indexes
 * pages are built from. The one read of the collections per build: pages call `loadNewsroom()`
 * and none reads a collection itself. Everything is computed once, in work proportional to the
 * number of articles.
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
	/** The calendar month of publication in the newsroom's time zone. */
	month: Month;
	readingMinutes: number;
}

/** A static page (about, contact, ...). */
export interface StaticPage {
	id: string;
	locale: Locale;
	slug: string;
	url: string;
	entry: CollectionEntry<'pages'>;
	data: CollectionEntry<'pages'>['data'];
}

/** Something per language. */
export type PerLocale<T> = Record<Locale, T>;

export interface Newsroom {
	settings: SiteSettings;
	frontPage: FrontPageSettings;
	/** Sections in navigation order. */
	categories: { id: string; data: Category }[];
	categoryById: Map<string, Category>;
	/** Authors by id, in id order. */
	authorById: Map<string, Author>;
	/** Published articles per language, newest first. */
	articles: PerLocale<Article[]>;
	/** Published articles per language and slug. */
	bySlug: PerLocale<Map<string, Article>>;
	/** Published articles per language and category id, newest first. */
	byCategory: PerLocale<Map<string, Article[]>>;
	/** Published articles per language and tag (by its URL form), newest first. */
	byTag: PerLocale<Map<string, { name: string; articles: Article[] }>>;
	/** Published articles per language and author id, newest first. */
	byAuthor: PerLocale<Map<string, Article[]>>;
	/** Published articles per language and month ("2026/11"), newest month first. */
	byMonth: PerLocale<Map<string, { month: Month; articles: Article[] }>>;
	/** Related articles per article id, same language. */
	related: Map<string, Article[]>;
	/** Static pages per language and slug, in footer order. */
	pages: PerLocale<Map<string, StaticPage>>;
	/** The card pictures of every published article's image. */
	cardPictures: Map<ImageMetadata, CardPictures>;
	/** When this build considers "now": drafts and later-dated articles are not published. */
	now: Date;
	/**
	 * The `cacheKey` of a page showing `parts` (articles, pages, archive pages, links), for
	 * Astro's incremental build. It also covers what every page shows: settings, sections,
	 * authors, static pages, the footer's year and the media files.
	 */
	pageKey(...parts: unknown[]): string;
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
	const [articleEntries, pageEntries, categoryEntries, authorEntries, settingsEntries, frontPageEntries] =
		await Promise.all([
			getCollection('articles'),
			getCollection('pages'),
			getCollection('categories'),
			getCollection('authors'),
			getCollection('settings'),
			getCollection('frontPage'),
		]);
	// The content check has run before Astro read the collections: what is here is valid.
	const settings = settingsEntries[0]?.data;
	if (!settings)
		throw new ContentError([{ file: 'content/settings/site.yml', field: 'file', message: 'is missing' }]);
	useDigits(settings.digits);
	const frontPage = frontPageEntries[0]?.data ?? { headlines: 5, latest: 8, sections: [], perSection: 4 };
	const categories = categoryEntries
		.map(({ id, data }) => ({ id, data }))
		.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
	const authorById = new Map<string, Author>(
		authorEntries.map(({ id, data }) => [id, data] as const).sort(([a], [b]) => a.localeCompare(b)),
	);
	const now = buildClock();
	const articles = publishedArticles(articleEntries, settings.timeZone, now);
	const pages = staticPages(pageEntries);
	const site = cacheKey('', [
		settings,
		frontPage,
		categories,
		[...authorById],
		localeCodes.map((locale) => [...pages[locale].values()]),
		formatYear(now, 'en', settings.timeZone),
		mediaFiles(),
	]);
	return {
		settings,
		frontPage,
		categories,
		categoryById: new Map(categories.map(({ id, data }) => [id, data])),
		authorById,
		articles,
		...articleIndexes(articles),
		pages,
		cardPictures: await cardPictures(
			localeCodes.flatMap((locale) =>
				articles[locale].flatMap(({ data }) => (data.image ? [data.image] : [])),
			),
		),
		now,
		pageKey: (...parts) => cacheKey(site, parts),
	};
}

/** `<locale>/<slug>` of an entry id (the content check has refused any other shape). */
function localeAndSlug(id: string): { locale: Locale; slug: string } {
	const [locale, slug = ''] = id.split('/');
	return { locale: locale as Locale, slug };
}

/** The articles readers see per language, newest first: not drafts, not dated after the build's clock. */
function publishedArticles(
	entries: CollectionEntry<'articles'>[],
	timeZone: string,
	now: Date,
): PerLocale<Article[]> {
	const articles = perLocale((): Article[] => []);
	for (const entry of entries) {
		if (entry.data.draft || entry.data.date > now) continue;
		const { locale, slug } = localeAndSlug(entry.id);
		articles[locale].push({
			id: entry.id,
			locale,
			slug,
			url: articleUrl(locale, slug),
			file: entry.filePath ?? `content/articles/${entry.id}.md`,
			entry,
			data: entry.data,
			category: entry.data.category,
			tags: entry.data.tags,
			date: entry.data.date,
			month: monthOf(entry.data.date, timeZone),
			readingMinutes: readingMinutes(entry.rendered?.html ?? ''),
		});
	}
	for (const locale of localeCodes) {
		articles[locale].sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));
	}
	return articles;
}

/** Static pages per language and slug, in footer order. */
function staticPages(entries: CollectionEntry<'pages'>[]): PerLocale<Map<string, StaticPage>> {
	const pages = perLocale(() => new Map<string, StaticPage>());
	for (const entry of [...entries].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))) {
		const path = localeAndSlug(entry.id);
		pages[path.locale].set(path.slug, {
			id: entry.id,
			...path,
			url: pageUrl(path.locale, path.slug),
			entry,
			data: entry.data,
		});
	}
	return pages;
}

/** The listings pages are built from: by slug, section, tag, author and month, and related articles. */
function articleIndexes(articles: PerLocale<Article[]>) {
	const related = new Map<string, Article[]>();
	for (const locale of localeCodes)
		for (const [id, list] of relatedArticles(articles[locale])) related.set(id, list);
	return {
		bySlug: perLocale((locale) => new Map(articles[locale].map((article) => [article.slug, article]))),
		byCategory: perLocale((locale) => groupBy(articles[locale], (article) => [article.category])),
		byTag: perLocale((locale) => {
			const index = new Map<string, { name: string; articles: Article[] }>();
			for (const [slug, tagged] of groupBy(articles[locale], (article) =>
				article.tags.map(tagSlug).filter(Boolean),
			)) {
				index.set(slug, { name: tagged[0]!.tags.find((tag) => tagSlug(tag) === slug)!, articles: tagged });
			}
			return index;
		}),
		byAuthor: perLocale((locale) =>
			groupBy(articles[locale], (article) => (article.data.author ? [article.data.author] : [])),
		),
		byMonth: perLocale((locale) => {
			const index = new Map<string, { month: Month; articles: Article[] }>();
			for (const [key, list] of groupBy(articles[locale], (article) => [monthKey(article.month)])) {
				index.set(key, { month: list[0]!.month, articles: list });
			}
			return index;
		}),
		related,
	};
}

/**
 * Names and sizes of the files under content/media/: an image replaced under the same name
 * changes the pages that show it, though no article's file changed.
 */
function mediaFiles(): string[] {
	const folder = resolve('content/media');
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const file = join(entry.parentPath, entry.name);
			return `${relative(folder, file)}:${statSync(file).size}`;
		})
		.sort();
}

function perLocale<T>(make: (locale: Locale) => T): PerLocale<T> {
	return Object.fromEntries(localeCodes.map((locale) => [locale, make(locale)])) as PerLocale<T>;
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
