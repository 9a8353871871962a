import { expect, expectAccessible, test } from './fixtures';

// Issue 18: on a phone, explore's filters fold behind one line that says how many are in force,
// and the first thing under the title is what matched; with or without JavaScript.
for (const javaScriptEnabled of [false, true]) {
	test.describe(`on a phone, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ viewport: { width: 320, height: 640 }, javaScriptEnabled });

		test('explore shows the results first and folds the filters behind "Filters (n active)"', async ({
			page
		}) => {
			await page.goto('/explore');
			const category = page.getByLabel('What failed');
			await expect(category).toBeHidden();
			const count = page.getByRole('heading', { level: 2, name: /matching report/ });
			const box = await count.boundingBox();
			expect(box!.y + box!.height).toBeLessThan(640);
			// axe-core runs in the page: the JavaScript-on pass checks these very pages.
			if (javaScriptEnabled) await expectAccessible(page);

			await page
				.getByRole('main')
				.locator('summary', { hasText: /^Filters/ })
				.click();
			await category.selectOption({ label: 'Billing error' });
			await page.getByLabel('Source').selectOption({ label: 'Recourse' });
			await page.getByRole('button', { name: 'Apply filters' }).click();
			await expect(page).toHaveURL(/category=billing-error/);
			await expect(page.getByRole('main').locator('summary', { hasText: /^Filters/ })).toHaveText(
				'Filters (2 active)'
			);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBe(320);

			// A refused filter opens the fold, so its message is seen beside its field.
			await page.goto('/explore?from=someday');
			await expect(page.getByLabel('Started on or after')).toBeVisible();
			await expect(page.getByLabel('Started on or after')).toHaveAttribute('aria-invalid', 'true');
			if (javaScriptEnabled) await expectAccessible(page);
		});
	});
}

test('on a wide screen the filters stand open beside the results, with no folding line', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/explore?category=billing-error');
	await expect(page.getByLabel('What failed')).toBeVisible();
	await expect(page.getByRole('main').locator('summary', { hasText: /^Filters/ })).toBeHidden();
	await expectAccessible(page);
});
