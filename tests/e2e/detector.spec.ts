import { test, expect, RUNNING_SCRIPTS } from './fixtures.ts';

/**
 * The checks every browser test relies on must be able to fail. These pages are broken on
 * purpose; `test.fail()` passes only if the fixture or the assertion rejects them.
 */
test.fail('a failed image request fails the test', async ({ page }) => {
	await page.goto('/');
	await page.evaluate(async () => {
		const img = document.createElement('img');
		img.src = '/no-such-image.png';
		img.alt = '';
		document.body.append(img);
		await new Promise((resolve) => img.addEventListener('error', resolve));
	});
});

test.fail('a console error fails the test', async ({ page }) => {
	await page.goto('/');
	await page.evaluate(() => console.error('broken'));
});

test.fail('a page with a script element fails the no-script check', async ({ page }) => {
	await page.goto('/');
	await page.evaluate(() => document.body.append(document.createElement('script')));
	await expect(page.locator(RUNNING_SCRIPTS)).toHaveCount(0, { timeout: 500 });
});
