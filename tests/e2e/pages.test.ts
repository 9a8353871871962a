import { expect, expectAccessible, fillRequiredFields, signIn, test } from './fixtures';

test('unknown companies and reports are friendly 404 pages', async ({ page }) => {
	for (const path of [
		'/companies/no-such-company',
		'/reports/999999999',
		'/reports/abc',
		'/nowhere'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByRole('heading', { name: 'We could not find that page.' })).toBeVisible();
	}
	await expectAccessible(page);
});

test('the author can edit a report; another user is refused', async ({
	page,
	browser,
	baseURL
}) => {
	await signIn(page, baseURL!);
	await page.goto('/reports/new');
	const company = `Editable Bank ${Date.now()}`;
	await fillRequiredFields(page, {
		company,
		title: 'Account closed without refund',
		category: 'Account closed',
		outcome: 'Unresolved',
		stars: 2,
		narrative: 'They closed my account and kept the €412 balance for months.'
	});
	await page.getByRole('button', { name: 'Publish report' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Account closed without refund' })
	).toBeVisible();
	const reportUrl = page.url().replace(/\?.*$/, '');

	await page.getByRole('link', { name: 'Edit this report' }).click();
	await expect(page.getByRole('heading', { name: 'Edit your report' })).toBeVisible();
	await expect(page.getByLabel('Company name')).toHaveValue(company);
	await expect(page.getByRole('radio', { name: '2 stars' })).toBeChecked();
	await expectAccessible(page);
	await page.getByLabel('Outcome').selectOption({ label: 'Partly resolved' });
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toHaveText('Your changes are saved.');
	await expect(
		page.getByRole('region', { name: 'Fact sheet' }).getByText('Partly resolved')
	).toBeVisible();

	const otherContext = await browser.newContext({ baseURL });
	const other = await otherContext.newPage();
	await signIn(other, baseURL!);
	await other.goto(reportUrl);
	await expect(other.getByRole('link', { name: 'Edit this report' })).toHaveCount(0);
	const response = await other.goto(`${reportUrl}/edit`);
	expect(response?.status()).toBe(403);
	await expect(other.getByRole('heading', { name: 'You cannot do that.' })).toBeVisible();
	await otherContext.close();
});

test('the company list and search lead to a scorecard', async ({ page, user: _user }) => {
	await page.goto('/reports/new');
	const company = `Searchable Water ${Date.now()}`;
	await fillRequiredFields(page, {
		company,
		title: 'Water bill doubled',
		category: 'Billing error',
		outcome: 'Resolved',
		stars: 3,
		narrative: 'The bill doubled without any change in how much water we used.'
	});
	await page.getByRole('button', { name: 'Publish report' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Water bill doubled' })).toBeVisible();

	await page.goto('/');
	// The whole record in figures, each leading to its list (issue 18 item 3).
	const totals = page.getByRole('region', { name: 'Recourse in figures' });
	await expect(totals.getByRole('term')).toHaveText([
		'Public reports',
		'Companies reported',
		'Patterns across companies',
		'Company answers',
		'“Me too” signals'
	]);
	await expect(totals.getByRole('definition').first()).toHaveText(/^[1-9][\d,]*$/);
	await expect(totals.getByRole('link').first()).toHaveAttribute('href', '/explore');
	await page.getByRole('searchbox', { name: 'Search companies' }).fill('searchable water');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('heading', { name: /Companies matching/ })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: company }).click();
	await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();

	const suggestions = await page.request.get('/companies/suggest?q=searchable');
	expect(await suggestions.json()).toContainEqual({ slug: expect.any(String), name: company });

	await page.goto('/companies');
	await expect(page.getByRole('heading', { level: 1, name: 'Companies' })).toBeVisible();
	await expect(page.getByRole('link', { name: company })).toBeVisible();
	await expectAccessible(page);
});
