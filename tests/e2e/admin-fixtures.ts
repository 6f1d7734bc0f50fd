import { test as base, expect } from '@playwright/test';

/**
 * Messages Decap CMS itself logs while working normally. The admin is a third-party React app:
 * these are known and harmless, and anything else still fails the test as on reader pages.
 */
const KNOWN_CMS_MESSAGES = [
	// Its version banner and local-backend discovery (console.log, listed for clarity).
	/^decap-cms-(app|core) \d/,
	/Decap CMS Proxy Server/,
	// An entry that exists only in English (no Arabic file yet) is listed with this warning.
	/^Could not locale entry for default locale 'ar'/,
];

/**
 * Like `fixtures.ts`: a test fails when the page threw, failed a request or logged an error or
 * warning, except the CMS's own known messages above.
 */
export const test = base.extend<{ pageProblems: string[] }>({
	pageProblems: [
		async ({ page }, use) => {
			const problems: string[] = [];
			/** Requests the editorial workflow answers with 404 by design, kept to excuse Chromium's log line. */
			const expected404 = new Set<string>();
			page.on('console', (message) => {
				if (message.type() !== 'error' && message.type() !== 'warning') return;
				if (KNOWN_CMS_MESSAGES.some((known) => known.test(message.text()))) return;
				if (/status of 404/.test(message.text()) && expected404.has(message.location().url)) return;
				problems.push(`console ${message.type()}: ${message.text()}`);
			});
			page.on('pageerror', (error) => {
				// Decap rejects its save with no reason when the form has errors, and nothing catches it
				// (decap-cms-core actions/entries.js, persistEntry: `return Promise.reject()`).
				if (error.message === 'undefined' && !error.stack?.includes('\n')) return;
				problems.push(`page error: ${error.message}`);
			});
			page.on('requestfailed', (request) => {
				if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
				problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
			});
			page.on('response', (response) => {
				if (response.status() < 400 || response.request().resourceType() === 'document') return;
				// In git mode Decap asks for every entry it opens whether it has a draft: "no" is a 404.
				if (
					response.status() === 404 &&
					/"action":"unpublishedEntry"/.test(response.request().postData() ?? '')
				) {
					expected404.add(response.url());
					return;
				}
				problems.push(`HTTP ${response.status()}: ${response.url()}`);
			});
			await use(problems);
			expect(problems, 'the CMS had console errors or failed requests').toEqual([]);
		},
		{ auto: true },
	],
});

export { expect };
