import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../newsroom/check.ts';
import { formatProblems } from '../newsroom/problems.ts';

/**
 * Checks the whole content tree before Astro reads it, so one build reports every broken file
 * (Astro's own loader stops at the first) and no MDX file under content/ is ever compiled.
 * The check is the only validator: the newsroom's indexes trust what it let through. In
 * `astro dev`, it runs again whenever a content file changes and logs what is wrong.
 */
export function contentCheck(): AstroIntegration {
	let root = '';
	return {
		name: 'newsroom:content-check',
		hooks: {
			'astro:config:setup': ({ config, logger, command }) => {
				if (command === 'preview') return;
				root = fileURLToPath(config.root);
				const started = performance.now();
				const problems = checkContent(root);
				if (problems.length > 0) throw new Error(formatProblems(problems));
				logger.info(`content checked in ${Math.round(performance.now() - started)} ms`);
			},
			'astro:server:setup': ({ server, logger }) => {
				server.watcher.on('all', (_event, file) => {
					if (relative(root, file).startsWith('content')) {
						const problems = checkContent(root);
						if (problems.length > 0) logger.error(formatProblems(problems));
					}
				});
			},
		},
	};
}
