import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/**
 * Serves the built `dist/` of a site copy with Astro's own static server on 127.0.0.1, and
 * returns its base URL and a function that stops it (by its own process id).
 */
export async function serveSite(root: string): Promise<{ url: string; stop: () => void }> {
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[join(root, 'node_modules/astro/bin/astro.mjs'), 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
		{ cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' },
	);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			if ((await fetch(url)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline || child.exitCode !== null) {
			child.kill();
			throw new Error(`the preview server of ${root} did not start`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return { url, stop: () => child.kill() };
}
