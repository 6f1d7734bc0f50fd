import { z } from 'astro/zod';
import { bilingualSchema } from './common.ts';

/** A section of the site (`content/categories/<id>.yml`); the file name is its id. */
export const categorySchema = z
	.object({
		/** Display name per language; the Arabic one is also how imports recognise the section. */
		name: bilingualSchema,
		/** Position in the navigation, smallest first. */
		order: z.number().int(),
		/** One-line description per language, used as the section's lede. */
		description: bilingualSchema.partial().optional(),
		/** A section of columns: its cards and articles lead with the columnist's name and photo. Default: false. */
		opinion: z.boolean().optional(),
	})
	.strict();

export type Category = z.infer<typeof categorySchema>;
