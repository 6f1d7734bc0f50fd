/**
 * `npm run import -- <export.xml> [--uploads <folder>] [--lang ar|en] [--permalink <structure>]
 * [--force] [--content <dir>]`: imports a whole WordPress export (WXR).
 *
 * Three steps, so that a broken export writes nothing and memory stays bounded however big the
 * file: (1) a first streaming reading indexes everything but the bodies and checks the whole
 * file is well-formed; (2) the plan is made from that index (src/import/wordpress/plan.ts) and a second
 * reading converts each body and stages every file in a temporary folder beside the content;
 * (3) only then are the staged files moved into place, each atomically, by the importer's usual
 * rule: a byte-identical file is left alone, a different one is only replaced with `--force`.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import { dump as dumpYaml, load as loadYaml } from 'js-yaml';
import { articleFrontmatterSchema } from '../../schemas/article.ts';
import type { ArticleFrontmatter } from '../../schemas/article.ts';
import { authorSchema } from '../../schemas/author.ts';
import { categorySchema } from '../../schemas/category.ts';
import { pageSchema } from '../../schemas/page.ts';
import type { PageFrontmatter } from '../../schemas/page.ts';
import { redirectsFileSchema } from '../../schemas/redirect.ts';
import type { Redirect } from '../../schemas/redirect.ts';
import { REDIRECTS_FOLDER } from '../../outputs/redirects.ts';
import { asciiSlug } from '../../newsroom/slug.ts';
import { convertWpContent, plainText } from './content.ts';
import { distinctMediaName, extensionOf, IMAGE_EXTENSIONS, mediaNameOf, originalOf, uploadsPathOf } from './media.ts';
import { readWxr, WxrFormatError } from './wxr.ts';
import { emptyIndex, indexRecord, KEPT_META, planImport } from './plan.ts';
import type { ImportPlan, PlannedItem } from './plan.ts';
import type { Locale } from '../../i18n/locales.ts';
import { describeDifference, readIfExists, writeAtomically } from '../files.ts';
import { createProgress } from '../progress.ts';

const USAGE = `Usage: npm run import -- <export.xml> [options]

Imports a WordPress export (Tools > Export > All content): posts become articles, pages static
pages, categories and users sections and authors, and every old link a redirect.

Options:
  --uploads <folder>      the site's wp-content/uploads folder: images the posts use are copied
                          into <content>/media/. Without it, images stay remote and are listed
                          (the site shows no remote image; featured images are left out).
  --lang ar|en            language of posts without WPML or Polylang data
                          (default: the export's <language>, else ar)
  --permalink <structure> WordPress's permalink structure, e.g. /%year%/%monthnum%/%postname%/,
                          for a second old address per post besides its <link>
  --force                 replace files that were edited since they were imported
  --content <dir>         the content tree (default: content)
  --help                  show this help

Exit status: 0 if everything was imported or already up to date, 1 if some files were not
overwritten, 2 if the export is malformed or the command line or content tree is unusable
(nothing is written then).`;

/** Passed through gray-matter to js-yaml: keeps long titles on one line instead of folding them. */
const FRONT_MATTER_STYLE = { language: 'yaml', lineWidth: -1 };

/** The command line or the content tree is unusable, or the export is malformed: nothing is written. */
class SetupError extends Error {}

interface Options {
	file: string;
	uploads?: string;
	lang?: Locale;
	permalink?: string;
	force: boolean;
	contentDir: string;
	help: boolean;
}

