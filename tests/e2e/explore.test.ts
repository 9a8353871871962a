import { expect, expectAccessible, fillRequiredFields, signIn, test } from './fixtures';

test('a journalist filters, searches and keeps a permalink of the view', async ({
	page,
	baseURL
}) => {
	const stamp = Date.now().toString(36);
	await signIn(page, baseURL!);
	const company = `Explorable Post ${stamp}`;
	for (const [title, narrative] of [
		[
			`Shipping fee ${stamp}`,
			`A shipping fee of 7455 dollars on 88 dollars of goods, code zq${stamp}.`
		],
		[`Refund refused ${stamp}`, `They refused the refund for the parcel, code zq${stamp}.`]
	] as const) {
		await page.goto('/reports/new');
		await fillRequiredFields(page, {
			company,
			title,
			category: 'Refund refused',
			outcome: 'Resolved',
			stars: 2,
			narrative
		});
		await page.getByRole('button', { name: 'Publish report' }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	}

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Explore' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Explore reports' })).toBeVisible();
	await page.getByLabel('Company (name or address slug)').fill(company);
	await page.getByLabel('What failed').selectOption({ label: 'Refund refused' });
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page.getByRole('heading', { name: '2 matching reports' })).toBeVisible();
	await expect(page).toHaveURL(/company=explorable-post-[a-z0-9]+/);
	await expectAccessible(page);

	await page.getByLabel('Words in the title, product or account').fill('SHIPPING fee');
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page.getByRole('heading', { name: '1 matching report' })).toBeVisible();
	await expect(page.getByRole('link', { name: `Shipping fee ${stamp}` })).toBeVisible();
	await expect(page.locator('mark').first()).toHaveText(/shipping/i);
	await expectAccessible(page);
	await page.screenshot({ path: 'test-results/screens/explore.png', fullPage: true });

	// The address alone reproduces the view.
	const permalink = page.url();
	const fresh = await page.context().newPage();
	await fresh.goto(permalink);
	await expect(fresh.getByRole('heading', { name: '1 matching report' })).toBeVisible();
	await expect(fresh.getByLabel('What failed')).toHaveValue('refund-refused');
	await fresh.close();

	// The same view taken away as CSV, JSON and Atom.
	const query = new URL(permalink).search;
	const csv = await page.request.get(`/explore/export.csv${query}`);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const csvText = await csv.text();
	expect(csvText).toContain(`Shipping fee ${stamp}`);
	expect(csvText).not.toContain(`Refund refused ${stamp}`);
	const json = await (await page.request.get(`/explore/export.json${query}`)).json();
	expect(json.map((r: { title: string }) => r.title)).toEqual([`Shipping fee ${stamp}`]);
	const atom = await (
		await page.request.get(`/explore/feed?company=${json[0].company_slug}`)
	).text();
	expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
	expect(atom).toContain(`Refund refused ${stamp}`);
	await page.getByRole('link', { name: 'What the columns mean' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'The data: columns and licence' })
	).toBeVisible();
	await expectAccessible(page);
});

test('an unknown company name or slug is reported beside the field', async ({ page }) => {
	for (const typed of ['Nobody Listed Anywhere', 'nobody-listed-anywhere']) {
		await page.goto(`/explore?company=${encodeURIComponent(typed)}`);
		await expect(page.getByText(`No company matches “${typed}”.`)).toBeVisible();
		await expect(page.getByLabel('Company (name or address slug)')).toHaveAttribute(
			'aria-invalid',
			'true'
		);
	}
	await expectAccessible(page);
});

// Before: /explore?category=biling-error dropped the value and counted, listed and exported every report.
test('an unknown filter value is shown beside its filter and widens nothing, on the page, its export and its feed', async ({
	page,
	request
}) => {
	await page.goto('/explore?category=biling-error&outcome=resolved');
	const category = page.getByLabel('What failed');
	await expect(category).toHaveAttribute('aria-invalid', 'true');
	await expect(category).toHaveAccessibleDescription(
		/“biling-error” is not a value this filter takes/
	);
	await expect(
		page.getByRole('heading', {
			name: 'No reports shown: a filter has a value that cannot be read'
		})
	).toBeVisible();
	await expect(page.getByRole('heading', { name: /matching report/ })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveCount(0);
	await expectAccessible(page);

	await page.goto('/explore?from=2024-13-01');
	await expect(page.getByLabel('Started on or after')).toHaveAccessibleDescription(
		/“2024-13-01” is not a value/
	);

	for (const path of [
		'/explore/export.csv?category=biling-error',
		'/explore/export.json?category=biling-error',
		'/explore/feed?category=biling-error'
	]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(400);
		expect(await response.json()).toMatchObject({
			parameter: 'category',
			value: 'biling-error',
			allowed: expect.arrayContaining(['billing-error'])
		});
	}
});
