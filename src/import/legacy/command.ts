/**
 * `npm run import -- <file or folder>... [--date <when>] [--force] [--content <dir>]`
 *
 * Turns text files scraped from the old WordPress site into Arabic articles
 * (`<content>/articles/ar/<slug>.md`). Safe to re-run: an article already imported is left
 * alone, and one an editor has changed since is only replaced with `--force`.
 *
 * `npm run import -- <export.xml> [--uploads <folder>] [--lang ar|en] ...` imports a whole
 * WordPress export instead (src/import/wordpress/command.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { categorySchema } from '../../schemas/category.ts';
import { ISO_WITH_ZONE } from '../../schemas/common.ts';
import { LegacyFormatError, parseLegacyArticle, tidyLegacyArticle } from './parse.ts';
import type { LegacyArticle, TidyLegacyArticle } from './parse.ts';
import { slugFromTitle } from '../../newsroom/slug.ts';
import { readYaml, yamlFiles } from '../../newsroom/content-tree.ts';
import { parseImportArgs, SetupError } from '../command-line.ts';
import { describeDifference, readIfExists, writeAtomically } from '../files.ts';
import { articleFile, FrontMatterError, issuesOf } from '../front-matter.ts';

const USAGE = `Usage: npm run import -- <file or folder>... [options]

Imports articles from the old site's text files into <content>/articles/ar/<slug>.md.
A folder means every *.txt file directly in it. For a WordPress export (.xml), see
npm run import -- export.xml --help.

Options:
  --date <when>     publication date of every imported article: ISO 8601 with a time zone
                    (2022-01-10T12:00:00+03:00) or a day (2022-01-10, read as 00:00 UTC).
                    Default: each file's modification time, in UTC.
  --force           replace articles that were edited since they were imported
  --content <dir>   the content tree (default: content)
  --help            show this help

Exit status: 0 if every file was imported or already up to date, 1 if any failed,
2 if the command line or the content tree is unusable.`;

/** A reason for not importing one file; printed after the file's name. */
class ImportError extends Error {}

/** The article exists and was changed since it was imported; only `--force` replaces it. */
class RefusalError extends ImportError {}

interface Options {
	inputs: string[];
	date?: string;
	force: boolean;
	contentDir: string;
	help: boolean;
}

interface InputFile {
	/** As the user wrote it (joined to its folder), for messages. */
	shown: string;
	resolved: string;
}

type Outcome = 'imported' | 'replaced' | 'unchanged';

/** Whether the day and time in an ISO string exist (the schema lets 2022-02-30 roll over into March). */
function isRealDateTime(iso: string): boolean {
	const [year, month, day, hour, minute, second = 0] = (iso.match(/\d+/g) ?? []).map(Number);
	const asDay = new Date(Date.UTC(year, month - 1, day));
	return (
		asDay.getUTCFullYear() === year &&
		asDay.getUTCMonth() === month - 1 &&
		asDay.getUTCDate() === day &&
		hour < 24 &&
		minute < 60 &&
		second < 60
	);
}

/** `--date` as written to front matter; a bare day means midnight UTC. */
function dateFromOption(value: string): string {
	const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
	if (!ISO_WITH_ZONE.test(iso) || !isRealDateTime(iso)) {
		throw new SetupError(
			`--date ${value}: expected ISO 8601 with a time zone (2022-01-10T12:00:00+03:00) or a day (2022-01-10)`,
		);
	}
	return iso;
}

function parseOptions(argv: string[]): Options {
	const { values, positionals } = parseImportArgs(argv, { date: { type: 'string' } });
	if (!values.help && positionals.length === 0) throw new SetupError('no file or folder to import');
	return {
		inputs: positionals,
		date: values.date === undefined ? undefined : dateFromOption(values.date),
		force: values.force,
		contentDir: values.content,
		help: values.help,
	};
}

/**
 * Category id by Arabic name, from `<content>/categories/*.yml`, in id order: the breadcrumbs
 * of the old site only give the Arabic name.
 */
export async function loadCategoryIds(contentDir: string): Promise<Map<string, string>> {
	const folder = path.join(contentDir, 'categories');
	if (!existsSync(folder)) throw new SetupError(`cannot read the categories in ${folder}: no such folder`);
	const idByName = new Map<string, string>();
	for (const { id, file } of yamlFiles(folder)) {
		let category;
		try {
			category = categorySchema.safeParse(readYaml(file));
		} catch (error) {
			throw new SetupError(`${file}: ${(error as Error).message.split('\n')[0]}`);
		}
		if (!category.success)
			throw new SetupError(`${file}: not a valid category (${issuesOf(category.error)})`);
		const name = category.data.name.ar.trim();
		const clash = idByName.get(name);
		if (clash !== undefined)
			throw new SetupError(`categories ${clash} and ${id} have the same Arabic name «${name}»`);
		idByName.set(name, id);
	}
	if (idByName.size === 0) throw new SetupError(`no categories (*.yml) in ${folder}`);
	return idByName;
}

/**
 * The files named on the command line, folders expanded, each once. Paths that cannot be read
 * are reported through `fail` so that the others are still imported.
 */
