/**
 * What a WordPress export becomes, decided from the index of a first reading (everything but
 * the bodies): which items are imported and why the others are not, each one's language, slug,
 * section, tags, author and old addresses, and the sections and authors to create. No I/O, so
 * the rules are tested on plain data; `src/import/wordpress/command.ts` reads the file and writes the tree.
 *
 * Rules (also in the README):
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
import { idSchema } from '../../schemas/common.ts';
import type { Category } from '../../schemas/category.ts';
import type { Author } from '../../schemas/author.ts';
import type { Locale } from '../../i18n/locales.ts';
import { asciiSlug } from '../../newsroom/slug.ts';
import { articleUrl, pageUrl, RESERVED_PAGE_SLUGS } from '../../site/urls.ts';
import { canonicalPath, oldPathOf } from '../../outputs/redirects.ts';
import { oldPathSchema } from '../../schemas/redirect.ts';

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
	if (date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day || hour! > 23 || minute! > 59 || second! > 59) return undefined;
	return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`;
}

function decodeSlug(slug: string): string {
	try {
		return decodeURIComponent(slug);
	} catch {
		return slug;
	}
}

/** A unique id from candidates: the first valid one not taken, else the first with -2, -3... */
function uniqueId(candidates: readonly string[], taken: (id: string) => boolean, fallback: string): string {
	const valid = candidates.filter((candidate) => candidate && idSchema.safeParse(candidate).success);
	const base = valid[0] ?? fallback;
	if (!taken(base)) return base;
	for (let n = 2; ; n += 1) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** The ASCII slug a WordPress slug or name gives, or ''. */
function asciiFrom(text: string): string {
	return asciiSlug(decodeSlug(text).replace(/[-_]+/g, ' '));
}

/** Old address from a permalink structure (`/%year%/%monthnum%/%day%/%postname%/`). */
export function permalinkPath(structure: string, item: IndexedItem, categorySlug: string): string | undefined {
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

/** Decides what every item of the export becomes. */
export function planImport(index: WxrIndex, existing: ExistingContent, options: PlanOptions = {}): ImportPlan {
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

	// Sections: by Arabic or English name (English case-insensitively).
	const nameKey = (name: string) => name.normalize('NFKC').trim().toLocaleLowerCase('en');
	const categoryByName = new Map<string, string>();
	for (const [id, category] of existing.categories) {
		categoryByName.set(nameKey(category.name.ar), id);
		if (!categoryByName.has(nameKey(category.name.en))) categoryByName.set(nameKey(category.name.en), id);
	}
	let nextOrder = Math.max(0, ...[...existing.categories.values()].map((category) => category.order)) + 1;
	const categoryTaken = (id: string) => existing.categories.has(id) || plan.newCategories.has(id);
	const createCategory = (name: string, slug: string): string => {
		const known = categoryByName.get(nameKey(name));
		if (known) return known;
		const id = uniqueId([decodeSlug(slug).toLowerCase(), asciiFrom(slug), asciiSlug(name)], categoryTaken, 'section');
		plan.newCategories.set(id, { name: { ar: name, en: name }, order: nextOrder++ });
		categoryByName.set(nameKey(name), id);
		return id;
	};
	/** The section of a WordPress category: the nearest of it and its ancestors that the site has, else its top-level ancestor, created. */
	const sectionMemo = new Map<string, { id: string; folded: boolean }>();
	const sectionOf = (slug: string): { id: string; folded: boolean } => {
		const memo = sectionMemo.get(slug);
		if (memo) return memo;
		const chain: WxrTerm[] = [];
		const seen = new Set<string>();
		for (
			let term = index.categories.get(slug);
			term && !seen.has(term.slug);
			term = term.parent ? index.categories.get(term.parent) : undefined
		) {
			chain.push(term);
			seen.add(term.slug);
		}
		let result: { id: string; folded: boolean };
		const matched = chain.findIndex((term) => categoryByName.has(nameKey(term.name)));
		if (matched !== -1) {
			result = { id: categoryByName.get(nameKey(chain[matched]!.name))!, folded: matched > 0 };
			plan.matchedCategories.add(result.id);
		} else if (chain.length > 0) {
			const top = chain.at(-1)!;
			result = { id: createCategory(top.name, top.slug), folded: chain.length > 1 };
		} else result = { id: createCategory(decodeSlug(slug), slug), folded: false };
		sectionMemo.set(slug, result);
		return result;
	};

	// Authors: by display name in either language, else created from the login.
	const authorByName = new Map<string, string>();
	for (const [id, author] of existing.authors) {
		authorByName.set(nameKey(author.name.ar), id);
		if (!authorByName.has(nameKey(author.name.en))) authorByName.set(nameKey(author.name.en), id);
	}
	const authorMemo = new Map<string, string>();
	const authorOf = (login: string): string | undefined => {
		if (!login) return undefined;
		const memo = authorMemo.get(login);
		if (memo) return memo;
		const name = index.authors.get(login)?.displayName || login;
		let id = authorByName.get(nameKey(name));
		if (id) plan.matchedAuthors.add(id);
		else {
			id = uniqueId(
				[login.toLowerCase().replace(/[._\s]+/g, '-'), asciiSlug(name)],
				(candidate) => existing.authors.has(candidate) || plan.newAuthors.has(candidate),
				'author',
			);
			plan.newAuthors.set(id, { name: { ar: name, en: name } });
			authorByName.set(nameKey(name), id);
		}
		authorMemo.set(login, id);
		return id;
	};

	// Languages and translation groups.
	const localeOf = (item: IndexedItem): Locale | string => {
		const wpml = item.meta._wpml_import_language_code;
		const polylang = item.terms.find((term) => term.domain === 'language')?.slug;
		const code = wpml || polylang;
		return code ? (siteLocale(code) ?? code) : defaultLocale;
	};
	const groupOf = (item: IndexedItem): string | undefined => {
		const wpml = item.meta._wpml_import_translation_group;
		if (wpml) return `wpml:${wpml}`;
		const polylang = item.terms.find((term) => term.domain === 'post_translations')?.slug;
		return polylang ? `pll:${polylang}` : undefined;
	};

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
	const candidates: Candidate[] = [];
	const skip = (item: IndexedItem, reason: string) =>
		plan.skipped.push({ id: item.id, line: item.line, type: item.type, title: item.title, reason });
	for (const item of index.items) {
		if (item.type !== 'post' && item.type !== 'page') {
			skip(item, `post type "${item.type}" is not imported`);
			continue;
		}
		const notImported = NOT_IMPORTED.get(item.status);
		if (notImported) {
			skip(item, notImported);
			continue;
		}
		// draft, pending, private, and any status a plugin invented: not for readers yet.
		const draft = item.status !== 'publish' && item.status !== 'future';
		if (item.type === 'page' && draft) {
			skip(item, `an unpublished page (${item.status}): static pages have no draft state`);
			continue;
		}
		if (item.title.trim() === '') {
			skip(item, 'no title');
			continue;
		}
		const locale = localeOf(item);
		if (locale !== 'ar' && locale !== 'en') {
			skip(item, `language "${locale}" is not one of the site's (ar, en)`);
			continue;
		}
		const gmt = isoFromWpDate(item.dateGmt);
		const local = gmt ? undefined : isoFromWpDate(item.date);
		if (!gmt && !local) {
			skip(item, `no usable date (wp:post_date_gmt "${item.dateGmt}", wp:post_date "${item.date}")`);
			continue;
		}
		const group = groupOf(item);
		candidates.push({
			item,
			kind: item.type === 'page' ? 'page' : 'article',
			locale,
			draft,
			published: item.status === 'publish',
			date: (gmt ?? local)!,
			localDate: !gmt,
			...(group ? { group } : {}),
		});
	}

	// Slugs: one per translation group, shared by its languages; never reused across groups, so
	// two unrelated posts never look like translations of each other.
	const groups = new Map<string, Candidate[]>();
	for (const candidate of candidates) {
		if (candidate.group)
			groups.set(`${candidate.kind}:${candidate.group}`, [...(groups.get(`${candidate.kind}:${candidate.group}`) ?? []), candidate]);
	}
	const takenSlugs = { article: new Set<string>(), page: new Set<string>(RESERVED_PAGE_SLUGS) };
	const groupSlugs = new Map<string, { slug: string; locales: Set<Locale> }>();
	const slugCandidates = (members: Candidate[]) => {
		const ordered = [...members].sort((a, b) => (a.locale === 'ar' ? 0 : 1) - (b.locale === 'ar' ? 0 : 1));
		return [
			...ordered.map((member) => (/^[a-z0-9-]+$/i.test(decodeSlug(member.item.name)) ? asciiFrom(member.item.name) : '')),
			...ordered.map((member) => asciiSlug(member.item.title)),
		];
	};
	const newSlug = (kind: 'article' | 'page', members: Candidate[]): string => {
		const taken = takenSlugs[kind];
		const fallback = `${members[0]!.date.slice(0, 10)}-${members[0]!.item.id}`;
		const slug = uniqueId(
			slugCandidates(members).map((slug) => (kind === 'page' && RESERVED_PAGE_SLUGS.has(slug) ? `${slug}-page` : slug)),
			(id) => taken.has(id),
			fallback,
		);
		taken.add(slug);
		return slug;
	};
	const assigned: { candidate: Candidate; slug: string }[] = [];
	for (const candidate of candidates) {
		const key = candidate.group ? `${candidate.kind}:${candidate.group}` : undefined;
		const shared = key ? groupSlugs.get(key) : undefined;
		if (shared && !shared.locales.has(candidate.locale)) {
			shared.locales.add(candidate.locale);
			assigned.push({ candidate, slug: shared.slug });
			continue;
		}
		const slug = newSlug(candidate.kind, key && !shared ? groups.get(key)! : [candidate]);
		if (key && !shared) groupSlugs.set(key, { slug, locales: new Set([candidate.locale]) });
		assigned.push({ candidate, slug });
	}

	// Sections, tags and authors; translations take the section of their Arabic original.
	const sectionBySlug = new Map<string, string>();
	const planned: PlannedItem[] = [];
	for (const { candidate, slug } of assigned) {
		const { item, kind, locale } = candidate;
		const categories = item.terms.filter((term) => term.domain === 'category');
		// Pages have no section; an article without a category goes where WordPress's default would.
		let category: string;
		let folded = false;
		if (kind === 'page') category = '';
		else if (categories.length > 0) ({ id: category, folded } = sectionOf(categories[0]!.slug));
		else
			category =
				categoryByName.get(nameKey('غير مصنف')) ??
				categoryByName.get(nameKey('Uncategorized')) ??
				createCategory('غير مصنف', 'uncategorized');
		const names = categories.map((term) => term.name || decodeSlug(term.slug));
		const tags = [
			...(categories.length > 1 || folded ? names : []),
			...item.terms.filter((term) => term.domain === 'post_tag').map((term) => term.name || decodeSlug(term.slug)),
		];
		const author = authorOf(item.creator);
		const thumbnail = Number(item.meta._thumbnail_id);
		const url = kind === 'article' ? articleUrl(locale, slug) : pageUrl(locale, slug);
		planned.push({
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
			url,
			oldPaths: [],
		});
		if (kind === 'article' && locale === 'ar') sectionBySlug.set(slug, category);
	}
	for (const item of planned) {
		if (item.kind === 'article' && item.locale !== 'ar') item.category = sectionBySlug.get(item.slug) ?? item.category;
	}

	// Old addresses of what was public: the permalink at export time, and the one the
	// permalink structure gives, when they differ from the new address.
	const byId = new Map(index.items.map((item) => [item.id, item]));
	const claimed = new Map<string, number>();
	for (const item of planned) {
		const source = byId.get(item.id)!;
		const published = source.status === 'publish';
		if (!published) continue;
		plan.urlById.set(item.id, item.url);
		const firstCategory = source.terms.find((term) => term.domain === 'category')?.slug ?? 'uncategorized';
		const paths = [oldPathOf(source.link), options.permalink ? permalinkPath(options.permalink, source, firstCategory) : undefined];
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
	plan.items = planned;
	return plan;
}
