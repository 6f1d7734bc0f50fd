import { rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Astro writes `src/pages/404.astro` as `404.html` but every other 404 page as a folder
 * (`en/404/index.html`). Static hosts and nginx look for `<prefix>/404.html`, so this moves
 * each language's not-found page there after the build.
 */
export function notFoundPages(prefixes: string[]): AstroIntegration {
	return {
		name: 'newsroom:not-found-pages',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				for (const prefix of prefixes) {
					const folder = fileURLToPath(new URL(`${prefix}/404/`, dir));
					const target = fileURLToPath(new URL(`${prefix}/404.html`, dir));
					try {
						await rename(`${folder}index.html`, target);
						await rm(folder, { recursive: true });
					} catch (cause) {
						throw new Error(`could not move the ${prefix} not-found page to ${target}`, { cause });
					}
					logger.info(`${prefix}/404.html written`);
				}
			},
		},
	};
}
