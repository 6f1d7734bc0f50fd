import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

/**
 * A static file server over `root` (a deploy target's `current` link), on 127.0.0.1 and a free
 * port. Like nginx, it goes through the link on every request. The caller closes it.
 */
export function serveCurrent(root: string): Promise<{ server: Server; url: string }> {
	const server = createServer(async (request, response) => {
		let path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		if (path.endsWith('/')) path += 'index.html';
		try {
			const body = await readFile(join(root, path));
			response.writeHead(200, {
				'content-type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream',
			});
			response.end(body);
		} catch {
			response.writeHead(404).end();
		}
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
		),
	);
}

/**
 * A reader requesting `paths` from `url` in turn until `until` settles, at most `maxRequests`
 * times or five minutes. Anything but a whole page (status 200, at least 1,000 bytes, ending in
 * </html>) is a failure. Also collects the first heading of every page seen.
 */
export async function readWhile(url: string, paths: string[], until: Promise<unknown>, maxRequests = 20_000) {
	let done = false;
	void until.finally(() => (done = true));
	const failures: string[] = [];
	const headings = new Set<string>();
	let requests = 0;
	const deadline = Date.now() + 300_000;
	while (!done && requests < maxRequests && Date.now() < deadline) {
		const path = paths[requests % paths.length]!;
		requests++;
		try {
			const response = await fetch(`${url}${path}`);
			const body = await response.text();
			if (response.status !== 200) failures.push(`${path}: status ${response.status}`);
			else if (body.length < 1000 || !body.trimEnd().endsWith('</html>'))
				failures.push(`${path}: ${body.length} bytes, incomplete`);
			const heading = /<h1[^>]*>([^<]*)</.exec(body)?.[1]?.trim();
			if (heading) headings.add(heading);
		} catch (error) {
			failures.push(`${path}: ${(error as Error).message}`);
		}
		// A short pause: the reader must not starve the build it is watching of CPU.
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
	return { requests, failures, headings };
}
