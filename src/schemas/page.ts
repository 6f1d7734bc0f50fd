import { z } from 'astro/zod';
import { dateSchema } from './common.ts';

/** Front matter of a static page (`content/pages/<lang>/<slug>.md`), served at `/<slug>/`. */
export const pageSchema = z
	.object({
		/** Page title. */
		title: z.string().trim().min(1, 'is required'),
		/** One-line description, for search engines and link previews. */
		description: z.string().trim().min(1).optional(),
		/** Last substantial change, shown at the foot of the page. */
		updated: dateSchema.optional(),
		/** Listed in the footer. Default: true. */
		footer: z.boolean().default(true),
		/** Position in the footer, smallest first. Default: 0. */
		order: z.number().int().default(0),
	})
	.strict();

export type PageFrontmatter = z.infer<typeof pageSchema>;
