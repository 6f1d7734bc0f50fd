import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { schemaDigest } from '../schemas/digest.ts';

/**
 * Clears Astro's stored content entries when the schemas change. Astro keeps parsed entries
 * between builds (a deploy keeps its cache) and clears them when `src/content.config.ts` or the
 * Astro config changes, but not when a schema it imports from `src/schemas/` does: entries parsed
 * before a new field with a default would lack it.
 */
export function schemaChange(): AstroIntegration {
	return {
		name: 'newsroom:schema-change',
		hooks: {
			'astro:config:setup': ({ config, logger }) => {
				const cacheDir = fileURLToPath(config.cacheDir);
				const marker = join(cacheDir, 'schema-digest.txt');
				const digest = schemaDigest(fileURLToPath(config.root));
				const last = existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
				if (last === digest) return;
				const store = join(cacheDir, 'data-store.json');
				if (last !== undefined && existsSync(store)) {
					rmSync(store);
					logger.info('the content schemas changed: stored entries cleared, every file is read again');
				}
				mkdirSync(cacheDir, { recursive: true });
				writeFileSync(marker, digest);
			},
		},
	};
}
