/**
 * Reading of one article as scraped from the old WordPress site (see `seeds/`): breadcrumb,
 * title, paragraphs, an optional «المصدر:» line, then the old site's footer. No I/O here, so
 * the rules can be tested on strings; `src/import/legacy/command.ts` does the files.
 */

import { normaliseArabicSpacing } from '../arabic-spacing.ts';

/** What the old site put before every category name in the breadcrumb. */
export const BREADCRUMB_PREFIX = 'العناوين الرئيسية';

/** Lines that start the old site's footer; nothing from there on belongs to the article. */
export const FOOTER_STARTS: readonly string[] = [
	'تابعونا على صفحة الفيسبوك',
	'اظهر المزيد',
	'مقالات ذات صلة',
	'زر الذهاب إلى الأعلى',
];

const SOURCE_LINE = /^المصدر\s*:\s*(.*)$/u;

export interface LegacyArticle {
	title: string;
	/** Category id (a file name in `content/categories/`), found from the breadcrumb. */
	category: string;
	/** Who the story comes from, e.g. «وكالات»; absent when the file has no source line. */
	source?: string;
	/** Body paragraphs in order, each as in the file apart from surrounding white space. */
	paragraphs: string[];
}

/** A file that is not a usable legacy article. The message is the reason, on one line, without the file name. */
export class LegacyFormatError extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'LegacyFormatError';
	}
}

/**
 * Non-empty lines, trimmed: blank lines carry no meaning in this format, where every line is a
 * paragraph. `trim()` also removes the no-break spaces the scraper left at line ends and a
 * leading BOM (both count as white space in JavaScript).
 */
function contentLines(text: string): string[] {
	return text
		.split(/\r\n|[\r\n\u2028\u2029]/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

function isFooter(line: string): boolean {
	return FOOTER_STARTS.some((start) => line.startsWith(start));
}

/** Enough of a line to recognise it in an error message. */
function quote(line: string): string {
	const chars = [...line];
	return `«${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : line}»`;
}

function categoryOf(breadcrumb: string, categoryIdByArabicName: ReadonlyMap<string, string>): string {
	if (!breadcrumb.startsWith(BREADCRUMB_PREFIX)) {
		throw new LegacyFormatError(
			`no breadcrumb: the first line should start with «${BREADCRUMB_PREFIX}», found ${quote(breadcrumb)}`,
		);
	}
	const name = breadcrumb.slice(BREADCRUMB_PREFIX.length).trim();
	if (name === '') throw new LegacyFormatError(`the breadcrumb ${quote(breadcrumb)} names no category`);
	const id = categoryIdByArabicName.get(name);
	if (id === undefined) {
		const known = [...categoryIdByArabicName.keys()].join(', ');
		throw new LegacyFormatError(`unknown category «${name}» (known: ${known || 'none'})`);
	}
	return id;
}

/**
 * Parses one legacy file. `categoryIdByArabicName` maps each category's Arabic name (trimmed)
 * to its id. Throws a {@link LegacyFormatError} for a file without breadcrumb, with an unknown
 * category, without title or without body.
 */
export function parseLegacyArticle(
	text: string,
	categoryIdByArabicName: ReadonlyMap<string, string>,
): LegacyArticle {
	const lines = contentLines(text);
	if (lines.length === 0) throw new LegacyFormatError('empty file');
	const footerAt = lines.findIndex(isFooter);
	const [breadcrumb, title, ...rest] = footerAt === -1 ? lines : lines.slice(0, footerAt);
	if (breadcrumb === undefined)
		throw new LegacyFormatError("no breadcrumb: the file starts with the old site's footer");

	const category = categoryOf(breadcrumb, categoryIdByArabicName);
	if (title === undefined || SOURCE_LINE.test(title)) {
		throw new LegacyFormatError('no title: nothing between the breadcrumb and the source line or footer');
	}

	// Only the last line before the footer is the source; an earlier «المصدر:» is body text.
	const sourceMatch = rest.length > 0 ? SOURCE_LINE.exec(rest[rest.length - 1]) : null;
	const paragraphs = sourceMatch ? rest.slice(0, -1) : rest;
	if (paragraphs.length === 0)
		throw new LegacyFormatError('no body: no paragraph between the title and the source line or footer');

	const source = sourceMatch?.[1].trim();
	return { title, category, ...(source ? { source } : {}), paragraphs };
}

/** A legacy article ready to write: spacing normalised, with a summary. */
export interface TidyLegacyArticle extends LegacyArticle {
	/** The first paragraph: the old site had no summaries, and its first paragraph is the lede. */
	summary: string;
}

/**
 * The article with the old site's spacing normalised in its title, paragraphs and source (see
 * `normaliseArabicSpacing`: only spaces change), and its first paragraph as the summary.
 */
export function tidyLegacyArticle(article: LegacyArticle): TidyLegacyArticle {
	const paragraphs = article.paragraphs.map(normaliseArabicSpacing);
	return {
		...article,
		title: normaliseArabicSpacing(article.title),
		...(article.source === undefined ? {} : { source: normaliseArabicSpacing(article.source) }),
		paragraphs,
		summary: paragraphs[0]!,
	};
}
