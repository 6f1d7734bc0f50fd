import { contentArticles, isPublished } from '../helpers/content.ts';
import { searchThroughPage } from '../helpers/search-page.ts';
import { test, expect } from './fixtures.ts';

const hidden = contentArticles().filter((article) => !isPublished(article));

test.describe('the header search form, on every page', () => {
	test.use({ javaScriptEnabled: false });

	for (const [path, action] of [
		['/', '/search/'],
		['/en/', '/en/search/'],
		['/archive/', '/search/'],
		['/en/category/world/', '/en/search/'],
	] as const) {
		test(`${path} has a GET search form to ${action} that works without scripts`, async ({ page }) => {
			await page.goto(path);
			const form = page.locator('header form[role="search"]');
			await expect(form).toHaveAttribute('action', action);
			await expect(form).toHaveAttribute('method', 'get');
			await form.getByRole('searchbox').fill('الوزير');
			await form.getByRole('searchbox').press('Enter');
			await expect(page).toHaveURL(`${action}?q=${encodeURIComponent('الوزير')}`);
			await expect(page.locator('h1')).toBeVisible();
		});
	}
});

test('an Arabic search shows linked results in an ordered list, with the matched words highlighted as written', async ({
	page,
}) => {
	await page.goto(`/search/?q=${encodeURIComponent('الوزير')}`);
	const region = page.locator('.search-results');
	await expect(region).toHaveAttribute('aria-busy', 'false');
	const results = region.locator('ol > li');
	await expect(results.first()).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('#search-query')).toHaveValue('الوزير');
	const first = results.first();
	await expect(first.locator('h2 a')).toHaveAttribute('href', /^\/news\/[a-z0-9-]+\/$/);
	await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
	await expect(first.locator('time')).toHaveText(/[0-9]{4}/);
	await expect(first.locator('.card-meta span')).not.toBeEmpty();
	// The highlight is the word as the article writes it, never the analysed form.
	const marks = await region.locator('mark').allTextContents();
	expect(marks.length).toBeGreaterThan(0);
	for (const mark of marks) expect(mark).toMatch(/^(ال|و|وال)?وزير$/);
	await expect(region.locator('.search-status')).toHaveText(/نتيج/);
});

test('a result with a lead image has a thumbnail', async ({ page }) => {
	await page.goto(`/search/?q=${encodeURIComponent('الموازنة')}`);
	const image = page.locator('.search-list img').first();
	await expect(image).toBeVisible();
	// Visible once laid out; loaded a moment later.
	await expect
		.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
		.toBe(true);
});

test('the results region is busy while a search runs', async ({ page }) => {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/pagefind/ar/*/pagefind.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(`/search/?q=${encodeURIComponent('الوزير')}`);
	await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'true');
	release();
	await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
	await expect(page.locator('.search-list li').first()).toBeVisible();
});

test('filters by section and year, and sorts newest first, kept in the URL', async ({ page }) => {
	await page.goto(`/search/?q=${encodeURIComponent('في')}`);
	const links = page.locator('.search-list a');
	await expect(links.first()).toBeVisible();
	const all = await searchThroughPage(page, 'في');
	await page.locator('#search-section').selectOption('economy');
	await expect(page).toHaveURL(/section=economy/);
	await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
	const economy = await page.locator('.search-list .card-meta span').allTextContents();
	expect(economy.length).toBeGreaterThan(0);
	expect(economy.length).toBeLessThan(all.length);
	for (const name of economy) expect(name).toBe('اقتصاد');
	await page.locator('#search-section').selectOption('');
	await page.locator('#search-sort').selectOption('date');
	await expect(page).toHaveURL(/sort=date/);
	await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
	const dates = await page
		.locator('.search-list time')
		.evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
	expect(dates.length).toBeGreaterThan(1);
	expect([...dates].sort().reverse()).toEqual(dates);
	await page.locator('#search-year').selectOption('2022');
	await expect(page).toHaveURL(/year=2022/);
	await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
	for (const date of await page
		.locator('.search-list time')
		.evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!))) {
		expect(date.startsWith('2022')).toBe(true);
	}
	// Reloading the URL shows the same search.
	await page.reload();
	await expect(page.locator('#search-year')).toHaveValue('2022');
	await expect(page.locator('#search-sort')).toHaveValue('date');
});

test('a search with no results says so', async ({ page }) => {
	await page.goto(`/search/?q=${encodeURIComponent('زمردةغيرموجودة')}`);
	await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
	await expect(page.locator('.search-status')).toContainText('لا نتائج');
	await expect(page.locator('.search-list li')).toHaveCount(0);
});

test('the search works from the keyboard alone', async ({ page }) => {
	await page.goto('/search/');
	await expect(page.locator('.search-status')).toHaveText('اكتب كلمة أو أكثر للبحث.');
	await page.locator('#search-query').focus();
	await page.keyboard.type('الوزير');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\?q=/);
	const link = page.locator('.search-list a').first();
	await expect(link).toBeVisible();
	for (let i = 0; i < 10 && !(await link.evaluate((a) => a === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(link).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/news\/[a-z0-9-]+\/$/);
	// Back returns to the search, as it was.
	await page.goBack();
	await expect(page.locator('#search-query')).toHaveValue('الوزير');
});

test('the English search page is in English, left to right, and finds English stories', async ({ page }) => {
	await page.goto('/en/search/?q=banks');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(page.locator('.search-list a').first()).toHaveAttribute('href', /^\/en\/news\//);
	await expect(page.locator('.search-list mark').first()).toHaveText(/^bank/i);
});

for (const article of hidden) {
	test(`${article.slug} (not published) is not in the search index`, async ({ page }) => {
		await page.goto(article.locale === 'ar' ? '/search/' : '/en/search/');
		const links = await searchThroughPage(page, article.data.title);
		expect(links).not.toContain(`${article.locale === 'ar' ? '' : '/en'}/news/${article.slug}/`);
	});
}

for (const [name, query] of [
	['only punctuation', '؟!،.؛«»()-—…'],
	['a 1,000-character query', 'وزير '.repeat(200)],
	['markup', '<img src=x onerror=alert(1)>'],
	['a script', '"><script>alert(1)</script>'],
] as const) {
	test(`a query of ${name} is harmless`, async ({ page }) => {
		let dialogs = 0;
		page.on('dialog', async (dialog) => {
			dialogs++;
			await dialog.dismiss();
		});
		await page.goto(`/search/?q=${encodeURIComponent(query)}`);
		await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
		await page.waitForTimeout(200);
		expect(dialogs).toBe(0);
		await expect(
			page.locator('main img[src="x"], main script:not([src]), .search-results script'),
		).toHaveCount(0);
		await expect(page.locator('.search-status')).not.toBeEmpty();
		// The query comes back as text, not markup.
		await expect(page.locator('#search-query')).toHaveValue(query.slice(0, 200));
	});
}

test('no page but the search page loads the search code', async ({ page }) => {
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	for (const path of ['/', '/en/', '/archive/']) await page.goto(path);
	expect(requests.filter((url) => /pagefind|\.js$/.test(url))).toEqual([]);
});
