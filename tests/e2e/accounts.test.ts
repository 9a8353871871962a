import {
	expect,
	expectAccessible,
	latestMailTo,
	signUpThroughForm,
	test,
	uniqueEmail
} from './fixtures';

test('a common password is refused when a new account chooses it, beside the field', async ({
	page
}) => {
	await page.goto('/signup');
	await signUpThroughForm(page, { email: uniqueEmail('common'), password: 'Password123!' });
	await expect(page.getByText('This password is among the most used')).toBeVisible();
	await expect(page.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
});

test('a forgotten password is reset by a single-use e-mailed link', async ({ page, browser }) => {
	const email = uniqueEmail('reset');
	await page.goto('/signup');
	await signUpThroughForm(page, { email, password: 'the very first passphrase' });
	await expect(page.getByRole('link', { name: /Signed in as/ })).toBeVisible();

	const other = await browser.newContext();
	const stranger = await other.newPage();
	await stranger.goto('/login');
	await stranger.getByRole('link', { name: 'Forgot your password?' }).click();
	await expectAccessible(stranger);
	await stranger.getByLabel('E-mail address').fill(email);
	await stranger.getByRole('button', { name: 'Send the link' }).click();
	await expect(stranger.getByRole('status')).toContainText('If an account uses this address');
	const link = latestMailTo(email)?.text.match(/https?:\/\/\S+token=\w+/)?.[0];
	expect(link).toBeTruthy();

	const path = new URL(link!).pathname + new URL(link!).search;
	await stranger.goto(path);
	await expectAccessible(stranger);
	await stranger.getByLabel('New password').fill('a second, better passphrase');
	await stranger.getByRole('button', { name: 'Save the new password' }).click();
	await expect(stranger.getByRole('status')).toContainText('Every other session has ended');
	await expectAccessible(stranger);

	// The link works once; the first browser's session has ended.
	await stranger.goto(path);
	await expect(stranger.getByRole('alert')).toContainText('has expired or has already been used');
	await other.close();
	await page.goto('/account');
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
});
