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

const TERM_ELEMENTS: Readonly<Record<string, string>> = {
	'wp:category': 'category',
	'wp:tag': 'post_tag',
	'wp:term': '',
};

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

type OpenTerm = WxrTerm & { element: string };
/** What the collector reads of a tag. */
type Tag = { name: string; attributes: Record<string, unknown> };

/**
 * What the reading knows between two parser events: the open elements, the record being filled,
 * and the records complete and waiting to be yielded. The parser's events only feed it; readWxr
 * streams the file and yields what it queued.
 */
class WxrCollector {
	readonly queue: WxrRecord[] = [];
	sawVersion = false;
	sawChannel = false;
	private readonly parser: SaxesParser<{ position: true }>;
	private readonly bodies: boolean;
	private readonly keepMeta: ReadonlySet<string>;
	/** Names of the open elements, outermost first. */
	private readonly stack: string[] = [];
	private text = '';
	/** Whether the text of the current element is wanted (so big unwanted fields are not accumulated). */
	private collecting = false;
	private site: WxrSite | undefined;
	private author: WxrAuthor | undefined;
	private term: OpenTerm | undefined;
	private item: WxrItem | undefined;
	private meta: { key: string; value: string } | undefined;

	constructor(parser: SaxesParser<{ position: true }>, bodies: boolean, keepMeta: ReadonlySet<string>) {
		this.parser = parser;
		this.bodies = bodies;
		this.keepMeta = keepMeta;
	}

	private fail(reason: string): never {
		throw new WxrFormatError(this.parser.line, this.parser.column, reason);
	}

	onText(chunk: string): void {
		if (this.collecting) this.text += chunk;
	}

	onOpen(tag: Tag): void {
		const name = tag.name;
		const parent = this.stack.at(-1);
		this.stack.push(name);
		this.text = '';
		this.collecting = false;
		if (this.stack.length === 1) {
			if (name !== 'rss') this.fail(`not a WordPress export: the root element is <${name}>, not <rss>`);
			return;
		}
		if (name === 'channel' && parent === 'rss') {
			this.sawChannel = true;
			this.site = { kind: 'site', title: '', baseSiteUrl: '', baseBlogUrl: '', language: '' };
			return;
		}
		if (parent === 'channel') return this.openChannelChild(name);
		if (this.item && parent === 'item') return this.openItemChild(tag, this.item);
		if (this.meta && parent === 'wp:postmeta')
			this.collecting =
				name === 'wp:meta_key' || (name === 'wp:meta_value' && this.keepMeta.has(this.meta.key));
		else if (this.author && parent === 'wp:author') this.collecting = true;
		else if (this.term && parent === this.term.element) this.collecting = true;
	}

	/** A record starts (item, author, term), or a field of the site's. */
	private openChannelChild(name: string): void {
		const line = this.parser.line;
		if (name === 'item') {
			if (this.site) this.queue.push(this.site);
			this.site = undefined;
			this.item = emptyItem(line);
		} else if (name === 'wp:author') this.author = { kind: 'author', login: '', displayName: '', line };
		else if (name in TERM_ELEMENTS) {
			this.term = {
				kind: 'term',
				taxonomy: TERM_ELEMENTS[name]!,
				slug: '',
				name: '',
				parent: '',
				description: '',
				line,
				element: name,
			};
		}
		this.collecting = name in SITE_FIELDS || name === 'wp:wxr_version';
	}

	/** A field of an item: its terms and post meta start here; bodies are skipped unless wanted. */
	private openItemChild(tag: Tag, item: WxrItem): void {
		const name = tag.name;
		if (name === 'category') {
			const attribute = (key: string) =>
				typeof tag.attributes[key] === 'string' ? (tag.attributes[key] as string) : '';
			item.terms.push({
				domain: detached(attribute('domain')),
				slug: detached(attribute('nicename')),
				name: '',
			});
			this.collecting = true;
		} else if (name === 'wp:postmeta') this.meta = { key: '', value: '' };
		else
			this.collecting =
				(name in ITEM_FIELDS && (this.bodies || name !== 'content:encoded')) ||
				name === 'wp:post_id' ||
				name === 'wp:post_parent';
	}

