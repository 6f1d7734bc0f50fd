import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import type { z } from 'astro/zod';
import { articleFrontmatterSchema } from '../schemas/article.ts';
import { authorSchema } from '../schemas/author.ts';
import { categorySchema } from '../schemas/category.ts';
import { idSchema } from '../schemas/common.ts';
import { pageSchema } from '../schemas/page.ts';
import { frontPageSchema, siteSettingsSchema } from '../schemas/settings.ts';
import { isLocale, localeCodes } from '../i18n/locales.ts';
import type { Locale } from '../i18n/locales.ts';
import type { ContentProblem } from './problems.ts';
import { liveProblems } from './live.ts';
import { parseYaml } from './content-tree.ts';
import { bytesDigest, codeDigest, DigestCache } from './digest-cache.ts';
import { canonicalPath, loadRedirects } from '../outputs/redirects.ts';
import { articleUrl, authorUrl, categoryUrl, homeUrl, pageUrl, RESERVED_PAGE_SLUGS } from '../site/urls.ts';

/** Content files larger than this are refused: no article needs it, and a runaway paste can. */
export const MAX_FILE_BYTES = 1024 * 1024;

interface ParsedArticle {
	file: string;
	locale: Locale;
	slug: string;
	category: string;
}

/** What the rules across files need of a valid article's front matter, with the lines they report. */
interface ArticleFacts {
	category: string;
	author?: string;
	image?: string;
	/** Pictures of live updates, relative to the file: their own, and those of their texts. */
	livePictures: { field: string; path: string }[];
	/** Times of the file that contradict its publication time (an update, a correction, a live update before it). */
	timeProblems: Omit<ContentProblem, 'file'>[];
	lines: { category?: number; author?: number; image?: number; live?: number };
}

/**
 * What checking a Markdown file alone found, kept by its bytes: its problems (YAML, schema) and,
 * when valid, the facts the rules across files need (`true` for pages: their path says it all).
 */
interface FileFindings {
	problems?: Omit<ContentProblem, 'file'>[];
	facts?: ArticleFacts | true;
}

/** What the checks of articles, pages and redirects need to know of the sections and authors. */
interface Known {
	categories: Set<string>;
	authors: Set<string>;
}

/**
 * Checks a whole content tree before the build and returns every problem in it: unreadable
 * YAML, front matter the schemas refuse, references to sections, authors and images that do
 * not exist, slugs that are not slugs, MDX files, oversized files, translations filed under
 * another section, updates dated before publication. It never stops at the first problem,
 * and never writes anything. The one validator of content: the newsroom's indexes trust it.
 */
export function checkContent(root: string): ContentProblem[] {
	return runChecks(new ContentCheck(root, new DigestCache<FileFindings>(undefined, '')));
}

/**
 * The same check, with what each Markdown file alone gave kept in `<cacheDir>/content-check.json`
 * by a digest of its bytes: a publish parses and validates only new and changed articles, and
 * runs every rule across files (unique slugs, known sections and authors, images that exist,
 * translations, redirects) on the whole tree as before. The same problems, in the same order, as
 * `checkContent`. `reuse: false` (a `--force` build) checks every file anew.
 */
export function checkContentCached(
	root: string,
	cacheDir: string,
	{ reuse = true }: { reuse?: boolean } = {},
): { problems: ContentProblem[]; reused: number; checked: number } {
	const cache = new DigestCache<FileFindings>(join(cacheDir, 'content-check.json'), checkCodeKey(), {
		reuse,
	});
	const problems = runChecks(new ContentCheck(root, cache));
	cache.save();
	return { problems, reused: cache.hits, checked: cache.misses };
}

function runChecks(check: ContentCheck): ContentProblem[] {
	check.mdxFiles();
	const known = check.sectionsAndAuthors();
	const articles = check.articles(known);
	check.translations(articles);
	const pages = check.pages();
	check.redirects(known, articles, pages);
	return check.problems;
}

/**
 * A key of the code that decides what a file alone gives: this module, the schemas, the
 * locales, and the parsers' versions. A change to any of them checks every file anew.
 */
function checkCodeKey(): string {
	const here = fileURLToPath(new URL('.', import.meta.url));
	const schemas = join(here, '../schemas');
	const sources = [
		join(here, 'check.ts'),
		join(here, 'live.ts'),
		join(here, '../markdown/pictures.ts'),
		join(here, '../markdown/parse.ts'),
		join(here, '../i18n/locales.ts'),
		...readdirSync(schemas)
			.filter((name) => name.endsWith('.ts'))
			.sort()
			.map((name) => join(schemas, name)),
	];
	const require = createRequire(import.meta.url);
	const versions = ['gray-matter', 'zod', 'astro', 'mdast-util-from-markdown'].map((name) => {
		try {
			return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
		} catch {
			return `${name}@?`;
		}
	});
	return codeDigest([
		...sources.flatMap((file) => [file.slice(here.length), readFileSync(file)]),
		...versions,
	]);
}

