/**
 * A streaming reader of WordPress exports (WXR: Tools > Export, an RSS file with `wp:` fields).
 * It never holds the whole file: records are yielded as soon as their element closes, so a
 * 1 GB export is read in bounded memory. The XML must be well-formed; the first error stops the
 * reading with its line, column and reason ({@link WxrFormatError}).
 */
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

/** The export's own site, from `<channel>`. */
export interface WxrSite {
	kind: 'site';
	title: string;
	/** `wp:base_site_url`: where WordPress lives, e.g. https://old.example. */
	baseSiteUrl: string;
	/** `wp:base_blog_url`: where the blog's links start (differs when WordPress is in a folder). */
	baseBlogUrl: string;
	/** `<language>`, e.g. ar or en-US. */
	language: string;
}

/** `<wp:author>`: a user who wrote something in the export. */
export interface WxrAuthor {
	kind: 'author';
	login: string;
	displayName: string;
	line: number;
}

/** `<wp:category>`, `<wp:tag>` or `<wp:term>`: a term of a taxonomy, defined once for the whole export. */
export interface WxrTerm {
	kind: 'term';
	/** `category`, `post_tag`, or the taxonomy of a `<wp:term>` (e.g. Polylang's `post_translations`). */
	taxonomy: string;
	/** URL form, percent-encoded as WordPress stores it. */
	slug: string;
	name: string;
	/** Parent's slug, for nested categories; '' at the top. */
	parent: string;
	description: string;
	line: number;
}

/** A term an item is filed under (`<category domain nicename>`). */
export interface WxrItemTerm {
	domain: string;
	slug: string;
	name: string;
}

/** `<item>`: a post, page, attachment or any other post type. */
export interface WxrItem {
	kind: 'item';
	/** Line of `<item>` in the export, for messages. */
	line: number;
	id: number;
	type: string;
	status: string;
	title: string;
	/** The permalink at export time (`?p=<id>` for drafts). */
	link: string;
	/** Author login (`dc:creator`). */
	creator: string;
	/** `content:encoded`: the post's HTML with shortcodes, as stored; '' when bodies are not read. */
	content: string;
	/** `excerpt:encoded`. */
	excerpt: string;
	/** `wp:post_date`: local time without zone, "2022-01-10 12:00:00". */
	date: string;
	/** `wp:post_date_gmt`: the same in UTC; "0000-00-00 00:00:00" for drafts never published. */
	dateGmt: string;
	/** `wp:post_name`: the slug, percent-encoded; may be empty for drafts. */
	name: string;
	parent: number;
	/** `wp:attachment_url` of attachments. */
	attachmentUrl: string;
	terms: WxrItemTerm[];
	/** The post meta this reader was asked to keep (see `keepMeta`). */
	meta: Record<string, string>;
}

export type WxrRecord = WxrSite | WxrAuthor | WxrTerm | WxrItem;

/** A malformed or non-WordPress file. `line` and `column` are 1-based. */
export class WxrFormatError extends Error {
	readonly line: number;
	readonly column: number;
	readonly reason: string;
	constructor(line: number, column: number, reason: string) {
		super(`line ${line}, column ${column}: ${reason}`);
		this.name = 'WxrFormatError';
		this.line = line;
		this.column = column;
		this.reason = reason;
	}
}

export interface WxrReadOptions {
	/** Whether to collect `content:encoded`, the bodies (a first pass that only indexes does not). Default: true. */
	bodies?: boolean;
	/** Post meta keys to keep; all others are skipped, so page builders' huge meta cost nothing. */
	keepMeta?: ReadonlySet<string>;
	/** Called with the number of bytes read so far, after every chunk. */
	onProgress?: (bytesRead: number) => void;
	/** Bytes read at a time. Default: 64 KiB. */
	chunkSize?: number;
}

const ITEM_FIELDS: Readonly<Record<string, keyof WxrItem>> = {
	title: 'title',
	link: 'link',
	'dc:creator': 'creator',
	'content:encoded': 'content',
	'excerpt:encoded': 'excerpt',
	'wp:post_date': 'date',
	'wp:post_date_gmt': 'dateGmt',
	'wp:post_name': 'name',
	'wp:status': 'status',
	'wp:post_type': 'type',
	'wp:attachment_url': 'attachmentUrl',
};

