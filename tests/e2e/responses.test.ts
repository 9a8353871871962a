import { createCompany } from '../../src/lib/server/companies/companies';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import {
	expect,
	expectAccessible,
	latestMailTo,
	setUserRole,
	signIn,
	test,
	withDb
} from './fixtures';

/** A company with a website and one report by the given author, written straight to the database. */
function seedReport(authorId: string) {
	return withDb((db) => {
		const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
		const made = createCompany(
			db,
			{ name: `Girona Telecom ${stamp}`, website: `https://girona-${stamp}.example` },
			null
		);
		if (!made.ok) throw new Error('company');
		const report = createReport(
			db,
			reportInput({
				company: made.company.name,
				title: 'Billed in arrears after my husband died',
				category: 'billing-error',
				trigger: 'death-of-account-holder',
				outcome: 'unresolved'
			}),
			authorId
		);
		if (!report.ok) throw new Error('report');
		return { company: made.company, reportId: report.id };
	});
}

test('a representative verifies, answers a report in public, and the consumer disputes it', async ({
	page,
	browser,
	baseURL
}) => {
	// Three people in three browsers: longer than one page's walk.
	test.setTimeout(90_000);
	const consumer = await signIn(page, baseURL!);
	const { company, reportId } = seedReport(consumer.userId);

	// The representative, in a browser of their own.
	const repContext = await browser.newContext();
	const rep = await repContext.newPage();
	await signIn(rep, baseURL!);
	await rep.goto(`/companies/${company.slug}`);
	// Before any answer, one sentence instead of a table of dashes.
	await expect(
		rep.getByText('The company has not answered any of these reports yet (n = 1).')
	).toBeVisible();
	await expect(rep.getByRole('table', { name: 'How the company answers' })).toHaveCount(0);
	await rep.getByRole('link', { name: /Do you work for/ }).click();
	await expect(
		rep.getByRole('heading', { level: 1, name: `Answer reports for ${company.name}` })
	).toBeVisible();
	await expectAccessible(rep);

	// An address elsewhere is refused beside the field, and what was typed stays.
	await rep.getByLabel('Your work e-mail address').fill('me@gmail.example');
	await rep.getByRole('button', { name: 'Send the code' }).click();
	await expect(rep.getByText(`Use an address on ${company.domain}`)).toBeVisible();
	await expect(rep.getByLabel('Your work e-mail address')).toHaveValue('me@gmail.example');
	await expect(rep.getByLabel('Your work e-mail address')).toHaveAttribute('aria-invalid', 'true');

	const address = `care@${company.domain}`;
	await rep.getByLabel('Your work e-mail address').fill(address);
	await rep.getByRole('button', { name: 'Send the code' }).click();
	await expect(rep.getByRole('status')).toContainText(`We sent a code to ${address}`);
	const code = latestMailTo(address)?.text.match(/code: (\d{6})/)?.[1];
	expect(code).toMatch(/^\d{6}$/);
	await rep.getByLabel('Verification code').fill(code!);
	await rep.getByRole('button', { name: 'Verify' }).click();

	await expect(rep.getByRole('heading', { level: 1, name: /reports and answers/ })).toBeVisible();
	await expect(rep.getByRole('status')).toContainText('You are now a verified representative');
	const awaiting = rep.getByRole('table', { name: 'Awaiting an answer' });
	await expect(awaiting).toContainText('Billed in arrears after my husband died');
	await expectAccessible(rep);
	await rep.screenshot({ path: 'test-results/screens/dashboard.png', fullPage: true });

	await awaiting.getByRole('link', { name: 'Billed in arrears after my husband died' }).click();
	const thread = rep.getByRole('region', { name: 'Company response' });
	await expect(thread.getByText('You represent')).toBeVisible();
	await expectAccessible(rep);
	// Too short, and no action chosen: both said beside their fields.
	await thread.getByLabel('Your public response').fill('Sorry.');
	await thread.getByRole('button', { name: 'Publish response' }).click();
	await expect(thread.getByText('Write at least 20 characters.')).toBeVisible();
	await expect(thread.getByText('Choose what the company did.')).toBeVisible();
	await expect(thread.getByLabel('Your public response')).toHaveValue('Sorry.');
	await thread
		.getByLabel('Your public response')
		.fill('We corrected the account name and **cancelled the arrears**. Our apologies.');
	await thread.getByRole('radio', { name: 'Problem fixed' }).check();
	await thread.getByRole('button', { name: 'Publish response' }).click();
	await expect(rep.getByRole('status')).toHaveText(
		'Your response is published. The consumer has been told.'
	);
	await expect(thread.getByRole('heading', { name: `${company.name} responded` })).toBeVisible();
	await expect(thread.locator('strong', { hasText: 'cancelled the arrears' })).toBeVisible();
	await expect(thread.getByText('Within 15 days')).toBeVisible();
	await expectAccessible(rep);
	await repContext.close();

	// The consumer is told, reads the answer and disputes it.
	await page.goto('/');
	await page.getByRole('link', { name: 'Notifications (1 new)' }).click();
	await expect(page.getByText(`${company.name} answered your report`)).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Open the report' }).click();
	const consumerThread = page.getByRole('region', { name: 'Company response' });
	await expect(consumerThread.getByText('We corrected the account name')).toBeVisible();
	await consumerThread.getByRole('radio', { name: 'I dispute the response' }).check();
	await consumerThread.getByRole('button', { name: 'Send my answer' }).click();
	await expect(consumerThread.getByText('Say briefly why you dispute the response.')).toBeVisible();
	await expect(consumerThread.getByRole('radio', { name: 'I dispute the response' })).toBeChecked();
	await consumerThread.getByLabel('Comment').fill('The arrears letter came again this week.');
	await consumerThread.getByLabel('Where things stand now').selectOption({ label: 'Unresolved' });
	await consumerThread.getByRole('button', { name: 'Send my answer' }).click();
	await expect(page.getByRole('status')).toHaveText('Your answer is published.');
	const verdict = consumerThread.getByRole('article', { name: "The consumer's answer" });
	await expect(verdict).toContainText('Disputed');
	await expect(verdict).toContainText('The arrears letter came again this week.');
	await expectAccessible(page);
	await page.screenshot({ path: 'test-results/screens/response-thread.png', fullPage: true });

	// The scorecard counts the answer.
	await page.goto(`/companies/${company.slug}`);
	const figures = page.getByRole('table', { name: 'How the company answers' });
	await expect(figures.getByRole('row', { name: /Response rate/ })).toContainText('100%');
	await expect(figures.getByRole('row', { name: /Responses disputed/ })).toContainText('100%');
	await expect(page.getByText('Has verified representatives since')).toBeVisible();
	await expectAccessible(page);

	// Someone else cannot answer for the company: the form is not offered and a forged post is refused.
	const strangerContext = await browser.newContext();
	const stranger = await strangerContext.newPage();
	await signIn(stranger, baseURL!);
	await stranger.goto(`/reports/${reportId}`);
	await expect(stranger.getByRole('button', { name: 'Publish response' })).toHaveCount(0);
	const forged = await stranger.request.post(`/reports/${reportId}?/editResponse`, {
		form: { body: 'Forged answer that should never be published here.', action: 'no-action' },
		headers: { origin: baseURL!, accept: 'application/json' }
	});
	expect(await forged.text()).toContain('Only a verified representative');
	await stranger.reload();
	await expect(stranger.getByText('Forged answer')).toHaveCount(0);
	await strangerContext.close();
});

test('an administrator reads the development outbox and the audit trail', async ({
	page,
	user
}) => {
	const { company } = seedReport(user.userId);
	const response = await page.goto('/admin/outbox');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot do that.');

	// A claim mails a code: it lands in the outbox, since no SMTP server is configured.
	await page.goto(`/companies/${company.slug}/claim`);
	await page.getByLabel('Your work e-mail address').fill(`press@${company.domain}`);
	await page.getByRole('button', { name: 'Send the code' }).click();
	await expect(page.getByRole('status')).toContainText('We sent a code');

	setUserRole(user.userId, 'admin');
	await page.goto('/admin/outbox');
	await expect(page.getByRole('heading', { level: 1, name: 'Development outbox' })).toBeVisible();
	const mail = page.getByRole('article').filter({ hasText: `To press@${company.domain}` });
	await expect(mail.getByRole('heading')).toContainText('Your Recourse verification code');
	await expectAccessible(page);
	await page.goto('/admin/audit');
	await expect(page.getByRole('table', { name: 'Audit trail' })).toBeVisible();
	await expectAccessible(page);
});
