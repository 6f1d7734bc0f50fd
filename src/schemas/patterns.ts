/**
 * Patterns shared by the schemas and the CMS's form checks. No zod here, so that the CMS's
 * browser bundle can import them without the schema library.
 */

/** An id or slug: lower-case ASCII letters and digits in words joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
