import { expect, expectAccessible, fillRequiredFields, test } from './fixtures';

test('personal data in a report is shown to the author before publishing and kept out of public text', async ({
	page,
	user: _user
}) => {
	await page.goto('/reports/new');
	const company = `Privacy Power ${Date.now()}`;
	await fillRequiredFields(page, {
		company,
		title: 'Cut off while the account was being transferred',
		category: 'Billing error',
		outcome: 'Unresolved',
		stars: 2,
		narrative:
			'They said to call +34 600 123 456 or write to maria@example.com. Account number 88213377.'
	});
	await page.getByRole('button', { name: 'Publish report' }).click();
	const notice = page.getByRole('alert');
	await expect(notice).toContainText('Your report contains personal data');
	await expect(notice).toContainText('Phone number: +34 600 123 456');
	await expect(notice).toContainText('E-mail address: maria@example.com');
	await expect(notice).toContainText('Account or reference number: 88213377');
	// Nothing was lost: the text is still there to edit.
	await expect(page.getByLabel('What happened, in your words')).toHaveValue(/maria@example.com/);
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Publish report' }).click();
	await expect(page.getByRole('status')).toHaveText('Your report is published.');
	const account = page.getByRole('region', { name: "The consumer's account" });
	await expect(account).toContainText(
		'They said to call [phone removed] or write to [email removed]. Account number [account number removed].'
	);
	await expect(page.locator('body')).not.toContainText('600 123 456');
	const id = page.url().match(/reports\/(\d+)/)![1];
	const exported = await page.request.get(`/api/v1/reports/${id}`);
	expect(await exported.text()).not.toContain('maria@example.com');
});

test('the preview shows what will go and keeps links working', async ({ page, user: _user }) => {
	await page.goto('/reports/new');
	await fillRequiredFields(page, {
		company: `Preview Post ${Date.now()}`,
		title: 'Parcel sent to the wrong street',
		category: 'Billing error',
		outcome: 'Unresolved',
		stars: 2,
		narrative:
			'My [order 4500123456](https://shop.example/orders/4500123456) went to Carrer de Mallorca, 401 ' +
			'on 2024.03.15 14:30 and card 4111.1111.1111.1111 was charged.'
	});
	await page.getByRole('button', { name: 'Preview' }).click();
	const notice = page.getByRole('alert');
	await expect(notice).toContainText('Street address: Carrer de Mallorca, 401');
	await expect(notice).toContainText('Card number: 4111.1111.1111.1111');
	await expect(notice).not.toContainText('4500123456');
	await expect(notice).not.toContainText('14:30');
	const preview = page.getByRole('region', { name: 'Preview' });
	await expect(preview.getByRole('link', { name: 'order 4500123456' })).toHaveAttribute(
		'href',
		'https://shop.example/orders/4500123456'
	);
	await expect(preview).toContainText(
		'went to [address removed] on 2024.03.15 14:30 and card [card number removed] was charged.'
	);
	await expectAccessible(page);
});