/** Fields kept as written (their white space may matter); the others are trimmed. */
const BODY_FIELDS = new Set(['content:encoded', 'excerpt:encoded']);

const SITE_FIELDS: Readonly<Record<string, keyof Omit<WxrSite, 'kind'>>> = {
	title: 'title',
	'wp:base_site_url': 'baseSiteUrl',
	'wp:base_blog_url': 'baseBlogUrl',
	language: 'language',
};

/** The fields of `<wp:category>`, `<wp:tag>` and `<wp:term>`, by element name. */
const TERM_FIELDS: Readonly<Record<string, 'slug' | 'name' | 'parent' | 'description' | 'taxonomy'>> = {
	'wp:category_nicename': 'slug',
	'wp:cat_name': 'name',
	'wp:category_parent': 'parent',
	'wp:category_description': 'description',
	'wp:tag_slug': 'slug',
	'wp:tag_name': 'name',
	'wp:tag_description': 'description',
	'wp:term_taxonomy': 'taxonomy',
	'wp:term_slug': 'slug',
	'wp:term_name': 'name',
	'wp:term_parent': 'parent',
	'wp:term_description': 'description',
};

const TERM_ELEMENTS: Readonly<Record<string, string>> = { 'wp:category': 'category', 'wp:tag': 'post_tag', 'wp:term': '' };

/**
 * A copy of a short string that does not point into the chunk it was cut from. V8 keeps a
 * substring as a view of its parent, so a title kept in the index would otherwise keep the whole
 * 64 KiB chunk it came from alive, and the index would grow with the file instead of the items.
 */
function detached(text: string): string {
	return text.length < 13 ? text : ` ${text}`.slice(1);
}

function emptyItem(line: number): WxrItem {
	return {
		kind: 'item',
		line,
		id: 0,
		type: '',
		status: '',
		title: '',
		link: '',
		creator: '',
		content: '',
		excerpt: '',
		date: '',
		dateGmt: '',
		name: '',
		parent: 0,
		attachmentUrl: '',
		terms: [],
		meta: {},
	};
}

/**
 * Reads a WXR file and yields its site, authors, terms and items in document order. Throws a
 * {@link WxrFormatError} at the first malformed spot, or at the end when the file is well-formed
 * XML but not a WordPress export.
 */
