import { foldArabic, normaliseArabic } from './arabic-analyser.ts';
import { relatedForms } from './arabic-related.ts';
import { ORIGINAL_TEXT, originalText, TERM_END } from './text.ts';

/**
 * Related forms at build time: a record is also indexed under the forms related to its own
 * (`arabic-related.ts`) that some record of the same index has, so «سفير» finds an article
 * that says «السفراء» once any article says «سفير», and the reverse. Confirmation comes from
 * the newsroom's own text; a query for a form no article has is handled on the search page.
 */

/** The analysed forms of a record's content (before `ORIGINAL_TEXT`), without `TERM_END`. */
export function recordForms(content: string): string[] {
	const analysed = content.slice(0, Math.max(0, content.indexOf(ORIGINAL_TEXT)));
	return analysed
		.split(' ')
		.filter((term) => term.endsWith(TERM_END))
		.map((term) => term.slice(0, -TERM_END.length));
}

/** Every analysed form of an index, collected a record at a time. */
export class Vocabulary {
	readonly forms = new Set<string>();
	/**
	 * The words of the original text, folded and without the article: the analyser indexes
	 * «مكاتب» as «مكتب», but whether the text has the plural «مكاتب» tells «مكتبة» (library)
	 * from a woman «مكتب».
	 */
	readonly written = new Set<string>();
	#related = new Map<string, string[]>();

	add(content: string): void {
		for (const form of recordForms(content)) this.forms.add(form);
		for (const word of normaliseArabic(originalText(content)).match(/[\u0621-\u064A]+/g) ?? [])
			this.written.add(foldArabic(word.replace(/^(و|ف)?(ال|بال|لل|كال)(?=.{3})/, '')));
	}

	/** The forms related to `form` that the index has. */
	related(form: string): string[] {
		let found = this.#related.get(form);
		if (!found) {
			found = /^[\u0621-\u064A]+$/.test(form)
				? relatedForms(form, (other) => this.forms.has(other) || this.written.has(other))
				: [];
			this.#related.set(form, found);
		}
		return found;
	}

	/** `content` with the related forms its words have in this index added to the analysed part. */
	expand(content: string): string {
		const own = new Set(recordForms(content));
		const added = new Set<string>();
		for (const form of own) for (const other of this.related(form)) if (!own.has(other)) added.add(other);
		if (added.size === 0) return content;
		const at = content.indexOf(ORIGINAL_TEXT);
		const extra = [...added].map((form) => form + TERM_END).join(' ');
		return `${content.slice(0, at)}${extra} ${content.slice(at)}`;
	}
}
