import { createServer } from 'node:net';
import { defineConfig, devices } from '@playwright/test';

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

/** Debian's Chromium: browser downloads are impossible here. CHROMIUM_PATH overrides it. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
			],
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