function parseOptions(argv: string[]): Options {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				uploads: { type: 'string' },
				lang: { type: 'string' },
				permalink: { type: 'string' },
				force: { type: 'boolean', default: false },
				content: { type: 'string', default: 'content' },
				help: { type: 'boolean', default: false },
			},
		});
	} catch (error) {
		throw new SetupError((error as Error).message);
	}
	const { values, positionals } = parsed;
	if (values.help) return { file: '', force: false, contentDir: values.content, help: true };
	if (positionals.length !== 1) throw new SetupError('give exactly one WordPress export (.xml), and no other file');
	if (values.lang !== undefined && values.lang !== 'ar' && values.lang !== 'en')
		throw new SetupError(`--lang ${values.lang}: expected ar or en`);
	if (values.permalink !== undefined && !/^\/.*%[a-z_]+%/.test(values.permalink)) {
		throw new SetupError(`--permalink ${values.permalink}: expected a structure such as /%year%/%monthnum%/%postname%/`);
	}
	return {
		file: positionals[0]!,
		...(values.uploads === undefined ? {} : { uploads: values.uploads }),
		...(values.lang === undefined ? {} : { lang: values.lang as Locale }),
		...(values.permalink === undefined ? {} : { permalink: values.permalink }),
		force: values.force,
		contentDir: values.content,
		help: false,
	};
}

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
	return error.issues.map((issue) => `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`).join('; ');
}

