/**
 * The sections and authors an import files its items under: each WordPress category or user is
 * matched by name to one the site already has, else created (see the rules in plan.ts). Also the
 * id helpers that slugs share with them. No I/O.
 */
import type { WxrAuthor, WxrTerm } from './wxr.ts';
import { idSchema } from '../../schemas/common.ts';
import type { Category } from '../../schemas/category.ts';
import type { Author } from '../../schemas/author.ts';
import { asciiSlug } from '../../newsroom/slug.ts';

/** A name as compared: sections and authors match by Arabic or English name, English case-insensitively. */
export function nameKey(name: string): string {
	return name.normalize('NFKC').trim().toLocaleLowerCase('en');
}

export function decodeSlug(slug: string): string {
	try {
		return decodeURIComponent(slug);
	} catch {
		return slug;
	}
}

/** A unique id from candidates: the first valid one not taken, else the first with -2, -3... */
export function uniqueId(
	candidates: readonly string[],
	taken: (id: string) => boolean,
	fallback: string,
): string {
	const valid = candidates.filter((candidate) => candidate && idSchema.safeParse(candidate).success);
	const base = valid[0] ?? fallback;
	if (!taken(base)) return base;
	for (let n = 2; ; n += 1) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** The ASCII slug a WordPress slug or name gives, or ''. */
export function asciiFrom(text: string): string {
	return asciiSlug(decodeSlug(text).replace(/[-_]+/g, ' '));
}

/** Ids by name key, Arabic names first: an English name never takes over another's Arabic one. */
function idsByName(known: Map<string, { name: { ar: string; en: string } }>): Map<string, string> {
	const byName = new Map<string, string>();
	for (const [id, { name }] of known) {
		byName.set(nameKey(name.ar), id);
		if (!byName.has(nameKey(name.en))) byName.set(nameKey(name.en), id);
	}
	return byName;
}

/** The section an item goes to, and whether its own category was folded into an ancestor. */
export interface Section {
	id: string;
	folded: boolean;
}

/**
 * Finds the section of each WordPress category, creating the ones the site lacks; kept across
 * items so that one category always gives one section and new sections are numbered in order.
 */
export class SectionMatcher {
	private readonly terms: Map<string, WxrTerm>;
	private readonly existing: Map<string, Category>;
	private readonly created: Map<string, Category>;
	private readonly matched: Set<string>;
	private readonly byName: Map<string, string>;
	private readonly memo = new Map<string, Section>();
	private nextOrder: number;

	/** `created` and `matched` are the plan's, filled as sections are found. */
	constructor(
		terms: Map<string, WxrTerm>,
		existing: Map<string, Category>,
		created: Map<string, Category>,
		matched: Set<string>,
	) {
		this.terms = terms;
		this.existing = existing;
		this.created = created;
		this.matched = matched;
		this.byName = idsByName(existing);
		this.nextOrder = Math.max(0, ...[...existing.values()].map((category) => category.order)) + 1;
	}

	/** The section named `name`, created (from `slug`) when the site has none by that name. */
	create(name: string, slug: string): string {
		const known = this.byName.get(nameKey(name));
		if (known) return known;
		const taken = (id: string) => this.existing.has(id) || this.created.has(id);
		const id = uniqueId([decodeSlug(slug).toLowerCase(), asciiFrom(slug), asciiSlug(name)], taken, 'section');
		this.created.set(id, { name: { ar: name, en: name }, order: this.nextOrder++ });
		this.byName.set(nameKey(name), id);
		return id;
	}

	/** The section of a WordPress category: the nearest of it and its ancestors that the site has, else its top-level ancestor, created. */
	of(slug: string): Section {
		const memo = this.memo.get(slug);
		if (memo) return memo;
		const chain = this.ancestry(slug);
		let result: Section;
		const matched = chain.findIndex((term) => this.byName.has(nameKey(term.name)));
		if (matched !== -1) {
			result = { id: this.byName.get(nameKey(chain[matched]!.name))!, folded: matched > 0 };
			this.matched.add(result.id);
		} else if (chain.length > 0) {
			const top = chain.at(-1)!;
			result = { id: this.create(top.name, top.slug), folded: chain.length > 1 };
		} else result = { id: this.create(decodeSlug(slug), slug), folded: false };
		this.memo.set(slug, result);
		return result;
	}

	/** Where an article without a category goes: where WordPress's default category would. */
	uncategorized(): string {
		return (
			this.byName.get(nameKey('غير مصنف')) ??
			this.byName.get(nameKey('Uncategorized')) ??
			this.create('غير مصنف', 'uncategorized')
		);
	}

	/** The category and its parents, nearest first; a loop in the parents stops the chain. */
	private ancestry(slug: string): WxrTerm[] {
		const chain: WxrTerm[] = [];
		const seen = new Set<string>();
		for (
			let term = this.terms.get(slug);
			term && !seen.has(term.slug);
			term = term.parent ? this.terms.get(term.parent) : undefined
		) {
			chain.push(term);
			seen.add(term.slug);
		}
		return chain;
	}
}

/** Finds the author of each WordPress login: by display name in either language, else created from the login. */
export class AuthorMatcher {
	private readonly users: Map<string, WxrAuthor>;
	private readonly existing: Map<string, Author>;
	private readonly created: Map<string, Author>;
	private readonly matched: Set<string>;
	private readonly byName: Map<string, string>;
	private readonly memo = new Map<string, string>();

	/** `created` and `matched` are the plan's, filled as authors are found. */
	constructor(
		users: Map<string, WxrAuthor>,
		existing: Map<string, Author>,
		created: Map<string, Author>,
		matched: Set<string>,
	) {
		this.users = users;
		this.existing = existing;
		this.created = created;
		this.matched = matched;
		this.byName = idsByName(existing);
	}

	of(login: string): string | undefined {
		if (!login) return undefined;
		const memo = this.memo.get(login);
		if (memo) return memo;
		const name = this.users.get(login)?.displayName || login;
		let id = this.byName.get(nameKey(name));
		if (id) this.matched.add(id);
		else {
			id = uniqueId(
				[login.toLowerCase().replace(/[._\s]+/g, '-'), asciiSlug(name)],
				(candidate) => this.existing.has(candidate) || this.created.has(candidate),
				'author',
			);
			this.created.set(id, { name: { ar: name, en: name } });
			this.byName.set(nameKey(name), id);
		}
		this.memo.set(login, id);
		return id;
	}
}
