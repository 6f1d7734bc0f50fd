import { z } from 'astro/zod';
import { bilingualSchema } from './common.ts';

/** A writer (`content/authors/<id>.yml`); the file name is the id articles refer to. */
export const authorSchema = z
	.object({
		/** Name per language. */
		name: bilingualSchema,
		/** Short biography per language. */
		bio: bilingualSchema.partial().optional(),
		/** Portrait: a site path of a file under `public/`, e.g. /media/authors/<id>.jpg. */
		photo: z
			.string()
			.regex(/^\/[^\s]*$/, 'must be a site path starting with /, e.g. /media/authors/name.jpg')
			.optional(),
	})
	.strict();

export type Author = z.infer<typeof authorSchema>;
