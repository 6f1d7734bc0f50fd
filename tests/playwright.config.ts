import { createServer } from 'node:net';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../src/lib/chromium.ts';

/** A free port on 127.0.0.1, chosen once by the runner and passed to its workers through the environment. */
async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

process.env.E2E_PORT ??= String(await freePort());
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
	testDir: 'e2e',
	outputDir: '../test-results/e2e',
	fullyParallel: true,
	workers: 2,
	forbidOnly: true,
	reporter: [['list']],
	use: {
		baseURL,
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: chromiumPath,
			args: chromiumArgs,
		},
	},
	webServer: {
		// The real site: built from content/ and served from dist/ by Astro's static server.
		cwd: '..',
		command: `npm run build && npx astro preview --ignore-lock --host 127.0.0.1 --port ${process.env.E2E_PORT}`,
		url: baseURL,
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'ignore',
		stderr: 'pipe',
	},
});