async function collectInputs(
	inputs: readonly string[],
	fail: (shown: string, reason: string) => void,
): Promise<InputFile[]> {
	const files: InputFile[] = [];
	const seen = new Set<string>();
	const add = (shown: string) => {
		const resolved = path.resolve(shown);
		if (!seen.has(resolved)) files.push({ shown, resolved });
		seen.add(resolved);
	};
	for (const input of inputs) {
		let isFolder: boolean;
		try {
			isFolder = (await stat(input)).isDirectory();
		} catch {
			fail(input, 'no such file or folder');
			continue;
		}
		if (!isFolder) {
			add(input);
			continue;
		}
		let entries;
		try {
			entries = await readdir(input, { withFileTypes: true });
		} catch (error) {
			fail(input, `cannot list this folder: ${(error as Error).message}`);
			continue;
		}
		const texts = entries
			.filter((entry) => !entry.isDirectory() && entry.name.toLowerCase().endsWith('.txt'))
			.map((entry) => entry.name)
			.sort();
		if (texts.length === 0) fail(input, 'no .txt files in this folder');
		for (const name of texts) add(path.join(input, name));
	}
	return files;
}

function decodeUtf8(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new ImportError('not UTF-8 text (saved in another encoding, e.g. Windows-1256?)');
	}
}

/** The whole Markdown file for an article, or the reason its front matter would be invalid. */
function renderArticle(article: TidyLegacyArticle, date: string): string {
	const frontmatter = {
		title: article.title,
		date,
		category: article.category,
		summary: article.summary,
		...(article.source === undefined ? {} : { source: article.source }),
	};
	try {
		return articleFile(frontmatter, `${article.paragraphs.join('\n\n')}\n`);
	} catch (error) {
		if (error instanceof FrontMatterError) throw new ImportError(error.message);
		throw error;
	}
}

interface Run {
	options: Options;
	categoryIds: ReadonlyMap<string, string>;
	articlesDir: string;
	/** Slugs written in this run, with the file they came from, to catch two files with one slug. */
	slugOwners: Map<string, string>;
}

async function importFile(input: InputFile, run: Run): Promise<Outcome> {
	const [bytes, stats] = await Promise.all([readFile(input.resolved), stat(input.resolved)]);
	let article: LegacyArticle;
	try {
		article = parseLegacyArticle(decodeUtf8(bytes), run.categoryIds);
	} catch (error) {
		if (error instanceof LegacyFormatError) throw new ImportError(error.message);
		throw error;
	}

	const date = run.options.date ?? stats.mtime.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const dateOrigin = run.options.date === undefined ? "the file's modification time" : '--date';
	// The slug comes from the title as the old site wrote it: better spacing rules must never move a published URL.
	const slug = slugFromTitle(article.title, date);
	const target = path.join(run.articlesDir, `${slug}.md`);
	const shownTarget = path.join(run.options.contentDir, 'articles', 'ar', `${slug}.md`);

	const owner = run.slugOwners.get(slug);
	if (owner !== undefined) throw new ImportError(`slug ${slug} is already taken by ${owner} in this run`);

	const markdown = renderArticle(tidyLegacyArticle(article), date);
	const existing = await readIfExists(target);
	let outcome: Outcome = 'imported';
	if (existing?.equals(Buffer.from(markdown, 'utf8'))) {
		outcome = 'unchanged';
	} else if (existing !== undefined && !run.options.force) {
		const difference = describeDifference(existing.toString('utf8'), markdown);
		throw new RefusalError(
			`${shownTarget} already exists and ${difference}; not overwritten, use --force to replace it`,
		);
	} else {
		if (existing !== undefined) outcome = 'replaced';
		await mkdir(run.articlesDir, { recursive: true });
		await writeAtomically(target, markdown);
	}
	run.slugOwners.set(slug, input.shown);
	console.log(`${outcome.padEnd(9)} ${input.shown} → ${shownTarget} (date ${date} from ${dateOrigin})`);
	return outcome;
}

/** Runs the command; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
	// A WordPress export is a different import, with options of its own.
	// Loaded only then: its HTML and XML libraries would slow every plain-text import's start.
	if (argv.some((arg) => !arg.startsWith('-') && /\.xml$/i.test(arg)))
		return (await import('../wordpress/command.ts')).main(argv);
	let options: Options;
	let categoryIds: Map<string, string>;
	try {
		options = parseOptions(argv);
		if (options.help) {
			console.log(USAGE);
			return 0;
		}
		categoryIds = await loadCategoryIds(options.contentDir);
	} catch (error) {
		if (!(error instanceof SetupError)) throw error;
		console.error(`import: ${error.message}\nRun with --help for usage.`);
		return 2;
	}

	const counts = { imported: 0, unchanged: 0, failed: 0, refused: 0 };
	const fail = (shown: string, reason: string) => {
		counts.failed += 1;
		console.error(`${shown}: ${reason}`);
	};
	const run: Run = {
		options,
		categoryIds,
		articlesDir: path.join(options.contentDir, 'articles', 'ar'),
		slugOwners: new Map(),
	};
	for (const input of await collectInputs(options.inputs, fail)) {
		try {
			const outcome = await importFile(input, run);
			counts[outcome === 'unchanged' ? 'unchanged' : 'imported'] += 1;
		} catch (error) {
			if (error instanceof RefusalError) counts.refused += 1;
			fail(input.shown, (error as Error).message.split('\n')[0]);
		}
	}

	const refused =
		counts.refused > 0 ? ` (${counts.refused} not overwritten: the article exists and differs)` : '';
	console.log(
		`${counts.imported} imported, ${counts.unchanged} unchanged, ${counts.failed} failed${refused}`,
	);
	return counts.failed > 0 ? 1 : 0;
}
