import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblems } from '../newsroom/check.ts';

/**
 * Checks the whole content tree before Astro reads it, so one build reports every broken file
 * (Astro's own loader stops at the first) and no MDX file under content/ is ever compiled.
 */
export function contentCheck(): AstroIntegration {
	return {
		name: 'newsroom:content-check',
		hooks: {
			'astro:config:setup': ({ config, logger, command }) => {
				if (command === 'preview') return;
				const started = performance.now();
				const problems = checkContent(fileURLToPath(config.root));
				if (problems.length > 0) throw new Error(formatProblems(problems));
				logger.info(`content checked in ${Math.round(performance.now() - started)} ms`);
			},
		},
	};
}
