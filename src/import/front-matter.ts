/**
 * Article and page files as both importers write them: front matter checked against the site's
 * schema, its keys in the schema's order, serialised by gray-matter (js-yaml underneath) with long
 * lines kept whole, then the Markdown body. One writer, so a legacy article and a WordPress one
 * look alike and a re-import compares byte for byte with what the last one wrote.
 */
import matter from 'gray-matter';
import { articleFrontmatterSchema } from '../schemas/article.ts';
import type { ArticleFrontmatter } from '../schemas/article.ts';
import { pageSchema } from '../schemas/page.ts';
import type { PageFrontmatter } from '../schemas/page.ts';

/** Passed through gray-matter to js-yaml: keeps long titles on one line instead of folding them. */
const FRONT_MATTER_STYLE = { language: 'yaml', lineWidth: -1 };

/** What an imported page's front matter holds: imported pages stay out of the footer until an editor puts them there. */
export type ImportedPageFrontmatter = Omit<PageFrontmatter, 'footer' | 'order'> & { footer: boolean };

/** Front matter the schema rejects; the message says which fields and why, without the file's name. */
export class FrontMatterError extends Error {}

type SchemaIssues = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };

/** A schema's complaints on one line, `field: message; ...`, as the importers print them. */
export function issuesOf(error: SchemaIssues): string {
	return error.issues
		.map((issue) => `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`)
		.join('; ');
}

/** The same fields in the schema's order, whatever order the caller built them in. */
function inSchemaOrder<T extends object>(data: T, order: readonly string[]): T {
	const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
	return Object.fromEntries(Object.entries(data).sort(([a], [b]) => rank(a) - rank(b))) as T;
}

function render(body: string, data: object, order: readonly string[]): string {
	return matter.stringify(body, inSchemaOrder(data, order), FRONT_MATTER_STYLE);
}

/** The Markdown file of an article; throws a {@link FrontMatterError} when the schema rejects its front matter. */
export function articleFile(frontmatter: ArticleFrontmatter, body: string): string {
	const checked = articleFrontmatterSchema.safeParse(frontmatter);
	if (!checked.success) throw new FrontMatterError(`invalid front matter: ${issuesOf(checked.error)}`);
	return render(body, frontmatter, Object.keys(articleFrontmatterSchema.shape));
}

/** The Markdown file of a static page; throws a {@link FrontMatterError} when the schema rejects its front matter. */
export function pageFile(frontmatter: ImportedPageFrontmatter, body: string): string {
	const checked = pageSchema.safeParse(frontmatter);
	if (!checked.success) throw new FrontMatterError(`invalid page front matter: ${issuesOf(checked.error)}`);
	return render(body, frontmatter, Object.keys(pageSchema.shape));
}
