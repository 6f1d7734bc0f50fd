import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.webp': 'image/webp',
	'.jpg': 'image/jpeg',
	'.png': 'image/png',
	'.xml': 'application/xml',
	'.avif': 'image/avif',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
};
/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createNetServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Text is sent gzipped when the browser asks, as a static host does; Pagefind's files are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * A static file server for a built site on 127.0.0.1 and a free port, in the test's own process
 * so that nothing outlives the test: `/path/` serves `path/index.html`, a missing file is a 404.
 * Reads from disk on every request, so a rebuild or a switched release shows at once.
 */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
	const server = createServer(async (request, response) => {
		try {
			const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
			let file = normalize(join(root, path));
			if (!file.startsWith(normalize(root))) throw new Error('outside the site');
			if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
			await stat(file);
			const type = TYPES[extname(file)] ?? 'application/octet-stream';
			response.setHeader('content-type', type);
			response.setHeader('cache-control', 'no-store');
			if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
				response.setHeader('content-encoding', 'gzip');
				createReadStream(file).pipe(createGzip()).pipe(response);
			} else {
				createReadStream(file).pipe(response);
			}
		} catch {
			response.statusCode = 404;
			response.end('not found');
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
