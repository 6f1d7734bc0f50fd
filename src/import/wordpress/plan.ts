/**
 * What a WordPress export becomes, decided from the index of a first reading (everything but
 * the bodies): which items are imported and why the others are not, each one's language, slug,
 * section, tags, author and old addresses, and the sections and authors to create. No I/O, so
 * the rules are tested on plain data; `src/import/wordpress/command.ts` reads the file and writes the tree.
 *
 * Rules (also in docs/import.md):
 * - posts become articles, pages become static pages; attachments are only looked up (featured
 *   images); other post types (menus, revisions, blocks, custom types) are skipped and counted.
 * - statuses: publish and future (scheduled: the site hides it until its date) are published;
 *   draft, pending and private become `draft: true` (pages, which have no draft state, are
 *   skipped); trash and auto-draft are skipped.
 * - language: WPML (`_wpml_import_language_code`) or Polylang (the `language` taxonomy) when the
 *   item has it, otherwise `--lang`, otherwise the export's `<language>`, otherwise Arabic.
 *   Translations (WPML's translation group, Polylang's `post_translations`) share one slug, and
 *   take the section of their Arabic original (the content check requires it).
 * - nested sections are flattened: an item's first category is looked up by name among the
 *   site's sections, then its parent, and so on to the top; when none matches, the top-level
 *   ancestor becomes a new section. The names of all the item's categories are also kept as tags
 *   when it has more than one, or when its category was folded into an ancestor.
 */
import type { WxrAuthor, WxrItem, WxrSite, WxrTerm } from './wxr.ts';
import type { Category } from '../../schemas/category.ts';
import type { Author } from '../../schemas/author.ts';
import type { Locale } from '../../i18n/locales.ts';
import { asciiSlug } from '../../newsroom/slug.ts';
import { articleUrl, pageUrl, RESERVED_PAGE_SLUGS } from '../../site/urls.ts';
import { canonicalPath, oldPathOf } from '../../outputs/redirects.ts';
import { oldPathSchema } from '../../schemas/redirect.ts';
import { asciiFrom, AuthorMatcher, decodeSlug, SectionMatcher, uniqueId } from './matching.ts';

/** Post meta the importer reads; everything else is skipped while reading. */
export const KEPT_META = new Set([
	'_thumbnail_id',
	'_wp_attached_file',
	'_wp_attachment_image_alt',
	'_wpml_import_language_code',
	'_wpml_import_translation_group',
]);

/** What the first reading keeps of an item: everything but its body. */
export type IndexedItem = Omit<WxrItem, 'content' | 'excerpt' | 'kind'>;

/** An attachment, for featured images. */
export interface IndexedAttachment {
	url: string;
	/** Path inside the uploads folder (`_wp_attached_file`), e.g. 2022/01/photo.jpg. */
	file: string;
	alt: string;
	/** The attachment's caption (its excerpt), HTML. */
	caption: string;
}

/** The whole export minus the bodies. */
export interface WxrIndex {
	site: WxrSite;
	authors: Map<string, WxrAuthor>;
	/** `category` terms by slug. */
	categories: Map<string, WxrTerm>;
	items: IndexedItem[];
	attachments: Map<number, IndexedAttachment>;
}

/** Adds one record of the first reading to an index. */
export function indexRecord(index: WxrIndex, record: WxrItem | WxrAuthor | WxrTerm | WxrSite): void {
	if (record.kind === 'site') index.site = record;
	else if (record.kind === 'author') index.authors.set(record.login, record);
	else if (record.kind === 'term') {
		if (record.taxonomy === 'category') index.categories.set(record.slug, record);
	} else if (record.type === 'attachment') {
		index.attachments.set(record.id, {
			url: record.attachmentUrl,
			file: record.meta._wp_attached_file ?? '',
			alt: record.meta._wp_attachment_image_alt ?? '',
			caption: record.excerpt,
		});
	} else {
		// The body and excerpt are read again in the second pass: not kept here, so memory stays small.
		const { content: _content, excerpt: _excerpt, kind: _kind, ...item } = record;
		index.items.push(item);
	}
}

export function emptyIndex(): WxrIndex {
	return {
		site: { kind: 'site', title: '', baseSiteUrl: '', baseBlogUrl: '', language: '' },
		authors: new Map(),
		categories: new Map(),
		items: [],
		attachments: new Map(),
	};
}

/** The site's sections and authors as they are before the import. */
export interface ExistingContent {
	categories: Map<string, Category>;
	authors: Map<string, Author>;
}