/** The checks, sharing how a problem is reported and how a file is read and validated. */
class ContentCheck {
	readonly problems: ContentProblem[] = [];
	readonly #root: string;
	readonly #contentDir: string;
	readonly #cache: DigestCache<FileFindings>;
	#files: string[] | undefined;

	constructor(root: string, cache: DigestCache<FileFindings>) {
		this.#root = root;
		this.#contentDir = resolve(root, 'content');
		this.#cache = cache;
	}

	/** The files under a folder of content/ (all of them for ''), sorted; the tree is listed once. */
	#listFiles(folder: string): string[] {
		this.#files ??= listFiles(this.#contentDir);
		if (!folder) return this.#files;
		const prefix = join(this.#contentDir, folder) + sep;
		return this.#files.filter((file) => file.startsWith(prefix));
	}

	#rel(path: string): string {
		// Most paths are under content/: those are cut rather than resolved (one per article).
		if (path.startsWith(this.#contentDir + sep))
			return `content/${path.slice(this.#contentDir.length + 1)}`.split('\\').join('/');
		return relative(this.#root, path).split('\\').join('/');
	}

	report(path: string, field: string, message: string, line?: number): void {
		this.problems.push({ file: this.#rel(path), field, message, ...(line ? { line } : {}) });
	}

	mdxFiles(): void {
		for (const path of this.#listFiles('').filter((file) => file.endsWith('.mdx')))
			this.report(
				path,
				'file',
				"MDX runs code at build time and is for developers' pages only: save articles and pages as .md",
			);
	}

	/** The sections and authors that exist, with the settings files checked on the way. */
	sectionsAndAuthors(): Known {
		const yamlFiles = (folder: string) => this.#listFiles(folder).filter((path) => /\.ya?ml$/.test(path));
		const idOf = (path: string) =>
			path
				.split(/[\\/]/)
				.pop()!
				.replace(/\.[^.]+$/, '');
		const categories = new Set<string>();
		for (const path of yamlFiles('categories'))
			if (this.#readYamlFile(path, categorySchema)) categories.add(idOf(path));
		const authors = new Set<string>();
		for (const path of yamlFiles('authors'))
			if (this.#readYamlFile(path, authorSchema)) authors.add(idOf(path));
		const sitePath = join(this.#contentDir, 'settings/site.yml');
		if (existsSync(sitePath)) this.#readYamlFile(sitePath, siteSettingsSchema);
		else this.report(sitePath, 'file', 'is missing');
		const frontPagePath = join(this.#contentDir, 'settings/frontpage.yml');
		if (existsSync(frontPagePath)) {
			const frontPage = this.#readYamlFile(frontPagePath, frontPageSchema);
			for (const id of frontPage?.sections ?? [])
				if (!categories.has(id)) this.report(frontPagePath, 'sections', `unknown category "${id}"`);
		}
		return { categories, authors };
	}

	articles({ categories, authors }: Known): ParsedArticle[] {
		const articles: ParsedArticle[] = [];
		const seen = new Map<string, string>();
		const imageExists = new Map<string, boolean>();
		for (const path of this.#listFiles('articles').filter((file) => file.endsWith('.md'))) {
			const article = this.#readMarkdown(path, 'articles', articleFrontmatterSchema, articleFacts);
			if (!article) continue;
			const { facts } = article;
			const key = `${article.locale}/${article.slug.toLowerCase()}`;
			if (seen.has(key)) this.report(path, 'slug', `"${article.slug}" is also the slug of ${seen.get(key)}`);
			seen.set(key, this.#rel(path));
			if (!categories.has(facts.category)) {
				const known = [...categories].join(', ');
				this.report(
					path,
					'category',
					`unknown category "${facts.category}" (known: ${known})`,
					facts.lines.category,
				);
			}
			if (facts.author && !authors.has(facts.author)) {
				this.report(
					path,
					'author',
					`unknown author "${facts.author}" (known: ${[...authors].join(', ')})`,
					facts.lines.author,
				);
			}
			const exists = (image: string) => {
				const file = resolve(dirname(path), image);
				if (!imageExists.has(file)) imageExists.set(file, existsSync(file));
				return imageExists.get(file)!;
			};
			if (facts.image && !/^https?:/.test(facts.image) && !exists(facts.image))
				this.report(path, 'image', `file not found: ${facts.image}`, facts.lines.image);
			for (const picture of facts.livePictures)
				if (!exists(picture.path))
					this.report(path, picture.field, `file not found: ${picture.path}`, facts.lines.live);
			for (const problem of facts.timeProblems)
				this.report(path, problem.field, problem.message, problem.line);
			articles.push({
				file: this.#rel(path),
				locale: article.locale,
				slug: article.slug,
				category: facts.category,
			});
		}
		return articles;
	}

	/** A translation is filed under its Arabic original's section. */
	translations(articles: ParsedArticle[]): void {
		const byKey = new Map(articles.map((article) => [`${article.locale}/${article.slug}`, article]));
		for (const article of articles) {
			if (article.locale === 'ar') continue;
			const original = byKey.get(`ar/${article.slug}`);
			if (original && original.category !== article.category) {
				this.problems.push({
					file: article.file,
					field: 'category',
					message: `is "${article.category}" but its Arabic original ${original.file} is in "${original.category}"`,
				});
			}
		}
	}

	pages(): { locale: Locale; slug: string }[] {
		const pages: { locale: Locale; slug: string }[] = [];
		for (const path of this.#listFiles('pages').filter((file) => file.endsWith('.md'))) {
			const page = this.#readMarkdown(path, 'pages', pageSchema, () => true as const);
			if (page && RESERVED_PAGE_SLUGS.has(page.slug))
				this.report(
					path,
					'slug',
					`"${page.slug}" is taken by the site's own pages (${[...RESERVED_PAGE_SLUGS].join(', ')})`,
				);
			if (page) pages.push({ locale: page.locale, slug: page.slug });
		}
		return pages;
	}

	/**
	 * Redirects: valid files, no old path twice, no old path that is one of the site's own
	 * pages (the build checks every built file again), and a target that exists.
	 */
	redirects(
		{ categories, authors }: Known,
		articles: ParsedArticle[],
		pages: { locale: Locale; slug: string }[],
	): void {
		const redirects = loadRedirects(this.#contentDir, this.#rel(this.#contentDir));
		this.problems.push(...redirects.problems);
		const sitePages = new Set<string>();
		for (const locale of localeCodes) {
			sitePages.add(homeUrl(locale));
			for (const id of categories) sitePages.add(categoryUrl(locale, id));
			for (const id of authors) sitePages.add(authorUrl(locale, id));
		}
		const targets = new Set([
			...articles.map((a) => articleUrl(a.locale, a.slug)),
			...pages.map((p) => pageUrl(p.locale, p.slug)),
		]);
		for (const target of targets) sitePages.add(target);
		for (const redirect of redirects.redirects) {
			const at = { file: redirect.file, ...(redirect.line ? { line: redirect.line } : {}) };
			if (sitePages.has(canonicalPath(redirect.from)))
				this.problems.push({
					...at,
					field: 'from',
					message: `${redirect.from} is a page of the site; a redirect would hide it`,
				});
			const isContentUrl =
				/^(?:\/en)?\/news\/[^/]+\/$/.test(redirect.to) || /^(?:\/en)?\/[^/]+\/$/.test(redirect.to);
			if (isContentUrl && !targets.has(redirect.to) && !sitePages.has(redirect.to)) {
				this.problems.push({
					...at,
					field: 'to',
					message: `${redirect.to}: no article or page has this address`,
				});
			}
		}
	}

	/** Reads a file, or reports why it cannot be used; undefined when it cannot. */
	#readBytes(path: string): Buffer | undefined {
		const fd = openSync(path, 'r');
		try {
			const size = fstatSync(fd).size;
			if (size > MAX_FILE_BYTES) {
				this.report(path, 'file', `is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 1 MB`);
				return undefined;
			}
			return readFileSync(fd);
		} finally {
			closeSync(fd);
		}
	}

	#readText(path: string): string | undefined {
		return this.#readBytes(path)?.toString('utf8');
	}

	/** Validates data against a schema and reports each issue with its field and line. */
	#validate<S extends z.ZodType>(
		path: string,
		text: string,
		schema: S,
		data: unknown,
	): z.infer<S> | undefined {
		const result = schema.safeParse(data);
		if (result.success) return result.data;
		for (const issue of result.error.issues) {
			const field = issue.path.join('.') || 'front matter';
			this.report(path, field, issue.message, lineOf(text, String(issue.path[0] ?? '')));
		}
		return undefined;
	}

	#readYamlFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined {
		const text = this.#readText(path);
		if (text === undefined) return undefined;
		try {
			return this.#validate(path, text, schema, parseYaml(text));
		} catch (error) {
			this.#reportYamlError(path, error);
			return undefined;
		}
	}

	/** `offset`: lines before the YAML starts in the file (the `---` of front matter). */
	#reportYamlError(path: string, error: unknown, offset = 0): void {
		// gray-matter brings its own js-yaml, so the error is recognised by shape, not class.
		const yamlError = error as { name?: string; reason?: string; mark?: { line: number } };
		if (yamlError.name === 'YAMLException' && yamlError.mark) {
			this.report(path, 'yaml', yamlError.reason ?? 'is not valid YAML', yamlError.mark.line + 1 + offset);
		} else this.report(path, 'yaml', String(error));
	}

	/**
	 * Reads a Markdown file under `<folder>/<locale>/<slug>.md`, reporting its path and front matter
	 * problems; `factsOf` takes what the rules across files need from valid front matter. What the
	 * file alone gave comes from the cache when its bytes did not change.
	 */
	#readMarkdown<S extends z.ZodType, F extends FileFindings['facts']>(
		path: string,
		folder: string,
		schema: S,
		factsOf: (data: z.infer<S>, text: string) => F,
	): { locale: Locale; slug: string; facts: F } | undefined {
		const parts = relative(join(this.#contentDir, folder), path).split(/[\\/]/);
		const [locale, name = ''] = parts;
		if (parts.length !== 2 || !isLocale(locale)) {
			this.report(path, 'file', `must be content/${folder}/<${localeCodes.join('|')}>/<slug>.md`);
			return undefined;
		}
		const slug = name.replace(/\.md$/, '');
		if (!idSchema.safeParse(slug).success)
			this.report(path, 'slug', `"${slug}" must be lower-case ASCII [a-z0-9-]+ (the file name is the slug)`);
		const bytes = this.#readBytes(path);
		if (bytes === undefined) return undefined;
		const digest = bytesDigest(bytes);
		const file = this.#rel(path);
		let findings = this.#cache.get(file, digest);
		if (findings) {
			for (const problem of findings.problems ?? [])
				this.report(path, problem.field, problem.message, problem.line);
		} else {
			const before = this.problems.length;
			const text = bytes.toString('utf8');
			const data = this.#frontMatter(path, text, schema);
			const problems = this.problems.slice(before).map(({ file: _file, ...problem }) => problem);
			findings = {
				...(problems.length > 0 ? { problems } : {}),
				...(data === undefined ? {} : { facts: factsOf(data, text) }),
			};
			this.#cache.set(file, digest, findings);
		}
		return findings.facts === undefined ? undefined : { locale, slug, facts: findings.facts as F };
	}

	/** A Markdown file's front matter, valid, or undefined with its problems reported. */
	#frontMatter<S extends z.ZodType>(path: string, text: string, schema: S): z.infer<S> | undefined {
		let data: unknown;
		try {
			data = matter(text, {}).data;
		} catch (error) {
			this.#reportYamlError(path, error, 1);
			return undefined;
		}
		return this.#validate(path, text, schema, data);
	}
}

/** What the rules across files need of an article's valid front matter. */
function articleFacts(data: z.infer<typeof articleFrontmatterSchema>, text: string): ArticleFacts {
	return {
		category: data.category,
		...(data.author ? { author: data.author } : {}),
		...(data.image ? { image: data.image } : {}),
		livePictures: (data.live?.updates ?? []).flatMap((update, index) => [
			...(update.image ? [{ field: `live.updates[${index}].image`, path: update.image }] : []),
			...update.pictures.map((path) => ({ field: `live.updates[${index}].body`, path })),
		]),
		timeProblems: timeProblems(data, text),
		lines: linesOf(text, ['category', 'author', 'image', 'live']),
	};
}

/** An update, a correction or a live update dated before the story itself, and two live updates in one minute. */
function timeProblems(
	data: z.infer<typeof articleFrontmatterSchema>,
	text: string,
): Omit<ContentProblem, 'file'>[] {
	const lines = linesOf(text, ['updated', 'corrections', 'live']);
	const at = (line: number | undefined) => (line === undefined ? {} : { line });
	const problems: Omit<ContentProblem, 'file'>[] = [];
	if (data.updated && data.updated < data.date)
		problems.push({ field: 'updated', message: 'is before the publication date', ...at(lines.updated) });
	for (const problem of data.live ? liveProblems(data.live, data.date) : [])
		problems.push({ ...problem, ...at(lines.live) });
	data.corrections.forEach((correction, index) => {
		if (correction.date < data.date)
			problems.push({
				field: `corrections[${index}].date`,
				message: 'is before the publication date',
				...at(lines.corrections),
			});
	});
	return problems;
}

/** The 1-based line on which a top-level YAML key is set in a file, if it is there. */
function lineOf(text: string, key: string): number | undefined {
	return key ? linesOf(text, [key])[key] : undefined;
}

/** The 1-based lines on which top-level YAML keys are set in a file, for those that are there. */
function linesOf<K extends string>(text: string, keys: readonly K[]): Partial<Record<K, number>> {
	const lines: Partial<Record<K, number>> = {};
	text.split(/\r?\n/).forEach((line, index) => {
		for (const key of keys)
			if (lines[key] === undefined && line.startsWith(`${key}:`)) lines[key] = index + 1;
	});
	return lines;
}

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}