export async function* readWxr(file: string, options: WxrReadOptions = {}): AsyncGenerator<WxrRecord> {
	const bodies = options.bodies ?? true;
	const keepMeta = options.keepMeta ?? new Set<string>();
	const parser = new SaxesParser({ position: true });
	const queue: WxrRecord[] = [];
	/** Names of the open elements, outermost first. */
	const stack: string[] = [];
	let text = '';
	/** Whether the text of the current element is wanted (so big unwanted fields are not accumulated). */
	let collecting = false;
	let sawVersion = false;
	let sawChannel = false;

	let site: WxrSite | undefined;
	let author: WxrAuthor | undefined;
	let term: (WxrTerm & { element: string }) | undefined;
	let item: WxrItem | undefined;
	let meta: { key: string; value: string } | undefined;

	const fail = (reason: string): never => {
		throw new WxrFormatError(parser.line, parser.column, reason);
	};

	parser.on('error', (error) => {
		throw new WxrFormatError(parser.line, parser.column, error.message.replace(/^\d+:\d+: /, ''));
	});

	parser.on('opentag', (tag) => {
		const name = tag.name;
		const parent = stack.at(-1);
		stack.push(name);
		text = '';
		collecting = false;
		if (stack.length === 1) {
			if (name !== 'rss') fail(`not a WordPress export: the root element is <${name}>, not <rss>`);
			return;
		}
		if (name === 'channel' && parent === 'rss') {
			sawChannel = true;
			site = { kind: 'site', title: '', baseSiteUrl: '', baseBlogUrl: '', language: '' };
			return;
		}
		if (parent === 'channel') {
			if (name === 'item') {
				if (site) queue.push(site);
				site = undefined;
				item = emptyItem(parser.line);
			} else if (name === 'wp:author') author = { kind: 'author', login: '', displayName: '', line: parser.line };
			else if (name in TERM_ELEMENTS) {
				term = {
					kind: 'term',
					taxonomy: TERM_ELEMENTS[name]!,
					slug: '',
					name: '',
					parent: '',
					description: '',
					line: parser.line,
					element: name,
				};
			}
			collecting = name in SITE_FIELDS || name === 'wp:wxr_version';
			return;
		}
		if (item && parent === 'item') {
			if (name === 'category') {
				const attribute = (key: string) => (typeof tag.attributes[key] === 'string' ? (tag.attributes[key] as string) : '');
				item.terms.push({ domain: detached(attribute('domain')), slug: detached(attribute('nicename')), name: '' });
				collecting = true;
			} else if (name === 'wp:postmeta') meta = { key: '', value: '' };
			else
				collecting = (name in ITEM_FIELDS && (bodies || name !== 'content:encoded')) || name === 'wp:post_id' || name === 'wp:post_parent';
			return;
		}
		if (meta && parent === 'wp:postmeta') collecting = name === 'wp:meta_key' || (name === 'wp:meta_value' && keepMeta.has(meta.key));
		else if (author && parent === 'wp:author') collecting = true;
		else if (term && parent === term.element) collecting = true;
	});

	const onText = (chunk: string) => {
		if (collecting) text += chunk;
	};
	parser.on('text', onText);
	parser.on('cdata', onText);

	parser.on('closetag', (tag) => {
		const name = tag.name;
		stack.pop();
		const parent = stack.at(-1);
		const value = detached(text);
		text = '';
		collecting = false;
		if (parent === 'channel') {
			if (name === 'item' && item) {
				if (!item.type) throw new WxrFormatError(item.line, 1, 'an <item> without <wp:post_type>');
				if (!Number.isInteger(item.id) || item.id <= 0) throw new WxrFormatError(item.line, 1, 'an <item> without a valid <wp:post_id>');
				queue.push(item);
				item = undefined;
			} else if (name === 'wp:author' && author) {
				queue.push(author);
				author = undefined;
			} else if (term && name === term.element) {
				const { element: _element, ...record } = term;
				if (record.taxonomy && record.slug) queue.push(record);
				term = undefined;
			} else if (name === 'wp:wxr_version') sawVersion = true;
			else if (site && name in SITE_FIELDS) site[SITE_FIELDS[name]!] = value.trim();
			return;
		}
		if (name === 'channel' && site) {
			queue.push(site);
			site = undefined;
		}
		if (item && parent === 'item') {
			if (name === 'category') item.terms.at(-1)!.name = value.trim();
			else if (name === 'wp:post_id') item.id = Number(value.trim());
			else if (name === 'wp:post_parent') item.parent = Number(value.trim()) || 0;
			else if (name === 'wp:postmeta' && meta) {
				if (keepMeta.has(meta.key)) item.meta[meta.key] = meta.value;
				meta = undefined;
			} else if (name in ITEM_FIELDS) {
				const field = ITEM_FIELDS[name]!;
				(item as unknown as Record<string, string>)[field] = BODY_FIELDS.has(name) ? value : value.trim();
			}
			return;
		}
		if (meta && parent === 'wp:postmeta') {
			if (name === 'wp:meta_key') meta.key = value.trim();
			else if (name === 'wp:meta_value') meta.value = value;
		} else if (author && parent === 'wp:author') {
			if (name === 'wp:author_login') author.login = value.trim();
			else if (name === 'wp:author_display_name') author.displayName = value.trim();
		} else if (term && parent === term.element && name in TERM_FIELDS) {
			term[TERM_FIELDS[name]!] = value.trim();
		}
	});

	const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: options.chunkSize ?? 64 * 1024 });
	try {
		for await (const chunk of stream as AsyncIterable<string>) {
			parser.write(chunk);
			options.onProgress?.(stream.bytesRead);
			yield* queue.splice(0);
		}
		parser.close();
	} finally {
		stream.destroy();
	}
	yield* queue.splice(0);
	if (!sawChannel) throw new WxrFormatError(parser.line, parser.column, 'not a WordPress export: no <channel>');
	if (!sawVersion) throw new WxrFormatError(parser.line, parser.column, 'not a WordPress export: no <wp:wxr_version>');
}
