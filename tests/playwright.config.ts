import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tools/chromium.ts';
import { freePort } from './helpers/serve.ts';

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