export interface PlanOptions {
	/** Language of items without WPML or Polylang data. */
	lang?: Locale;
	/** WordPress's permalink structure (`/%year%/%monthnum%/%postname%/`), for a second old address. */
	permalink?: string;
}

/** An item that becomes an article or a page. */
export interface PlannedItem {
	id: number;
	line: number;
	kind: 'article' | 'page';
	locale: Locale;
	slug: string;
	title: string;
	/** ISO 8601 with zone. */
	date: string;
	/** Whether the date came from the local time (no GMT date in the export). */
	localDate: boolean;
	draft: boolean;
	/** Section id; '' for pages. */
	category: string;
	tags: string[];
	author?: string;
	/** Attachment id of the featured image. */
	thumbnail?: number;
	/** New address on the site. */
	url: string;
	/** Old addresses (decoded paths) that lead here; empty for unpublished items. */
	oldPaths: string[];
}

export interface SkippedItem {
	id: number;
	line: number;
	type: string;
	title: string;
	reason: string;
}

export interface ImportPlan {
	items: PlannedItem[];
	skipped: SkippedItem[];
	newCategories: Map<string, Category>;
	matchedCategories: Set<string>;
	newAuthors: Map<string, Author>;
	matchedAuthors: Set<string>;
	/** New address by old decoded path, and by old post id, to rewrite links between posts. */
	urlByOldPath: Map<string, string>;
	urlById: Map<number, string>;
	/** Old addresses that could not be kept, with the reason. */
	droppedPaths: { id: number; path: string; reason: string }[];
}

const NOT_IMPORTED = new Map([
	['trash', 'trashed'],
	['auto-draft', 'an automatic draft'],
	['inherit', 'a revision'],
]);

/** A site language from a WordPress language code (`ar`, `en_US`, `en-gb`), if it is one. */
export function siteLocale(code: string | undefined): Locale | undefined {
	const base = (code ?? '').toLowerCase().split(/[-_]/)[0];
	return base === 'ar' || base === 'en' ? base : undefined;
}

