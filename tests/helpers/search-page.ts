import type { Page } from '@playwright/test';

/**
 * Runs `query` through the search page's own form, as a reader does, and waits until the results
 * region is no longer busy; then, unless `allPages` is false, opens every page of results.
 * Returns the result links' paths.
 */
export async function searchThroughPage(
	page: Page,
	query: string,
	{ allPages = true } = {},
): Promise<string[]> {
	return page.evaluate(
		async ({ text, allPages }) => {
			const search = document.querySelector('newsroom-search')!;
			const region = search.querySelector('.search-results')!;
			const input = search.querySelector<HTMLInputElement>('#search-query')!;
			const done = new Promise<void>((resolve) => {
				const observer = new MutationObserver(() => {
					if (region.getAttribute('aria-busy') === 'false') {
						observer.disconnect();
						resolve();
					}
				});
				observer.observe(region, { attributes: true, attributeFilter: ['aria-busy'] });
			});
			input.value = text;
			search.querySelector('form')!.requestSubmit();
			await done;
			const more = search.querySelector<HTMLButtonElement>('.search-more')!;
			while (allPages && !more.hidden) {
				const rendered = new Promise((resolve) =>
					search.addEventListener('search-rendered', resolve, { once: true }),
				);
				more.click();
				await rendered;
			}
			return [...search.querySelectorAll('.search-list a')].map((link) => link.getAttribute('href')!);
		},
		{ text: query, allPages },
	);
}
