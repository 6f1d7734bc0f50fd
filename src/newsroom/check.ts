import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
import { canonicalPath, loadRedirects } from '../outputs/redirects.ts';
import { articleUrl, authorUrl, categoryUrl, homeUrl, pageUrl, RESERVED_PAGE_SLUGS } from '../site/urls.ts';

/** Content files larger than this are refused: no article needs it, and a runaway paste can. */
export const MAX_FILE_BYTES = 1024 * 1024;

interface ParsedArticle {
	file: string;
	locale: Locale;
	slug: string;
	data: z.infer<typeof articleFrontmatterSchema>;
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
	const check = new ContentCheck(root);
	check.mdxFiles();
	const known = check.sectionsAndAuthors();
	const articles = check.articles(known);
	check.translations(articles);
	const pages = check.pages();
	check.redirects(known, articles, pages);
	return check.problems;
}

/** The checks, sharing how a problem is reported and how a file is read and validated. */
class ContentCheck {
	readonly problems: ContentProblem[] = [];
	readonly #root: string;
	readonly #contentDir: string;

	constructor(root: string) {
		this.#root = root;
		this.#contentDir = resolve(root, 'content');
	}

	#rel(path: string): string {
		return relative(this.#root, path).split('\\').join('/');
	}

	report(path: string, field: string, message: string, line?: number): void {
		this.problems.push({ file: this.#rel(path), field, message, ...(line ? { line } : {}) });
	}

	mdxFiles(): void {
		for (const path of listFiles(this.#contentDir).filter((file) => file.endsWith('.mdx')))
			this.report(
				path,
				'file',
				"MDX runs code at build time and is for developers' pages only: save articles and pages as .md",
			);
	}

	/** The sections and authors that exist, with the settings files checked on the way. */
	sectionsAndAuthors(): Known {
		const yamlFiles = (folder: string) =>
			listFiles(join(this.#contentDir, folder)).filter((path) => /\.ya?ml$/.test(path));
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
		for (const path of listFiles(join(this.#contentDir, 'articles')).filter((file) => file.endsWith('.md'))) {
			const article = this.#readMarkdown(path, 'articles', articleFrontmatterSchema);
			if (!article) continue;
			const { data, text } = article;
			const key = `${article.locale}/${article.slug.toLowerCase()}`;
			if (seen.has(key)) this.report(path, 'slug', `"${article.slug}" is also the slug of ${seen.get(key)}`);
			seen.set(key, this.#rel(path));
			if (!categories.has(data.category)) {
				const known = [...categories].join(', ');
				this.report(
					path,
					'category',
					`unknown category "${data.category}" (known: ${known})`,
					lineOf(text, 'category'),
				);
			}
			if (data.author && !authors.has(data.author)) {
				this.report(
					path,
					'author',
					`unknown author "${data.author}" (known: ${[...authors].join(', ')})`,
					lineOf(text, 'author'),
				);
			}
			if (data.image && !/^https?:/.test(data.image) && !existsSync(resolve(dirname(path), data.image))) {
				this.report(path, 'image', `file not found: ${data.image}`, lineOf(text, 'image'));
			}
			if (data.updated && data.updated < data.date)
				this.report(path, 'updated', 'is before the publication date', lineOf(text, 'updated'));
			for (const problem of data.live ? liveProblems(data.live, data.date) : [])
				this.report(path, problem.field, problem.message, lineOf(text, 'live'));
			data.corrections.forEach((correction, index) => {
				if (correction.date < data.date)
					this.report(
						path,
						`corrections[${index}].date`,
						'is before the publication date',
						lineOf(text, 'corrections'),
					);
			});
			articles.push({ file: this.#rel(path), locale: article.locale, slug: article.slug, data });
		}
		return articles;
	}

	/** A translation is filed under its Arabic original's section. */
	translations(articles: ParsedArticle[]): void {
		const byKey = new Map(articles.map((article) => [`${article.locale}/${article.slug}`, article]));
		for (const article of articles) {
			if (article.locale === 'ar') continue;
			const original = byKey.get(`ar/${article.slug}`);
			if (original && original.data.category !== article.data.category) {
				this.problems.push({
					file: article.file,
					field: 'category',
					message: `is "${article.data.category}" but its Arabic original ${original.file} is in "${original.data.category}"`,
				});
			}
		}
	}

	pages(): { locale: Locale; slug: string }[] {
		const pages: { locale: Locale; slug: string }[] = [];
		for (const path of listFiles(join(this.#contentDir, 'pages')).filter((file) => file.endsWith('.md'))) {
			const page = this.#readMarkdown(path, 'pages', pageSchema);
			if (page && RESERVED_PAGE_SLUGS.has(page.slug))
				this.report(
					path,
					'slug',
					`"${page.slug}" is taken by the site's own pages (${[...RESERVED_PAGE_SLUGS].join(', ')})`,
				);
			if (page) pages.push(page);
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
	#readText(path: string): string | undefined {
		const size = statSync(path).size;
		if (size > MAX_FILE_BYTES) {
			this.report(path, 'file', `is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 1 MB`);
			return undefined;
		}
		return readFileSync(path, 'utf8');
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

	/** Reads a Markdown file under `<folder>/<locale>/<slug>.md`, reporting its path and front matter problems. */
	#readMarkdown<S extends z.ZodType>(path: string, folder: string, schema: S) {
		const parts = relative(join(this.#contentDir, folder), path).split(/[\\/]/);
		const [locale, name = ''] = parts;
		if (parts.length !== 2 || !isLocale(locale)) {
			this.report(path, 'file', `must be content/${folder}/<${localeCodes.join('|')}>/<slug>.md`);
			return undefined;
		}
		const slug = name.replace(/\.md$/, '');
		if (!idSchema.safeParse(slug).success)
			this.report(path, 'slug', `"${slug}" must be lower-case ASCII [a-z0-9-]+ (the file name is the slug)`);
		const text = this.#readText(path);
		if (text === undefined) return undefined;
		let data: unknown;
		try {
			data = matter(text, {}).data;
		} catch (error) {
			this.#reportYamlError(path, error, 1);
			return undefined;
		}
		const valid = this.#validate(path, text, schema, data);
		return valid === undefined ? undefined : { locale, slug, text, data: valid };
	}
}

/** The 1-based line on which a top-level YAML key is set in a file, if it is there. */
function lineOf(text: string, key: string): number | undefined {
	if (!key) return undefined;
	const index = text.split(/\r?\n/).findIndex((line) => line.startsWith(`${key}:`));
	return index === -1 ? undefined : index + 1;
}

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}