/** `2022-01-10 09:30:00` as ISO 8601 in UTC, or undefined for WordPress's zero date or nonsense. */
export function isoFromWpDate(value: string): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
	if (!match || match[1] === '0000') return undefined;
	const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
	const date = new Date(Date.UTC(year!, month! - 1, day!, hour, minute, second));
	if (
		date.getUTCMonth() !== month! - 1 ||
		date.getUTCDate() !== day ||
		hour! > 23 ||
		minute! > 59 ||
		second! > 59
	)
		return undefined;
	return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`;
}

/** Old address from a permalink structure (`/%year%/%monthnum%/%day%/%postname%/`). */
export function permalinkPath(
	structure: string,
	item: IndexedItem,
	categorySlug: string,
): string | undefined {
	const local = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(item.date);
	if (!local || !item.name) return undefined;
	const tags: Record<string, string> = {
		year: local[1]!,
		monthnum: local[2]!,
		day: local[3]!,
		hour: local[4]!,
		minute: local[5]!,
		second: local[6]!,
		postname: decodeSlug(item.name),
		post_id: String(item.id),
		category: decodeSlug(categorySlug),
		author: item.creator,
	};
	let unknown = false;
	const path = structure.replace(/%([a-z_]+)%/g, (_, tag: string) => {
		if (!(tag in tags)) unknown = true;
		return tags[tag] ?? '';
	});
	return unknown || !path.startsWith('/') ? undefined : path;
}

/** An item that passed the filters, before it has a slug. */
interface Candidate {
	item: IndexedItem;
	kind: 'article' | 'page';
	locale: Locale;
	draft: boolean;
	published: boolean;
	date: string;
	localDate: boolean;
	group?: string;
}

/** Decides what every item of the export becomes. */
export function planImport(
	index: WxrIndex,
	existing: ExistingContent,
	options: PlanOptions = {},
): ImportPlan {
	const plan: ImportPlan = {
		items: [],
		skipped: [],
		newCategories: new Map(),
		matchedCategories: new Set(),
		newAuthors: new Map(),
		matchedAuthors: new Set(),
		urlByOldPath: new Map(),
		urlById: new Map(),
		droppedPaths: [],
	};
	const defaultLocale = options.lang ?? siteLocale(index.site.language) ?? 'ar';
	const sections = new SectionMatcher(
		index.categories,
		existing.categories,
		plan.newCategories,
		plan.matchedCategories,
	);
	const authors = new AuthorMatcher(index.authors, existing.authors, plan.newAuthors, plan.matchedAuthors);

	const candidates: Candidate[] = [];
	for (const item of index.items) {
		const candidate = candidateOf(item, defaultLocale);
		if (typeof candidate === 'string')
			plan.skipped.push({
				id: item.id,
				line: item.line,
				type: item.type,
				title: item.title,
				reason: candidate,
			});
		else candidates.push(candidate);
	}
	const planned = placeItems(assignSlugs(candidates), sections, authors);
	keepOldAddresses(plan, planned, index.items, options.permalink);
	plan.items = planned;
	return plan;
}

/** An item's language: WPML's or Polylang's when it has one (maybe not the site's), else the default. */
function localeOf(item: IndexedItem, defaultLocale: Locale): Locale | string {
	const wpml = item.meta._wpml_import_language_code;
	const polylang = item.terms.find((term) => term.domain === 'language')?.slug;
	const code = wpml || polylang;
	return code ? (siteLocale(code) ?? code) : defaultLocale;
}

/** The translation group an item belongs to (WPML's or Polylang's), if any. */
function groupOf(item: IndexedItem): string | undefined {
	const wpml = item.meta._wpml_import_translation_group;
	if (wpml) return `wpml:${wpml}`;
	const polylang = item.terms.find((term) => term.domain === 'post_translations')?.slug;
	return polylang ? `pll:${polylang}` : undefined;
}

/** What an item of the export becomes, or the reason it is skipped. */
function candidateOf(item: IndexedItem, defaultLocale: Locale): Candidate | string {
	if (item.type !== 'post' && item.type !== 'page') return `post type "${item.type}" is not imported`;
	const notImported = NOT_IMPORTED.get(item.status);
	if (notImported) return notImported;
	// draft, pending, private, and any status a plugin invented: not for readers yet.
	const draft = item.status !== 'publish' && item.status !== 'future';
	if (item.type === 'page' && draft)
		return `an unpublished page (${item.status}): static pages have no draft state`;
	if (item.title.trim() === '') return 'no title';
	const locale = localeOf(item, defaultLocale);
	if (locale !== 'ar' && locale !== 'en') return `language "${locale}" is not one of the site's (ar, en)`;
	const gmt = isoFromWpDate(item.dateGmt);
	const local = gmt ? undefined : isoFromWpDate(item.date);
	if (!gmt && !local)
		return `no usable date (wp:post_date_gmt "${item.dateGmt}", wp:post_date "${item.date}")`;
	const group = groupOf(item);
	return {
		item,
		kind: item.type === 'page' ? 'page' : 'article',
		locale,
		draft,
		published: item.status === 'publish',
		date: (gmt ?? local)!,
		localDate: !gmt,
		...(group ? { group } : {}),
	};
}

/** The slugs a group's members suggest, best first: Arabic original first, then ASCII post names, then titles. */
function slugCandidates(members: Candidate[]): string[] {
	const ordered = [...members].sort((a, b) => (a.locale === 'ar' ? 0 : 1) - (b.locale === 'ar' ? 0 : 1));
	return [
		...ordered.map((member) =>
			/^[a-z0-9-]+$/i.test(decodeSlug(member.item.name)) ? asciiFrom(member.item.name) : '',
		),
		...ordered.map((member) => asciiSlug(member.item.title)),
	];
}

/** A slug not yet taken by an article (or a page, or a reserved address), now taken. */
function newSlug(kind: 'article' | 'page', members: Candidate[], taken: Set<string>): string {
	const fallback = `${members[0]!.date.slice(0, 10)}-${members[0]!.item.id}`;
	const slug = uniqueId(
		slugCandidates(members).map((slug) =>
			kind === 'page' && RESERVED_PAGE_SLUGS.has(slug) ? `${slug}-page` : slug,
		),
		(id) => taken.has(id),
		fallback,
	);
	taken.add(slug);
	return slug;
}

/**
 * Slugs: one per translation group, shared by its languages; never reused across groups, so
 * two unrelated posts never look like translations of each other.
 */
