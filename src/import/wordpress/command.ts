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
 * The staging folder and step 3 are in staging.ts, the closing summary in summary.ts.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { dump as dumpYaml } from 'js-yaml';
import type { ArticleFrontmatter } from '../../schemas/article.ts';
import { authorSchema } from '../../schemas/author.ts';
import { categorySchema } from '../../schemas/category.ts';
import { redirectsFileSchema } from '../../schemas/redirect.ts';
import type { Redirect } from '../../schemas/redirect.ts';
import { REDIRECTS_FOLDER } from '../../outputs/redirects.ts';
import { asciiSlug } from '../../newsroom/slug.ts';
import { readEmbedHosts, readYaml, yamlFiles } from '../../newsroom/content-tree.ts';
import { convertWpContent, plainText } from './content.ts';
import { MediaLibrary } from './media.ts';
import { readWxr, WxrFormatError } from './wxr.ts';
import type { WxrItem, WxrSite } from './wxr.ts';
import { emptyIndex, indexRecord, KEPT_META, planImport } from './plan.ts';
import type { ImportPlan, IndexedAttachment, PlannedItem, WxrIndex } from './plan.ts';
import { moveIntoPlace, Staging } from './staging.ts';
import { emptyReport, printSummary } from './summary.ts';
import type { Report } from './summary.ts';
import type { Locale } from '../../i18n/locales.ts';
import { articleFile, FrontMatterError, issuesOf, pageFile } from '../front-matter.ts';
import { createProgress } from '../progress.ts';
import { parseImportArgs, SetupError } from '../command-line.ts';

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
	const { values, positionals } = parseImportArgs(argv, {
		uploads: { type: 'string' },
		lang: { type: 'string' },
		permalink: { type: 'string' },
	});
	if (values.help) return { file: '', force: false, contentDir: values.content, help: true };
	if (positionals.length !== 1)
		throw new SetupError('give exactly one WordPress export (.xml), and no other file');
	if (values.lang !== undefined && values.lang !== 'ar' && values.lang !== 'en')
		throw new SetupError(`--lang ${values.lang}: expected ar or en`);
	if (values.permalink !== undefined && !/^\/.*%[a-z_]+%/.test(values.permalink)) {
		throw new SetupError(
			`--permalink ${values.permalink}: expected a structure such as /%year%/%monthnum%/%postname%/`,
		);
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

/** Every `<folder>/*.yml` of the content tree, validated, by id. */
async function loadYamlFolder<T>(
	contentDir: string,
	folder: string,
	schema: {
		safeParse: (
			data: unknown,
		) =>
			| { success: true; data: T }
			| { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
	},
): Promise<Map<string, T>> {
	const found = new Map<string, T>();
	for (const { id, file } of yamlFiles(path.join(contentDir, folder))) {
		let checked;
		try {
			checked = schema.safeParse(readYaml(file));
		} catch (error) {
			throw new SetupError(`${file}: ${(error as Error).message.split('\n')[0]}`);
		}
		if (!checked.success)
			throw new SetupError(`${file}: not valid (${issuesOf(checked.error)}); fix it before importing`);
		found.set(id, checked.data);
	}
	return found;
}

/** The Markdown file of an article or page. */
function renderItem(
	item: PlannedItem,
	body: string,
	summary: string,
	image: { name: string; alt: string; caption: string } | undefined,
): string {
	try {
		// Imported pages stay out of the footer until an editor puts them there.
		if (item.kind === 'page')
			return pageFile(
				{ title: item.title, ...(summary ? { description: summary } : {}), footer: false },
				body,
			);
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
		return articleFile(frontmatter, body);
	} catch (error) {
		if (error instanceof FrontMatterError)
			throw new Error(`item ${item.id}: ${error.message}`, { cause: error });
		throw error;
	}
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

/** The three steps of the module comment; returns the exit status. */
async function run(options: Options): Promise<number> {
	const started = performance.now();
	const size = await exportSize(options);
	const categories = await loadYamlFolder(options.contentDir, 'categories', categorySchema);
	const authors = await loadYamlFolder(options.contentDir, 'authors', authorSchema);
	let embedHosts: string[] = [];
	try {
		embedHosts = readEmbedHosts(options.contentDir);
	} catch {
		// An unreadable embeds.yml means no embeds here; the build reports the file.
	}
	const progress = createProgress(size * 2);

	// 1. Index the whole export; a malformed file stops here, before anything is written.
	const index = await indexExport(options.file, progress);
	const plan = planImport(
		index,
		{ categories, authors },
		{
			...(options.lang ? { lang: options.lang } : {}),
			...(options.permalink ? { permalink: options.permalink } : {}),
		},
	);

	// 2. Convert and stage every file.
	const contentRoot = path.resolve(options.contentDir);
	await mkdir(contentRoot, { recursive: true });
	const staging = new Staging(await mkdtemp(path.join(path.dirname(contentRoot), '.import-wxr-')));
	try {
		const media = new MediaLibrary(options.uploads);
		const report = emptyReport();
		await stageItems(options.file, { index, plan, embedHosts, media, report, staging }, (bytes) =>
			progress.update(size + bytes, 'converting'),
		);
		progress.done();
		await stageSections(plan, staging);
		for (const { name, source } of media.chosen.values())
			staging.add({ target: `media/${name}`, type: 'media', source });
		const { redirectCount, redirectsFile } = await stageRedirects(options.file, plan, staging);

		// 3. Move into place: media first and redirects last, so no moment has a link to a missing file.
		const { outcomes, refusals } = await moveIntoPlace(staging.files, contentRoot, options);
		for (const refusal of refusals) console.error(refusal);
		printSummary({
			options,
			plan,
			outcomes,
			report,
			redirectCount,
			redirectsFile,
			milliseconds: performance.now() - started,
		});
		return refusals.length > 0 ? 1 : 0;
	} finally {
		await rm(staging.folder, { recursive: true, force: true });
	}
}

/** The export's size in bytes, for the progress bar; a missing export or uploads folder stops the command. */
async function exportSize(options: Options): Promise<number> {
	let size: number;
	try {
		size = (await stat(options.file)).size;
	} catch {
		throw new SetupError(`${options.file}: no such file`);
	}
	if (options.uploads !== undefined && !(await stat(options.uploads).catch(() => undefined))?.isDirectory()) {
		throw new SetupError(`--uploads ${options.uploads}: not a folder`);
	}
	return size;
}

/** Step 1: the first reading, everything but the bodies; it also proves the whole file well-formed. */
async function indexExport(file: string, progress: ReturnType<typeof createProgress>): Promise<WxrIndex> {
	const index = emptyIndex();
	try {
		for await (const record of readWxr(file, {
			bodies: false,
			keepMeta: KEPT_META,
			onProgress: (bytes) => progress.update(bytes, 'reading'),
		})) {
			indexRecord(index, record);
		}
	} catch (error) {
		progress.done();
		if (error instanceof WxrFormatError)
			throw new SetupError(`${file}:${error.line}:${error.column}: ${error.reason}; nothing was written`);
		throw error;
	}
	return index;
}

/** What converting the items needs, and where it puts what it finds. */
interface Conversion {
	index: WxrIndex;
	plan: ImportPlan;
	embedHosts: string[];
	media: MediaLibrary;
	report: Report;
	staging: Staging;
}

/** Step 2: the second reading, with the bodies: every planned item converted and staged. */
async function stageItems(
	file: string,
	conversion: Conversion,
	onProgress: (bytes: number) => void,
): Promise<void> {
	const site = conversion.index.site;
	const baseUrl = site.baseBlogUrl || site.baseSiteUrl || undefined;
	const link = linkRewriter(site, conversion.plan);
	const planned = new Map(conversion.plan.items.map((item) => [item.id, item]));
	try {
		for await (const record of readWxr(file, { keepMeta: KEPT_META, onProgress })) {
			if (record.kind !== 'item') continue;
			const item = planned.get(record.id);
			if (item) await stageItem(record, item, conversion, { link, ...(baseUrl ? { baseUrl } : {}) });
		}
	} catch (error) {
		if (error instanceof WxrFormatError)
			throw new SetupError(
				`${file}:${error.line}:${error.column}: ${error.reason} (the file changed while it was read?); nothing was written`,
			);
		throw error;
	}
}

/**
 * Links to the old site's posts get their new address: by `?p=`/`?page_id=` or by old path. A
 * link to anything else, or elsewhere, is kept.
 */
function linkRewriter(site: WxrSite, plan: ImportPlan): (href: string) => string | undefined {
	const siteHosts = new Set(
		[site.baseSiteUrl, site.baseBlogUrl].filter(Boolean).map((url) => {
			try {
				return new URL(url).host;
			} catch {
				return '';
			}
		}),
	);
	return (href) => {
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
}

/** One item: its body as Markdown (images copied or listed), its featured image, its file staged. */
async function stageItem(
	record: WxrItem,
	item: PlannedItem,
	{ index, embedHosts, media, report, staging }: Conversion,
	links: { link: (href: string) => string | undefined; baseUrl?: string },
): Promise<void> {
	const label = `item ${item.id} «${item.title}»`;
	const converted = convertWpContent(record.content, {
		embedHosts,
		...links,
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
	const attachment = item.thumbnail === undefined ? undefined : index.attachments.get(item.thumbnail);
	if (item.thumbnail !== undefined && !attachment)
		report.missingMedia.set(`attachment ${item.thumbnail} (featured image)`, label);
	const image =
		attachment && item.kind === 'article'
			? featuredImage(attachment, label, media, report, links.baseUrl)
			: undefined;
	if (item.localDate) report.localDates += 1;
	const folder = item.kind === 'article' ? 'articles' : 'pages';
	await staging.write(
		`${folder}/${item.locale}/${item.slug}.md`,
		item.kind,
		renderItem(item, converted.markdown, plainText(record.excerpt), image),
	);
}

/** An article's featured image when its upload is copied; otherwise it is left out, and listed. */
function featuredImage(
	attachment: IndexedAttachment,
	label: string,
	media: MediaLibrary,
	report: Report,
	baseUrl: string | undefined,
): { name: string; alt: string; caption: string } | undefined {
	const url =
		attachment.url ||
		(baseUrl && attachment.file
			? new URL(`wp-content/uploads/${attachment.file}`, `${baseUrl.replace(/\/?$/, '/')}`).href
			: '');
	const found = media.resolve(url);
	if (found.kind === 'local')
		return { name: found.name, alt: attachment.alt.trim(), caption: plainText(attachment.caption) };
	if (found.kind === 'missing') report.missingMedia.set(url, `${label} (featured image, left out)`);
	else report.featuredLeftOut.push({ item: label, url });
	return undefined;
}

/** The sections and authors the plan creates, one YAML file each. */
async function stageSections(plan: ImportPlan, staging: Staging): Promise<void> {
	for (const [id, category] of plan.newCategories) {
		categorySchema.parse(category);
		await staging.write(
			`categories/${id}.yml`,
			'category',
			yamlFile(
				'Created by the WordPress import; the English name is the original until an editor translates it.',
				category,
			),
		);
	}
	for (const [id, author] of plan.newAuthors) {
		authorSchema.parse(author);
		await staging.write(`authors/${id}.yml`, 'author', yamlFile('Created by the WordPress import.', author));
	}
}

/** The export's redirects file (when it has old addresses), sorted so a re-import writes the same bytes. */
async function stageRedirects(
	exportFile: string,
	plan: ImportPlan,
	staging: Staging,
): Promise<{ redirectCount: number; redirectsFile: string }> {
	const redirects: Redirect[] = plan.items
		.flatMap((item) => item.oldPaths.map((from) => ({ from, to: item.url })))
		.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
	const redirectsFile = `${REDIRECTS_FOLDER}/${redirectsFileName(exportFile)}`;
	if (redirects.length > 0) {
		redirectsFileSchema.parse(redirects);
		await staging.write(
			redirectsFile,
			'redirects',
			yamlFile(
				`Old addresses of the posts imported from ${path.basename(exportFile)}: the build writes them as _redirects lines, nginx-redirects.conf and redirect pages.`,
				redirects,
			),
		);
	}
	return { redirectCount: redirects.length, redirectsFile };
}
