import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A digest of the schemas' source. Astro keeps parsed entries between builds and clears them
 * when `src/content.config.ts` or the Astro config changes, but not when a module the content
 * config imports changes: a new field's default would be missing from every cached entry
 * (`src/integrations/schema-change.ts` clears them when this digest changes).
 */
export function schemaDigest(root = '.'): string {
	const folder = join(root, 'src/schemas');
	const hash = createHash('sha256');
	for (const name of readdirSync(folder)
		.filter((file) => file.endsWith('.ts'))
		.sort())
		hash.update(name).update(readFileSync(join(folder, name)));
	return hash.digest('hex').slice(0, 16);
}