	onClose(tag: Tag): void {
		const name = tag.name;
		this.stack.pop();
		const parent = this.stack.at(-1);
		const value = detached(this.text);
		this.text = '';
		this.collecting = false;
		if (parent === 'channel') return this.closeChannelChild(name, value);
		if (name === 'channel' && this.site) {
			this.queue.push(this.site);
			this.site = undefined;
		}
		if (this.item && parent === 'item') return this.closeItemChild(name, value, this.item);
		if (this.meta && parent === 'wp:postmeta') {
			if (name === 'wp:meta_key') this.meta.key = value.trim();
			else if (name === 'wp:meta_value') this.meta.value = value;
		} else if (this.author && parent === 'wp:author') {
			if (name === 'wp:author_login') this.author.login = value.trim();
			else if (name === 'wp:author_display_name') this.author.displayName = value.trim();
		} else if (this.term && parent === this.term.element && name in TERM_FIELDS) {
			this.term[TERM_FIELDS[name]!] = value.trim();
		}
	}

	/** A record is complete (queued, once checked), or a field of the site's has its value. */
	private closeChannelChild(name: string, value: string): void {
		if (name === 'item' && this.item) {
			const item = this.item;
			if (!item.type) throw new WxrFormatError(item.line, 1, 'an <item> without <wp:post_type>');
			if (!Number.isInteger(item.id) || item.id <= 0)
				throw new WxrFormatError(item.line, 1, 'an <item> without a valid <wp:post_id>');
			this.queue.push(item);
			this.item = undefined;
		} else if (name === 'wp:author' && this.author) {
			this.queue.push(this.author);
			this.author = undefined;
		} else if (this.term && name === this.term.element) {
			const { element: _element, ...record } = this.term;
			if (record.taxonomy && record.slug) this.queue.push(record);
			this.term = undefined;
		} else if (name === 'wp:wxr_version') this.sawVersion = true;
		else if (this.site && name in SITE_FIELDS) this.site[SITE_FIELDS[name]!] = value.trim();
	}

	/** A field of an item has its value; a post meta is kept only when asked for. */
	private closeItemChild(name: string, value: string, item: WxrItem): void {
		if (name === 'category') item.terms.at(-1)!.name = value.trim();
		else if (name === 'wp:post_id') item.id = Number(value.trim());
		else if (name === 'wp:post_parent') item.parent = Number(value.trim()) || 0;
		else if (name === 'wp:postmeta' && this.meta) {
			if (this.keepMeta.has(this.meta.key)) item.meta[this.meta.key] = this.meta.value;
			this.meta = undefined;
		} else if (name in ITEM_FIELDS) {
			const field = ITEM_FIELDS[name]!;
			(item as unknown as Record<string, string>)[field] = BODY_FIELDS.has(name) ? value : value.trim();
		}
	}
}

/**
 * Reads a WXR file and yields its site, authors, terms and items in document order. Throws a
 * {@link WxrFormatError} at the first malformed spot, or at the end when the file is well-formed
 * XML but not a WordPress export.
 */
export async function* readWxr(file: string, options: WxrReadOptions = {}): AsyncGenerator<WxrRecord> {
	const parser = new SaxesParser({ position: true });
	const collector = new WxrCollector(parser, options.bodies ?? true, options.keepMeta ?? new Set<string>());
	parser.on('error', (error) => {
		throw new WxrFormatError(parser.line, parser.column, error.message.replace(/^\d+:\d+: /, ''));
	});
	parser.on('opentag', (tag) => collector.onOpen(tag));
	parser.on('text', (chunk) => collector.onText(chunk));
	parser.on('cdata', (chunk) => collector.onText(chunk));
	parser.on('closetag', (tag) => collector.onClose(tag));

	const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: options.chunkSize ?? 64 * 1024 });
	try {
		for await (const chunk of stream as AsyncIterable<string>) {
			parser.write(chunk);
			options.onProgress?.(stream.bytesRead);
			yield* collector.queue.splice(0);
		}
		parser.close();
	} finally {
		stream.destroy();
	}
	yield* collector.queue.splice(0);
	if (!collector.sawChannel)
		throw new WxrFormatError(parser.line, parser.column, 'not a WordPress export: no <channel>');
	if (!collector.sawVersion)
		throw new WxrFormatError(parser.line, parser.column, 'not a WordPress export: no <wp:wxr_version>');
}
