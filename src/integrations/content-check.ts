import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkContentCached } from '../newsroom/check.ts';
import { formatProblems } from '../newsroom/problems.ts';

/**
 * Checks the whole content tree before Astro reads it, so one build reports every broken file
 * (Astro's own loader stops at the first) and no MDX file under content/ is ever compiled.
 * The check is the only validator: the newsroom's indexes trust what it let through. What each
 * Markdown file alone gave is kept in Astro's cache folder by the file's bytes, so a publish
 * parses only new and changed files (`--force` parses all). In `astro dev`, it runs again
 * whenever a content file changes and logs what is wrong.
 */
export function contentCheck(): AstroIntegration {
	let root = '';
	let cacheDir = '';
	return {
		name: 'newsroom:content-check',
		hooks: {
			'astro:config:setup': ({ config, logger, command }) => {
				if (command === 'preview') return;
				root = fileURLToPath(config.root);
				cacheDir = fileURLToPath(config.cacheDir);
				const started = performance.now();
				const { problems, reused, checked } = checkContentCached(root, cacheDir, {
					reuse: !process.argv.includes('--force'),
				});
				if (problems.length > 0) throw new Error(formatProblems(problems));
				logger.info(
					`content checked in ${Math.round(performance.now() - started)} ms (${checked} files parsed, ${reused} unchanged since the last check)`,
				);
			},
			'astro:server:setup': ({ server, logger }) => {
				server.watcher.on('all', (_event, file) => {
					if (relative(root, file).startsWith('content')) {
						const { problems } = checkContentCached(root, cacheDir);
						if (problems.length > 0) logger.error(formatProblems(problems));
					}
				});
			},
		},
	};
}
