import {
	expect,
	expectAccessible,
	fillReport,
	signUpThroughForm,
	storedAmount,
	test,
	uniqueEmail
} from './fixtures';

test('a new consumer signs up, files a report and sees it counted on the scorecard', async ({
	page
}) => {
	await page.goto('/');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Sign up' }).click();
	await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
	await expectAccessible(page);
	await signUpThroughForm(page, {
		email: uniqueEmail('signup'),
		password: 'a long enough password',
		displayName: 'Widow of Girona'
	});
	await expect(page.getByText('Signed in as Widow of Girona')).toBeVisible();

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'File a report' })
		.click();
	await expect(page.getByRole('heading', { name: 'File a report' })).toBeVisible();
	await expectAccessible(page);
	const company = `Ferrovial Telefonia ${Date.now()}`;
	await fillReport(
		page,
		{ name: company, website: `ferrovial-${Date.now()}.example` },
		'Line dead for 112 hours'
	);
	await page.getByRole('button', { name: 'Publish report' }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Line dead for 112 hours' })
	).toBeVisible();
	await expect(page.getByRole('status')).toHaveText('Your report is published.');
	expect(storedAmount(page.url())).toBe(745_500);
	const facts = page.getByRole('region', { name: 'Fact sheet' });
	await expect(facts.getByText('Service outage')).toBeVisible();
	await expect(facts.getByText('Moving house')).toBeVisible();
	await expect(facts.getByText('$7,455.00')).toBeVisible();
	await expect(facts.getByText('$88.77')).toBeVisible();
	await expect(facts.getByText('Regulator or ombudsman')).toBeVisible();
	await expect(page.getByText('By Widow of Girona')).toBeVisible();
	await expect(page.locator('strong', { hasText: '18 hours early' })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: 'test-results/screens/report.png', fullPage: true });

	await facts.getByRole('link', { name: company }).click();
	await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();
	const scorecard = page.getByRole('region', { name: 'Scorecard' });
	// The headline figures: number of reports, and the average rating with its n.
	await expect(scorecard.getByRole('definition').first()).toHaveText('1');
	await expect(scorecard.getByRole('definition').nth(1)).toContainText('1 out of 5');
	await expect(scorecard.getByRole('definition').nth(2)).toHaveText('n = 1');
	await expect(scorecard.getByRole('table', { name: /What failed/ })).toContainText(
		'Service outage'
	);
	await expect(scorecard.getByRole('table', { name: /Effort/ })).toContainText('22');
	await expect(page.getByRole('link', { name: 'Line dead for 112 hours' })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: 'test-results/screens/scorecard.png', fullPage: true });

	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Line dead for 112 hours' }).first()).toBeVisible();
});

test('a bad submission shows each error beside its field and keeps what was typed', async ({
	page,
	user: _user
}) => {
	await page.goto('/reports/new');
	await page.getByLabel('Company name').fill('Nobody Listed Ltd');
	await page.getByLabel('Title').fill('Kept title');
	await page.getByLabel('Number of contacts (optional)').fill('many');
	await page.getByLabel('Started on').fill('2024-05-10');
	await page.getByLabel(/^Ended on/).fill('2024-05-01');
	await page.getByRole('checkbox', { name: 'Chat' }).check();
	await page.getByLabel('What happened, in your words').fill('Too short');
	await page.getByRole('button', { name: 'Publish report' }).click();

	await expect(page.getByRole('alert')).toContainText('Please correct the');
	await expect(page.getByLabel('Number of contacts (optional)')).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(page.getByText('Enter a whole number, like 3.')).toBeVisible();
	await expect(page.getByText('The end cannot be before the start.')).toBeVisible();
	await expect(page.getByText('Write at least 30 characters.')).toBeVisible();
	await expect(page.getByText('Choose a rating from 1 to 5.')).toBeVisible();
	await expect(page.getByLabel('Title')).toHaveValue('Kept title');
	await expect(page.getByLabel('Number of contacts (optional)')).toHaveValue('many');
	await expect(page.getByRole('checkbox', { name: 'Chat' })).toBeChecked();
	await expect(page.getByLabel('What happened, in your words')).toHaveValue('Too short');
	await expectAccessible(page);
});

test('an unknown company without a website is refused with a clear message', async ({
	page,
	user: _user
}) => {
	await page.goto('/reports/new');
	await fillReport(page, { name: `Unlisted Utility ${Date.now()}` }, 'Billed after death');
	await page.getByRole('button', { name: 'Publish report' }).click();
	await expect(
		page.getByText(/is listed yet\. Pick a suggestion, or give its website/)
	).toBeVisible();
	await expect(page.getByLabel('Title')).toHaveValue('Billed after death');
	await expectAccessible(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the report form files a report', async ({ page, user: _user }) => {
		await page.goto('/reports/new');
		const company = `Plain HTML Energy ${Date.now()}`;
		await fillReport(
			page,
			{ name: company, website: `plain-${Date.now()}.example` },
			'Filed with no scripts'
		);
		await page.getByRole('button', { name: 'Preview' }).click();
		await expect(page.getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText(
			'18 hours early'
		);
		await expect(page.getByLabel('Title')).toHaveValue('Filed with no scripts');
		await expect(page.getByLabel('What failed')).toHaveValue('service-outage');
		await page.getByRole('button', { name: 'Publish report' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Filed with no scripts' })
		).toBeVisible();
		await expect(
			page.getByRole('region', { name: 'Fact sheet' }).getByRole('link', { name: company })
		).toBeVisible();
	});

	test('errors are shown and typed values kept', async ({ page, user: _user }) => {
		await page.goto('/reports/new');
		await page.getByLabel('Title').fill('No JS title');
		await page.getByLabel('Currency').selectOption('EUR');
		await page.getByLabel('Amount in dispute (optional)').fill('12.345');
		await page.getByRole('button', { name: 'Publish report' }).click();
		await expect(page.getByText('This currency has 2 decimal places at most.')).toBeVisible();
		await expect(page.getByLabel('Company name')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Title')).toHaveValue('No JS title');
		await expect(page.getByLabel('Currency')).toHaveValue('EUR');
		await expect(page.getByLabel('Amount in dispute (optional)')).toHaveValue('12.345');
	});
});

test('a logged-out visitor is sent to log in and comes back to the form', async ({ page }) => {
	await page.goto('/signup');
	const email = uniqueEmail('return');
	await signUpThroughForm(page, { email, password: 'a long enough password' });
	await page.getByRole('button', { name: 'Log out' }).click();
	await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

	await page.goto('/reports/new');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Freports%2Fnew/);
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password').fill('wrong password');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'That e-mail and password do not match an account.'
	);
	await expect(page.getByLabel('E-mail address')).toHaveValue(email);
	await page.getByLabel('Password').fill('a long enough password');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL(/\/reports\/new$/);
	await expect(page.getByRole('heading', { name: 'File a report' })).toBeVisible();
});
