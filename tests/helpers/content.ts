import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { projectRoot } from './site-copy.ts';

/** An article file of the project's content tree, as the tests see it (not through the site's code). */
export interface ContentArticle {
	locale: 'ar' | 'en';
	slug: string;
	data: Record<string, unknown> & { title: string; date: string | Date; draft?: boolean; tags?: string[] };
}

/** Every article file under content/articles, read with gray-matter. */
export function contentArticles(root = projectRoot): ContentArticle[] {
	return (['ar', 'en'] as const).flatMap((locale) =>
		readdirSync(join(root, 'content/articles', locale))
			.filter((name) => name.endsWith('.md'))
			.map((name) => ({
				locale,
				slug: name.replace(/\.md$/, ''),
				data: matter(readFileSync(join(root, 'content/articles', locale, name), 'utf8'))
					.data as ContentArticle['data'],
			})),
	);
}

/** Whether the site publishes the article at `now`. */
export function isPublished(article: ContentArticle, now = new Date()): boolean {
	return !article.data.draft && new Date(article.data.date) <= now;
}