/** Every `<folder>/*.yml` of the content tree, validated, by id. */
async function loadYamlFolder<T>(
	contentDir: string,
	folder: string,
	schema: {
		safeParse: (
			data: unknown,
		) => { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
	},
): Promise<Map<string, T>> {
	const dir = path.join(contentDir, folder);
	const found = new Map<string, T>();
	let names: string[];
	try {
		names = (await readdir(dir)).filter((name) => name.endsWith('.yml')).sort();
	} catch {
		return found;
	}
	for (const name of names) {
		const file = path.join(dir, name);
		let checked;
		try {
			checked = schema.safeParse(loadYaml(await readFile(file, 'utf8')));
		} catch (error) {
			throw new SetupError(`${file}: ${(error as Error).message.split('\n')[0]}`);
		}
		if (!checked.success) throw new SetupError(`${file}: not valid (${issuesOf(checked.error)}); fix it before importing`);
		found.set(name.slice(0, -'.yml'.length), checked.data);
	}
	return found;
}

/** Hosts whose links become embeds, from the site's settings; none when the file is missing. */
async function loadEmbedHosts(contentDir: string): Promise<string[]> {
	try {
		const settings = loadYaml(await readFile(path.join(contentDir, 'settings', 'embeds.yml'), 'utf8')) as { hosts?: unknown };
		return Array.isArray(settings?.hosts) ? settings.hosts.map(String) : [];
	} catch {
		return [];
	}
}

/** What the summary lists besides the counts. */
interface Report {
	unknownShortcodes: Map<string, { count: number; first: string }>;
	missingMedia: Map<string, string>;
	remoteMedia: Map<string, string>;
	featuredLeftOut: { item: string; url: string }[];
	localDates: number;
}

/** One file to put in the content tree: text staged in the temporary folder, or a media file copied from uploads. */
interface StagedFile {
	/** Path inside the content folder, `/`-separated. */
	target: string;
	type: 'article' | 'page' | 'category' | 'author' | 'media' | 'redirects';
	/** The staged copy or the upload to copy. */
	source: string;
}

/**
 * The uploads folder and the media files chosen from it: each upload gets one name in
 * `content/media/`, the same on every run.
 */
class MediaLibrary {
	readonly chosen = new Map<string, { name: string; source: string }>();
	private readonly names = new Map<string, string>();
	private readonly uploads: string | undefined;
	constructor(uploads: string | undefined) {
		this.uploads = uploads === undefined ? undefined : path.resolve(uploads);
	}

	/** The local name of the upload at `url`, or why there is none. */
	resolve(url: string): { kind: 'local'; name: string } | { kind: 'remote' } | { kind: 'missing' } {
		const inside = uploadsPathOf(url);
		if (this.uploads === undefined || inside === undefined || !IMAGE_EXTENSIONS.has(extensionOf(inside))) return { kind: 'remote' };
		for (const candidate of [inside, originalOf(inside)]) {
			if (candidate === undefined) continue;
			const known = this.chosen.get(candidate);
			if (known) return { kind: 'local', name: known.name };
			const source = path.join(this.uploads, ...candidate.split('/'));
			if (!source.startsWith(this.uploads + path.sep) || !existsSync(source)) continue;
			let name = mediaNameOf(candidate);
			if (this.names.has(name) && this.names.get(name) !== candidate) name = distinctMediaName(name, candidate);
			this.names.set(name, candidate);
			this.chosen.set(candidate, { name, source });
			return { kind: 'local', name };
		}
		return { kind: 'missing' };
	}
}

/** The Markdown file of an article or page. */
function renderItem(
	item: PlannedItem,
	body: string,
	summary: string,
	image: { name: string; alt: string; caption: string } | undefined,
): string {
	if (item.kind === 'page') {
		// Imported pages stay out of the footer until an editor puts them there.
		const frontmatter: Omit<PageFrontmatter, 'footer' | 'order'> & { footer: boolean } = {
			title: item.title,
			...(summary ? { description: summary } : {}),
			footer: false,
		};
		const checked = pageSchema.safeParse(frontmatter);
		if (!checked.success) throw new Error(`item ${item.id}: invalid page front matter: ${issuesOf(checked.error)}`);
		return matter.stringify(body, frontmatter, FRONT_MATTER_STYLE);
	}
	const frontmatter: ArticleFrontmatter = {
		title: item.title,
		date: item.date,
		category: item.category,
		...(summary ? { summary } : {}),
		...(item.tags.length > 0 ? { tags: item.tags } : {}),
		...(item.author ? { author: item.author } : {}),
		...(image
			? {
					image: `../../media/${image.name}`,
					...(image.alt ? { imageAlt: image.alt } : {}),
					...(image.caption ? { imageCaption: image.caption } : {}),
				}
			: {}),
		...(item.draft ? { draft: true } : {}),
	};
	const checked = articleFrontmatterSchema.safeParse(frontmatter);
	if (!checked.success) throw new Error(`item ${item.id}: invalid front matter: ${issuesOf(checked.error)}`);
	return matter.stringify(body, frontmatter, FRONT_MATTER_STYLE);
}

function yamlFile(comment: string, data: unknown): string {
	return `# ${comment}\n${dumpYaml(data, { lineWidth: -1 })}`;
}

/** The redirects file of an export: one per export file name, so two exports keep theirs. */
function redirectsFileName(exportFile: string): string {
	return `${
		asciiSlug(
			path
				.basename(exportFile)
				.replace(/\.xml$/i, '')
				.replace(/[._]+/g, ' '),
		) || 'wordpress'
	}.yml`;
}

/** Runs the command; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
	let options: Options;
	try {
		options = parseOptions(argv);
		if (options.help) {
			console.log(USAGE);
			return 0;
		}
		return await run(options);
	} catch (error) {
		if (!(error instanceof SetupError)) throw error;
		console.error(`import: ${error.message}`);
		return 2;
	}
}

async function run(options: Options): Promise<number> {
	const started = performance.now();
	let size: number;
	try {
		size = (await stat(options.file)).size;
	} catch {
		throw new SetupError(`${options.file}: no such file`);
	}
	if (options.uploads !== undefined && !(await stat(options.uploads).catch(() => undefined))?.isDirectory()) {
		throw new SetupError(`--uploads ${options.uploads}: not a folder`);
	}
	const categories = await loadYamlFolder(options.contentDir, 'categories', categorySchema);
	const authors = await loadYamlFolder(options.contentDir, 'authors', authorSchema);
	const embedHosts = await loadEmbedHosts(options.contentDir);
	const progress = createProgress(size * 2);

	// 1. Index the whole export; a malformed file stops here, before anything is written.
	const index = emptyIndex();
	try {
		for await (const record of readWxr(options.file, {
			bodies: false,
			keepMeta: KEPT_META,
			onProgress: (bytes) => progress.update(bytes, 'reading'),
		})) {
			indexRecord(index, record);
		}
	} catch (error) {
		progress.done();
		if (error instanceof WxrFormatError)
			throw new SetupError(`${options.file}:${error.line}:${error.column}: ${error.reason}; nothing was written`);
		throw error;
	}
	const plan = planImport(
		index,
		{ categories, authors },
		{ ...(options.lang ? { lang: options.lang } : {}), ...(options.permalink ? { permalink: options.permalink } : {}) },
	);

	// 2. Convert and stage every file.
	const contentRoot = path.resolve(options.contentDir);
	await mkdir(contentRoot, { recursive: true });
	const staging = await mkdtemp(path.join(path.dirname(contentRoot), '.import-wxr-'));
	try {
		const staged: StagedFile[] = [];
		const stage = async (target: string, type: StagedFile['type'], text: string) => {
			const source = path.join(staging, ...target.split('/'));
			await mkdir(path.dirname(source), { recursive: true });
			await writeFile(source, text);
			staged.push({ target, type, source });
		};
		const report: Report = {
			unknownShortcodes: new Map(),
			missingMedia: new Map(),
			remoteMedia: new Map(),
			featuredLeftOut: [],
			localDates: 0,
		};
		const media = new MediaLibrary(options.uploads);
		const baseUrl = index.site.baseBlogUrl || index.site.baseSiteUrl || undefined;
		const siteHosts = new Set(
			[index.site.baseSiteUrl, index.site.baseBlogUrl].filter(Boolean).map((url) => {
				try {
					return new URL(url).host;
				} catch {
					return '';
				}
			}),
		);
		const planned = new Map(plan.items.map((item) => [item.id, item]));

		/** The new address of a link to an old post, if it is one. */
		const newLink = (href: string): string | undefined => {
			let url: URL;
			try {
				url = new URL(href);
			} catch {
				return undefined;
			}
			if (!siteHosts.has(url.host)) return undefined;
			const id = Number(url.searchParams.get('p') ?? url.searchParams.get('page_id') ?? NaN);
			if (url.pathname === '/' && plan.urlById.has(id)) return plan.urlById.get(id);
			let decoded: string;
			try {
				decoded = decodeURIComponent(url.pathname);
			} catch {
				return undefined;
			}
			const key = decoded.endsWith('/') ? decoded : `${decoded}/`;
			return plan.urlByOldPath.get(key) ?? plan.urlByOldPath.get(decoded);
		};

		try {
			for await (const record of readWxr(options.file, {
				keepMeta: KEPT_META,
				onProgress: (bytes) => progress.update(size + bytes, 'converting'),
			})) {
				if (record.kind !== 'item') continue;
				const item = planned.get(record.id);
				if (!item) continue;
				const label = `item ${item.id} «${item.title}»`;
				const converted = convertWpContent(record.content, {
					embedHosts,
					...(baseUrl ? { baseUrl } : {}),
					link: newLink,
					image: (url) => {
						const found = media.resolve(url);
						if (found.kind === 'local') return `../../media/${found.name}`;
						(found.kind === 'missing' ? report.missingMedia : report.remoteMedia).set(url, label);
						return url;
					},
				});
				for (const name of converted.unknownShortcodes) {
					const known = report.unknownShortcodes.get(name);
					report.unknownShortcodes.set(name, { count: (known?.count ?? 0) + 1, first: known?.first ?? label });
				}
				let image: { name: string; alt: string; caption: string } | undefined;
				const attachment = item.thumbnail === undefined ? undefined : index.attachments.get(item.thumbnail);
				if (item.thumbnail !== undefined && !attachment) report.missingMedia.set(`attachment ${item.thumbnail} (featured image)`, label);
				if (attachment && item.kind === 'article') {
					const url =
						attachment.url ||
						(baseUrl && attachment.file ? new URL(`wp-content/uploads/${attachment.file}`, `${baseUrl.replace(/\/?$/, '/')}`).href : '');
					const found = media.resolve(url);
					if (found.kind === 'local') image = { name: found.name, alt: attachment.alt.trim(), caption: plainText(attachment.caption) };
					else if (found.kind === 'missing') report.missingMedia.set(url, `${label} (featured image, left out)`);
					else report.featuredLeftOut.push({ item: label, url });
				}
				if (item.localDate) report.localDates += 1;
				const folder = item.kind === 'article' ? 'articles' : 'pages';
				await stage(
					`${folder}/${item.locale}/${item.slug}.md`,
					item.kind,
					renderItem(item, converted.markdown, plainText(record.excerpt), image),
				);
			}
		} catch (error) {
			if (error instanceof WxrFormatError)
				throw new SetupError(
					`${options.file}:${error.line}:${error.column}: ${error.reason} (the file changed while it was read?); nothing was written`,
				);
			throw error;
		}
		progress.done();

		for (const [id, category] of plan.newCategories) {
			categorySchema.parse(category);
			await stage(
				`categories/${id}.yml`,
				'category',
				yamlFile('Created by the WordPress import; the English name is the original until an editor translates it.', category),
			);
		}
		for (const [id, author] of plan.newAuthors) {
			authorSchema.parse(author);
			await stage(`authors/${id}.yml`, 'author', yamlFile('Created by the WordPress import.', author));
		}
		for (const { name, source } of media.chosen.values()) staged.push({ target: `media/${name}`, type: 'media', source });
		const redirects: Redirect[] = plan.items
			.flatMap((item) => item.oldPaths.map((from) => ({ from, to: item.url })))
			.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
		const redirectsFile = `${REDIRECTS_FOLDER}/${redirectsFileName(options.file)}`;
		if (redirects.length > 0) {
			redirectsFileSchema.parse(redirects);
			await stage(
				redirectsFile,
				'redirects',
				yamlFile(
					`Old addresses of the posts imported from ${path.basename(options.file)}: the build writes them as _redirects lines, nginx-redirects.conf and redirect pages.`,
					redirects,
				),
			);
		}

		// 3. Move into place: media first and redirects last, so no moment has a link to a missing file.
		const order: StagedFile['type'][] = ['media', 'category', 'author', 'article', 'page', 'redirects'];
		staged.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
		const outcomes = new Map<string, { written: number; replaced: number; unchanged: number; refused: number }>();
		const refusals: string[] = [];
		for (const file of staged) {
			const counts = outcomes.get(file.type) ?? { written: 0, replaced: 0, unchanged: 0, refused: 0 };
			outcomes.set(file.type, counts);
			const target = path.join(contentRoot, ...file.target.split('/'));
			const wanted = await readFile(file.source);
			const existing = await readIfExists(target);
			if (existing?.equals(wanted)) {
				counts.unchanged += 1;
				continue;
			}
			const shown = path.join(options.contentDir, ...file.target.split('/'));
			if (existing !== undefined && !options.force) {
				counts.refused += 1;
				const difference = file.target.endsWith('.md') ? describeDifference(existing.toString('utf8'), wanted.toString('utf8')) : 'differs';
				refusals.push(`${shown} already exists and ${difference}; not overwritten, use --force to replace it`);
				continue;
			}
			await mkdir(path.dirname(target), { recursive: true });
			await writeAtomically(target, wanted);
			if (existing === undefined) counts.written += 1;
			else {
				counts.replaced += 1;
				console.log(`replaced  ${shown}`);
			}
		}
		for (const refusal of refusals) console.error(refusal);
		printSummary(options, plan, outcomes, report, redirects.length, redirectsFile, performance.now() - started);
		return refusals.length > 0 ? 1 : 0;
	} finally {
		await rm(staging, { recursive: true, force: true });
	}
}