function assignSlugs(candidates: Candidate[]): { candidate: Candidate; slug: string }[] {
	const groups = new Map<string, Candidate[]>();
	for (const candidate of candidates) {
		if (candidate.group)
			groups.set(`${candidate.kind}:${candidate.group}`, [
				...(groups.get(`${candidate.kind}:${candidate.group}`) ?? []),
				candidate,
			]);
	}
	const takenSlugs = { article: new Set<string>(), page: new Set<string>(RESERVED_PAGE_SLUGS) };
	const groupSlugs = new Map<string, { slug: string; locales: Set<Locale> }>();
	const assigned: { candidate: Candidate; slug: string }[] = [];
	for (const candidate of candidates) {
		const key = candidate.group ? `${candidate.kind}:${candidate.group}` : undefined;
		const shared = key ? groupSlugs.get(key) : undefined;
		if (shared && !shared.locales.has(candidate.locale)) {
			shared.locales.add(candidate.locale);
			assigned.push({ candidate, slug: shared.slug });
			continue;
		}
		const slug = newSlug(
			candidate.kind,
			key && !shared ? groups.get(key)! : [candidate],
			takenSlugs[candidate.kind],
		);
		if (key && !shared) groupSlugs.set(key, { slug, locales: new Set([candidate.locale]) });
		assigned.push({ candidate, slug });
	}
	return assigned;
}

/** Sections, tags and authors of every item; translations take the section of their Arabic original. */
function placeItems(
	assigned: { candidate: Candidate; slug: string }[],
	sections: SectionMatcher,
	authors: AuthorMatcher,
): PlannedItem[] {
	const sectionBySlug = new Map<string, string>();
	const planned: PlannedItem[] = [];
	for (const { candidate, slug } of assigned) {
		const item = plannedItem(candidate, slug, sections, authors);
		planned.push(item);
		if (item.kind === 'article' && item.locale === 'ar') sectionBySlug.set(slug, item.category);
	}
	for (const item of planned) {
		if (item.kind === 'article' && item.locale !== 'ar')
			item.category = sectionBySlug.get(item.slug) ?? item.category;
	}
	return planned;
}

/** One item as it will be written, with its own section (before translations take their original's). */
function plannedItem(
	candidate: Candidate,
	slug: string,
	sections: SectionMatcher,
	authors: AuthorMatcher,
): PlannedItem {
	const { item, kind, locale } = candidate;
	const categories = item.terms.filter((term) => term.domain === 'category');
	// Pages have no section; an article without a category goes where WordPress's default would.
	let category: string;
	let folded = false;
	if (kind === 'page') category = '';
	else if (categories.length > 0) ({ id: category, folded } = sections.of(categories[0]!.slug));
	else category = sections.uncategorized();
	const names = categories.map((term) => term.name || decodeSlug(term.slug));
	const tags = [
		...(categories.length > 1 || folded ? names : []),
		...item.terms
			.filter((term) => term.domain === 'post_tag')
			.map((term) => term.name || decodeSlug(term.slug)),
	];
	const author = authors.of(item.creator);
	const thumbnail = Number(item.meta._thumbnail_id);
	return {
		id: item.id,
		line: item.line,
		kind,
		locale,
		slug,
		title: item.title.trim(),
		date: candidate.date,
		localDate: candidate.localDate,
		draft: candidate.draft,
		category,
		tags: [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))],
		...(author ? { author } : {}),
		...(thumbnail > 0 ? { thumbnail } : {}),
		url: kind === 'article' ? articleUrl(locale, slug) : pageUrl(locale, slug),
		oldPaths: [],
	};
}

/**
 * Old addresses of what was public: the permalink at export time, and the one the permalink
 * structure gives, when they differ from the new address. An address two items claim, or one a
 * redirect cannot carry, is dropped with the reason.
 */
function keepOldAddresses(
	plan: ImportPlan,
	planned: PlannedItem[],
	items: IndexedItem[],
	permalink: string | undefined,
): void {
	const byId = new Map(items.map((item) => [item.id, item]));
	const claimed = new Map<string, number>();
	for (const item of planned) {
		const source = byId.get(item.id)!;
		const published = source.status === 'publish';
		if (!published) continue;
		plan.urlById.set(item.id, item.url);
		const firstCategory = source.terms.find((term) => term.domain === 'category')?.slug ?? 'uncategorized';
		const paths = [
			oldPathOf(source.link),
			permalink ? permalinkPath(permalink, source, firstCategory) : undefined,
		];
		for (const path of paths) {
			if (path === undefined) continue;
			const key = canonicalPath(path);
			if (key === item.url || item.oldPaths.some((known) => canonicalPath(known) === key)) continue;
			if (!oldPathSchema.safeParse(path).success) {
				plan.droppedPaths.push({ id: item.id, path, reason: 'has characters a redirect cannot carry' });
				continue;
			}
			const owner = claimed.get(key);
			if (owner !== undefined) {
				plan.droppedPaths.push({ id: item.id, path, reason: `is also the old address of item ${owner}` });
				continue;
			}
			claimed.set(key, item.id);
			item.oldPaths.push(path);
			plan.urlByOldPath.set(key, item.url);
		}
	}
}
