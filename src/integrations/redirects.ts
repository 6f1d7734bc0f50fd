import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
	loadRedirects,
	mergeRedirectsFile,
	nginxInclude,
	redirectPage,
	redirectPageFile,
	redirectsFileLines,
} from '../outputs/redirects.ts';

/** The nginx include the build writes at the top of the site (src/deploy/nginx.conf includes it). */
export const NGINX_INCLUDE = 'nginx-redirects.conf';

/**
 * After the build, turns `content/redirects/*.yml` into what each host reads: lines added to
 * `_redirects` before its not-found rules, `nginx-redirects.conf`, and an HTML redirect page at
 * every old path. An old path where the build already wrote a page is an error: a redirect
 * must never hide a real page.
 */
export function redirects(): AstroIntegration {
	let root = '';
	let site = '';
	return {
		name: 'newsroom:redirects',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				site = config.site ?? 'http://localhost/';
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const dist = fileURLToPath(dir);
				const { redirects: list, problems } = loadRedirects(join(root, 'content'), 'content');
				if (problems.length > 0)
					throw new Error(
						`content/redirects: ${problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; ')}`,
					);
				const collisions = list.filter((redirect) => existsSync(join(dist, redirectPageFile(redirect.from))));
				if (collisions.length > 0) {
					throw new Error(
						`${collisions.length} redirect(s) would replace a page of the site:\n${collisions
							.map(
								(redirect) =>
									`  ${redirect.file}${redirect.line ? `:${redirect.line}` : ''}: ${redirect.from} is a page of this build`,
							)
							.join('\n')}`,
					);
				}
				try {
					for (const redirect of list) {
						const file = join(dist, redirectPageFile(redirect.from));
						await mkdir(dirname(file), { recursive: true });
						await writeFile(file, redirectPage(redirect, site));
					}
					const redirectsFile = join(dist, '_redirects');
					const existing = existsSync(redirectsFile) ? await readFile(redirectsFile, 'utf8') : '';
					await writeFile(redirectsFile, mergeRedirectsFile(existing, redirectsFileLines(list)));
					await writeFile(join(dist, NGINX_INCLUDE), nginxInclude(list));
				} catch (cause) {
					throw new Error('could not write the redirects', { cause });
				}
				logger.info(
					`${list.length} redirects written (pages, _redirects, ${NGINX_INCLUDE}) in ${Math.round(performance.now() - started)} ms`,
				);
			},
		},
	};
}
