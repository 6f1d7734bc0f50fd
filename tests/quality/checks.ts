import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { htmlValidateConfig } from './html-validate.config.ts';

/**
 * Checks of a built site, read from its files: valid HTML, links that resolve, and page
 * weights against budgets. Each returns what is wrong, so a test can show it catches a fault.
 */

export interface QualityProblem {
	/** Built file, relative to the site folder. */
	file: string;
	message: string;
}

/** Every built HTML page, relative paths, sorted. */
export function htmlFiles(dist: string): string[] {
	return readdirSync(dist, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.html'))
		.map((file) => file.split('\\').join('/'))
		.sort();
}

/** Pages built for the site's own use, not for readers: the CMS, redirect pages. */
function isReaderPage(file: string) {
	return !file.startsWith('admin/');
}

export async function validateHtml(dist: string, files = htmlFiles(dist)): Promise<QualityProblem[]> {
	const validator = new HtmlValidate(htmlValidateConfig);
	const problems: QualityProblem[] = [];
	for (const file of files) {
		const report = await validator.validateString(readFileSync(join(dist, file), 'utf8'), file);
		for (const result of report.results) {
			for (const message of result.messages)
				problems.push({
					file,
					message: `${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
				});
		}
	}
	return problems;
}

/** The built file a site path is served from, if there is one. */
export function resolvePath(dist: string, sitePath: string): string | undefined {
	const path = decodeURIComponent(sitePath.split(/[?#]/)[0]!);
	const candidates = path.endsWith('/')
		? [`${path}index.html`]
		: [path, `${path}/index.html`, `${path}.html`];
	return candidates
		.map((candidate) => candidate.replace(/^\//, ''))
		.find((candidate) => existsSync(join(dist, candidate)) && statSync(join(dist, candidate)).isFile());
}

/**
 * Every internal link, image, stylesheet, icon and `#anchor` of every page resolves to a built
 * file (and the anchor to an element with that id).
 */
export function checkLinks(dist: string, files = htmlFiles(dist)): QualityProblem[] {
	const problems: QualityProblem[] = [];
	const idsOf = new Map<string, Set<string>>();
	const ids = (file: string) => {
		if (!idsOf.has(file)) {
			const $ = load(readFileSync(join(dist, file), 'utf8'));
			idsOf.set(
				file,
				new Set(
					$('[id]')
						.map((_, el) => $(el).attr('id')!)
						.get(),
				),
			);
		}
		return idsOf.get(file)!;
	};
	for (const file of files.filter(isReaderPage)) {
		const $ = load(readFileSync(join(dist, file), 'utf8'));
		const pagePath = `/${file.replace(/index\.html$/, '')}`;
		const references = [
			...$('a[href], link[href]')
				.map((_, el) => $(el).attr('href')!)
				.get(),
			...$('img[src], script[src], source[src], iframe[src]')
				.map((_, el) => $(el).attr('src')!)
				.get(),
			...$('img[srcset], source[srcset]')
				.map((_, el) =>
					$(el)
						.attr('srcset')!
						.split(',')
						.map((candidate) => candidate.trim().split(/\s+/)[0]!),
				)
				.get(),
		];
		for (const reference of references) {
			if (/^(https?:|mailto:|tel:|data:|\/\/)/i.test(reference)) continue;
			const url = new URL(reference, `http://site${pagePath}`);
			const target = reference.startsWith('#') ? file : resolvePath(dist, url.pathname);
			if (!target) {
				problems.push({ file, message: `broken link: ${reference}` });
				continue;
			}
			const anchor = decodeURIComponent(url.hash.slice(1));
			if (anchor && target.endsWith('.html') && !ids(target).has(anchor))
				problems.push({ file, message: `missing anchor: ${reference}` });
		}
	}
	return problems;
}

/** The budgets of issue-free pages, in bytes compressed as a host serves them (gzip level 6). */
export const BUDGETS = {
	articleHtml: 20 * 1024,
	css: 20 * 1024,
	fontsPerPage: 120 * 1024,
};

export function gzipSize(bytes: Buffer | string): number {
	return gzipSync(bytes, { level: 6 }).length;
}

/** What kind of page a built file is, from its path. */
export function pageKind(
	file: string,
): 'article' | 'front' | 'archive' | 'static' | 'search' | 'admin' | 'other' {
	if (/^(en\/)?news\/[^/]+\/index\.html$/.test(file)) return 'article';
	if (/^(en\/)?index\.html$/.test(file)) return 'front';
	if (/^(en\/)?(category|tag|author|archive)\//.test(file)) return 'archive';
	if (/^(en\/)?search\//.test(file)) return 'search';
	if (file.startsWith('admin/')) return 'admin';
	if (/^(en\/)?[a-z0-9-]+\/index\.html$/.test(file) || /(^|\/)404\.html$/.test(file)) return 'static';
	return 'other';
}

export interface WeightReport {
	problems: QualityProblem[];
	/** Largest compressed article page. */
	largestArticle: { file: string; bytes: number };
	/** All the site's CSS, compressed. */
	css: number;
}

/**
 * Page weights: each article's HTML, the site's CSS, and JavaScript on pages that must have
 * none (article, front, archive and static pages run no script; JSON-LD is data).
 */
export function checkWeights(dist: string, files = htmlFiles(dist)): WeightReport {
	const problems: QualityProblem[] = [];
	let largestArticle = { file: '', bytes: 0 };
	for (const file of files) {
		const kind = pageKind(file);
		const html = readFileSync(join(dist, file));
		if (kind === 'article') {
			const bytes = gzipSize(html);
			if (bytes > largestArticle.bytes) largestArticle = { file, bytes };
			if (bytes > BUDGETS.articleHtml)
				problems.push({
					file,
					message: `article HTML is ${kb(bytes)} compressed; the budget is ${kb(BUDGETS.articleHtml)}`,
				});
		}
		if (['article', 'front', 'archive', 'static'].includes(kind)) {
			const $ = load(html.toString('utf8'));
			const scripts = $('script').filter((_, el) => $(el).attr('type') !== 'application/ld+json').length;
			const preloads = $('link[rel=modulepreload], link[as=script]').length;
			if (scripts + preloads > 0)
				problems.push({
					file,
					message: `a ${kind} page loads JavaScript (${scripts} script, ${preloads} preload)`,
				});
		}
	}
	const cssFiles = readdirSync(join(dist, '_astro')).filter((file) => file.endsWith('.css'));
	const css = cssFiles.reduce((sum, file) => sum + gzipSize(readFileSync(join(dist, '_astro', file))), 0);
	if (css > BUDGETS.css)
		problems.push({
			file: '_astro/*.css',
			message: `the site's CSS is ${kb(css)} compressed; the budget is ${kb(BUDGETS.css)}`,
		});
	return { problems, largestArticle, css };
}

export function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB`;
}
