import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ADMIN_PATH, type AdminFile, bundleAdmin, bundleInChild, writeAdmin } from '../cms/admin-bundle.ts';

/**
 * The CMS at /admin/: written into the build after Astro has emptied and filled `dist/`, and
 * served from memory by the development server. Reader pages never reference it.
 */
export function adminBundle(): AstroIntegration {
	let root = process.cwd();
	let bundling: Promise<{ files: AdminFile[]; ms: number }> | undefined;
	const startBundling = (cacheDir: string) => {
		const started = performance.now();
		const work = bundleInChild(root, join(cacheDir, 'admin-bundle')).then((files) => ({
			files,
			ms: performance.now() - started,
		}));
		work.catch(() => undefined); // Reported when awaited, at the end of the build.
		return work;
	};
	let cacheDir = join(root, 'node_modules/.astro');
	return {
		name: 'newsroom:admin-bundle',
		hooks: {
			'astro:config:setup': ({ config, command }) => {
				root = fileURLToPath(config.root);
				cacheDir = fileURLToPath(config.cacheDir);
				// A build starts bundling at once, in a child process beside Astro's content loading.
				if (command === 'build') bundling = startBundling(cacheDir);
			},
			'astro:server:setup': ({ server, logger }) => {
				let files: Promise<Map<string, AdminFile>> | undefined;
				server.middlewares.use((request, response, next) => {
					const path = (request.url ?? '').split('?')[0]!;
					if (!path.startsWith(ADMIN_PATH.slice(0, -1))) return next();
					if (path === ADMIN_PATH.slice(0, -1)) {
						response.writeHead(301, { location: ADMIN_PATH }).end();
						return;
					}
					const name = path.slice(ADMIN_PATH.length) || 'index.html';
					// Each visit to the page rebuilds, so edits in admin/ show on reload.
					if (name === 'index.html' || !files) {
						const started = performance.now();
						files = bundleAdmin(root).then((list) => {
							logger.info(`admin bundle rebuilt in ${Math.round(performance.now() - started)} ms`);
							return new Map(list.map((file) => [file.name, file]));
						});
					}
					files
						.then((map) => {
							const file = map.get(name);
							if (!file) return next();
							response
								.writeHead(200, { 'content-type': contentType(name), 'cache-control': 'no-store' })
								.end(file.contents);
						})
						.catch((error: unknown) => {
							logger.error(
								error instanceof Error ? `${error.message}: ${String(error.cause)}` : String(error),
							);
							response
								.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
								.end('The CMS bundle failed to build; see the dev server log.');
						});
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				await writeAdmin(
					bundling ?? startBundling(cacheDir),
					root,
					join(fileURLToPath(dir), ADMIN_PATH),
					logger,
				);
			},
		},
	};
}

function contentType(name: string): string {
	const extension = name.slice(name.lastIndexOf('.') + 1);
	return (
		{
			html: 'text/html; charset=utf-8',
			js: 'text/javascript; charset=utf-8',
			css: 'text/css; charset=utf-8',
			woff2: 'font/woff2',
			woff: 'font/woff',
		}[extension] ?? 'application/octet-stream'
	);
}