function printSummary(
	options: Options,
	plan: ImportPlan,
	outcomes: Map<string, { written: number; replaced: number; unchanged: number; refused: number }>,
	report: Report,
	redirectCount: number,
	redirectsFile: string,
	milliseconds: number,
): void {
	const print = (line: string) => console.log(line);
	const counts = (type: string) => {
		const found = outcomes.get(type) ?? { written: 0, replaced: 0, unchanged: 0, refused: 0 };
		return `${found.written} new, ${found.replaced} replaced, ${found.unchanged} unchanged, ${found.refused} not overwritten`;
	};
	const articles = plan.items.filter((item) => item.kind === 'article');
	const pages = plan.items.filter((item) => item.kind === 'page');
	const byLocale = (items: PlannedItem[]) =>
		`${items.filter((item) => item.locale === 'ar').length} ar, ${items.filter((item) => item.locale === 'en').length} en`;
	print(`WordPress export ${options.file} imported into ${options.contentDir} in ${(milliseconds / 1000).toFixed(1)} s:`);
	print(
		`  articles:   ${articles.length} (${byLocale(articles)}; ${articles.filter((item) => item.draft).length} drafts): ${counts('article')}`,
	);
	print(`  pages:      ${pages.length} (${byLocale(pages)}): ${counts('page')}`);
	print(
		`  categories: ${plan.newCategories.size} created${plan.newCategories.size ? ` (${[...plan.newCategories.keys()].join(', ')})` : ''}, ${plan.matchedCategories.size} matched by name: ${counts('category')}`,
	);
	print(
		`  authors:    ${plan.newAuthors.size} created${plan.newAuthors.size ? ` (${[...plan.newAuthors.keys()].join(', ')})` : ''}, ${plan.matchedAuthors.size} matched by name: ${counts('author')}`,
	);
	print(`  media:      ${outcomes.get('media') ? counts('media') : options.uploads ? 'none used' : 'none copied (no --uploads)'}`);
	print(
		`  redirects:  ${redirectCount} old addresses${redirectCount ? ` in ${path.join(options.contentDir, ...redirectsFile.split('/'))}: ${counts('redirects')}` : ''}`,
	);
	const list = (title: string, lines: string[]) => {
		if (lines.length === 0) return;
		print(`${title} (${lines.length}):`);
		for (const line of lines.slice(0, 50)) print(`  ${line}`);
		if (lines.length > 50) print(`  ... and ${lines.length - 50} more`);
	};
	const reasons = new Map<string, number>();
	for (const skipped of plan.skipped) reasons.set(skipped.reason, (reasons.get(skipped.reason) ?? 0) + 1);
	list(
		'skipped',
		[...reasons].map(([reason, count]) => `${count} × ${reason}`),
	);
	list(
		'skipped items',
		plan.skipped
			.filter((skipped) => skipped.type === 'post' || skipped.type === 'page')
			.map((skipped) => `item ${skipped.id} (line ${skipped.line}) «${skipped.title}»: ${skipped.reason}`),
	);
	list(
		'unknown shortcodes, kept as text',
		[...report.unknownShortcodes].map(([name, { count, first }]) => `[${name}]: ${count} post(s), first ${first}`),
	);
	list(
		'missing media (not found in --uploads)',
		[...report.missingMedia].map(([url, where]) => `${url} (${where})`),
	);
	list(
		'remote media kept (the site shows no remote image: pass --uploads to copy them)',
		[...report.remoteMedia].map(([url, where]) => `${url} (${where})`),
	);
	list(
		'featured images left out (remote; pass --uploads)',
		report.featuredLeftOut.map(({ item, url }) => `${item}: ${url}`),
	);
	list(
		'old addresses not redirected',
		plan.droppedPaths.map(({ id, path: old, reason }) => `item ${id}: ${old} ${reason}`),
	);
	if (report.localDates > 0) print(`note: ${report.localDates} item(s) had no GMT date (drafts); their local wp:post_date was read as UTC`);
}
