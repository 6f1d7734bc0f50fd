import { z } from 'astro/zod';
import { localPictures } from '../markdown/pictures.ts';
import { dateSchema, idSchema } from './common.ts';

/** A correction: when it was made and what it says, in the article's language. */
export const correctionSchema = z
	.object({
		date: dateSchema,
		text: z.string().trim().min(1, 'is required'),
	})
	.strict();

/**
 * One update of a live page: its time, an optional title, a Markdown body, a "key moment" flag.
 * `pictures` is not written in the file: it is the body's own pictures (`localPictures`), given
 * to `image` so that Astro resolves and optimises them as it does a body's.
 */
export const liveUpdateSchema = <Image extends z.ZodType>(image: Image) =>
	z.preprocess(
		(update) =>
			update && typeof update === 'object' && 'body' in update && typeof update.body === 'string'
				? { ...update, pictures: localPictures(update.body) }
				: update,
		liveUpdateFields(image),
	);

const liveUpdateFields = <Image extends z.ZodType>(image: Image) =>
	z
		.object({
			date: dateSchema,
			title: z.string().trim().min(1).optional(),
			/** Markdown, rendered by the site's own pipeline (links on a line of their own become embeds). */
			body: z.string().trim().min(1, 'is required'),
			/** Listed among the key moments at the top of the page. Default: false. */
			key: z.boolean().default(false),
			/** A picture, relative to the article file, shown above the update's text. */
			image: image.optional(),
			imageAlt: z.string().trim().optional(),
			pictures: z.array(image).default([]),
		})
		.strict();

/** Live coverage: an article whose page is a stream of updates, newest first. */
export const liveSchema = <Image extends z.ZodType>(image: Image) =>
	z
		.object({
			/** When the coverage ended; until then the page and its cards say «مباشر». */
			ended: dateSchema.optional(),
			updates: z.array(liveUpdateSchema(image)).default([]),
		})
		.strict();

/**
 * Front matter of an article (`content/articles/<lang>/<slug>.md`).
 * `image` is a schema so that Astro's `image()` helper can be passed in (it resolves
 * and optimises the file); plain tools pass `z.string()`.
 */
export const articleSchema = <Image extends z.ZodType>(image: Image) =>
	z
		.object({
			/** Headline. */
			title: z.string().trim().min(1, 'is required'),
			/** Publication time, ISO 8601 with a time zone. The article is hidden until then. */
			date: dateSchema,
			/** Category id: a file name in `content/categories/`. */
			category: idSchema,
			/** Standfirst shown under the headline and in lists. */
			summary: z.string().trim().min(1).optional(),
			/** Free tags, in the article's language. Default: none. */
			tags: z.array(z.string().trim().min(1)).default([]),
			/** Author id: a file name in `content/authors/`. */
			author: idSchema.optional(),
			/** Where the story comes from, e.g. «وكالات». */
			source: z.string().trim().min(1).optional(),
			/** Lead image, relative to the article file. */
			image: image.optional(),
			/** Alternative text of the lead image. */
			imageAlt: z.string().trim().optional(),
			/** Caption and credit of the lead image. */
			imageCaption: z.string().trim().optional(),
			/** Belongs in the headlines. Default: false. */
			featured: z.boolean().default(false),
			/** Breaking news. Default: false. */
			breaking: z.boolean().default(false),
			/** Not published anywhere while true. Default: false. */
			draft: z.boolean().default(false),
			/** Time of the last substantial update. */
			updated: dateSchema.optional(),
			/** Corrections published under the story, each with its time. Default: none. */
			corrections: z.array(correctionSchema).default([]),
			/** Makes the article a live page (see `src/newsroom/live.ts`). */
			live: liveSchema(image).optional(),
		})
		.strict();

/** Front matter as written by tools that do not resolve images. */
export const articleFrontmatterSchema = articleSchema(z.string().trim().min(1));

export type ArticleFrontmatter = z.input<typeof articleFrontmatterSchema>;
