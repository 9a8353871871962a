/**
 * A report with several failures and circumstances (issue 14 item 1, decision 028), filed on a
 * phone-sized screen without JavaScript: its page names all of them, and each of its patterns counts it.
 */
import { expect, expectAccessible, fillRequiredFields, test } from './fixtures';

test.describe('without JavaScript, 320 px wide', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 900 } });

	test('files two failures after two circumstances, shown on its page and counted in each pattern', async ({
		page,
		browser,
		user: _user
	}) => {
		const stamp = Date.now().toString(36);
		const title = `Billed and closed after a death ${stamp}`;
		await page.goto('/reports/new');
		await fillRequiredFields(page, {
			company: `Widow Telecom ${stamp}`,
			title,
			category: 'Billing error',
			outcome: 'Unresolved',
			stars: 1,
			narrative: 'After my husband died they billed the account and then closed it in my name.'
		});
		const more = page.getByRole('group', { name: 'Anything else that failed (optional)' });
		await more.getByRole('checkbox', { name: 'Account closed' }).check();
		await page
			.getByLabel('What triggered it (optional)')
			.selectOption({ label: 'Death of the account holder' });
		const circumstances = page.getByRole('group', {
			name: 'Other circumstances at the same time (optional)'
		});
		await circumstances.getByRole('checkbox', { name: 'Name change' }).check();

		// The preview keeps every box as it was ticked.
		await page.getByRole('button', { name: 'Preview' }).click();
		await expect(more.getByRole('checkbox', { name: 'Account closed' })).toBeChecked();
		await expect(circumstances.getByRole('checkbox', { name: 'Name change' })).toBeChecked();
		await page.getByRole('button', { name: 'Publish report' }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

		const facts = page.getByRole('region', { name: 'Fact sheet' });
		await expect(facts).toContainText('Billing error, Account closed');
		await expect(facts).toContainText('Death of the account holder, Name change');
		const reportUrl = page.url().replace(/\?.*$/, '');

		// Each of its four patterns lists it; the one of its further failure and circumstance too.
		await page
			.getByRole('link', { name: 'Pattern: Account closed after a change of name' })
			.click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Account closed after a change of name' })
		).toBeVisible();
		// No other test files an account closed after a change of name: this report is its one.
		await expect(page.getByRole('main')).toContainText(/\b1 report\b/);
		await expect(page.getByRole('link', { name: title })).toBeVisible();
		const patternUrl = page.url();

		// Editing keeps the boxes ticked.
		await page.goto(`${reportUrl}/edit`);
		await expect(
			page
				.getByRole('group', { name: 'Anything else that failed (optional)' })
				.getByRole('checkbox', { name: 'Account closed' })
		).toBeChecked();

		// axe runs in the page: the same pages, same width and session, with scripts on.
		const context = await browser.newContext({
			javaScriptEnabled: true,
			viewport: { width: 320, height: 900 },
			storageState: await page.context().storageState()
		});
		const axe = await context.newPage();
		for (const url of ['/reports/new', `${reportUrl}/edit`, reportUrl, patternUrl]) {
			await axe.goto(url);
			await expect(axe.getByRole('heading', { level: 1 })).toBeVisible();
			await expectAccessible(axe);
		}
		await context.close();
	});
});
