import { expect, expectAccessible, fillRequiredFields, signIn, test } from './fixtures';
import type { Page } from '@playwright/test';

async function fileDeathBillingReport(page: Page, company: string, title: string) {
	await page.goto('/reports/new');
	await fillRequiredFields(page, {
		company,
		title,
		category: 'Billing error',
		outcome: 'Unresolved',
		stars: 1,
		narrative: 'After my husband died they kept billing me as if the account were in arrears.'
	});
	await page
		.getByLabel('What triggered it (optional)')
		.selectOption({ label: 'Death of the account holder' });
	await page.getByRole('checkbox', { name: 'Regulator or ombudsman' }).check();
	await page.getByRole('button', { name: 'Publish report' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a failure reported at two companies becomes a pattern; others can say “me too”', async ({
	page,
	browser,
	baseURL
}) => {
	const stamp = Date.now().toString(36);
	await signIn(page, baseURL!);
	await fileDeathBillingReport(page, `Widow Power ${stamp}`, `Billed in arrears ${stamp}`);
	const firstReport = page.url().replace(/\?.*$/, '');
	await fileDeathBillingReport(page, `Widow Water ${stamp}`, `Water arrears ${stamp}`);

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Patterns' })
		.click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Recurring failure patterns' })
	).toBeVisible();
	await expectAccessible(page);
	const link = page.getByRole('link', {
		name: 'Billing error after the death of the account holder'
	});
	await link.click();
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: 'Billing error after the death of the account holder'
		})
	).toBeVisible();
	const affected = page.getByRole('region', { name: 'Companies most affected' });
	await expect(affected.getByRole('link', { name: `Widow Power ${stamp}` })).toBeVisible();
	await expect(affected.getByRole('link', { name: `Widow Water ${stamp}` })).toBeVisible();
	await expect(
		page.getByRole('img', { name: /Reports by the month the problem started/ })
	).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: 'test-results/screens/pattern.png', fullPage: true });

	// The second report's page lists the first as similar (another company).
	await page.goto(firstReport);
	await expect(page.getByText('0 people say this happened to them too')).toBeVisible();
	await expect(page.getByRole('button', { name: 'This happened to me too' })).toHaveCount(0);

	const otherContext = await browser.newContext({ baseURL });
	const other = await otherContext.newPage();
	await signIn(other, baseURL!);
	await other.goto(firstReport);
	await expect(
		other
			.getByRole('region', { name: 'Similar reports' })
			.getByRole('link', { name: `Water arrears ${stamp}` })
	).toBeVisible();
	await other.getByRole('button', { name: 'This happened to me too' }).click();
	await expect(other.getByText('1 person says this happened to them too')).toBeVisible();
	await expect(other.getByText('You said this happened to you too.')).toBeVisible();
	await expectAccessible(other);
	await other.getByRole('button', { name: 'Take back my “me too”' }).click();
	await expect(other.getByText('0 people say this happened to them too')).toBeVisible();
	await otherContext.close();
});

test('unknown patterns are 404 pages', async ({ page }) => {
	const response = await page.goto('/patterns/billing-error-after-nothing');
	expect(response?.status()).toBe(404);
});
