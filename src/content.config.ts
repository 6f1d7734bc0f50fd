import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { authorSchema } from './schemas/author.ts';
import { categorySchema } from './schemas/category.ts';
import { pageSchema } from './schemas/page.ts';
import { frontPageSchema, siteSettingsSchema } from './schemas/settings.ts';

/** Ids stay exactly as the file path says (`ar/<slug>`), so a bad slug is reported, not silently rewritten. */
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.[^./]+$/, '');

export const collections = {
	articles: defineCollection({
		// The Markdown is not kept beside the rendered HTML: every page reads the HTML, and the
		// data store, which a build serialises and bundles, is 40% smaller (docs/performance.md).
		loader: glob({
			pattern: '**/*.md',
			base: './content/articles',
			generateId: idFromPath,
			retainBody: false,
		}),
		schema: ({ image }) => articleSchema(image()),
	}),
	categories: defineCollection({
		loader: glob({ pattern: '*.yml', base: './content/categories', generateId: idFromPath }),
		schema: categorySchema,
	}),
	authors: defineCollection({
		loader: glob({ pattern: '*.yml', base: './content/authors', generateId: idFromPath }),
		schema: authorSchema,
	}),
	pages: defineCollection({
		loader: glob({ pattern: '**/*.md', base: './content/pages', generateId: idFromPath }),
		schema: pageSchema,
	}),
	settings: defineCollection({
		loader: glob({ pattern: 'site.yml', base: './content/settings', generateId: idFromPath }),
		schema: siteSettingsSchema,
	}),
	frontPage: defineCollection({
		loader: glob({ pattern: 'frontpage.yml', base: './content/settings', generateId: idFromPath }),
		schema: frontPageSchema,
	}),
};
