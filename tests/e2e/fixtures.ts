import { test as base, expect } from '@playwright/test';

/**
 * Every browser test fails if the page logged an error, threw, or failed a request: what a
 * reader would see as a broken page is a failure even when the test's own checks pass.
 */
export const test = base.extend<{ pageProblems: string[] }>({
	pageProblems: [
		async ({ page }, use) => {
			const problems: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error' || message.type() === 'warning')
					problems.push(`console ${message.type()}: ${message.text()}`);
			});
			page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
			page.on('requestfailed', (request) => {
				// A navigation cancels what the previous page was still loading: that is not a fault.
				if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
				problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
			});
			page.on('response', (response) => {
				if (response.status() >= 400 && response.request().resourceType() !== 'document') {
					problems.push(`HTTP ${response.status()}: ${response.url()}`);
				}
			});
			await use(problems);
			expect(problems, 'the page had console errors or failed requests').toEqual([]);
		},
		{ auto: true },
	],
});

export { expect };

/** Scripts that run. JSON-LD is a data block, not a script, and is expected on every page. */
export const RUNNING_SCRIPTS = 'script:not([type="application/ld+json"])';
