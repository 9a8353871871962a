/**
 * What a consumer, a company and an attacker see of the figures' defences (issue 21, items 3, 4,
 * 10, 11); the suite's teardown then recounts every figure (rollup-drift-teardown.ts).
 */
import { createUser } from '../../src/lib/server/auth/users';
import { createCompany } from '../../src/lib/server/companies/companies';
import { grantRepresentative } from '../../src/lib/server/companies/representatives';
import { outboxTransport } from '../../src/lib/server/mail/mail';
import { moderate } from '../../src/lib/server/moderation/moderation';
import { createReport } from '../../src/lib/server/reports/reports';
import { postResponse } from '../../src/lib/server/responses/responses';
import { reportInput } from '../../src/lib/server/testing/factories';
import {
	expect,
	fillRequiredFields,
	reportFormFields,
	setUserRole,
	signIn,
	test,
	uniqueEmail,
	withDb,
	withDbAsync
} from './fixtures';

/** A company, and a report about it by the author, written straight to the database. */
function seedReport(authorId: string, name: string) {
	return withDb((db) => {
		const made = createCompany(db, { name, website: `https://${slugOf(name)}.example` }, null);
		if (!made.ok) throw new Error('company');
		const report = createReport(
			db,
			reportInput({ company: name, outcome: 'unresolved' }),
			authorId
		);
		if (!report.ok) throw new Error('report');
		return { company: made.company, reportId: report.id };
	});
}

const slugOf = (name: string) => name.toLowerCase().replace(/\W+/g, '-');
// Letters and digits: a run of 16 digits may pass the Luhn check and be removed as a card number.
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 46656).toString(36)}`;

/** A moderator account, for decisions taken straight in the database. */
async function makeModerator() {
	const made = await withDbAsync((db) =>
		createUser(db, { email: uniqueEmail('moderator'), password: 'a long enough password' })
	);
	if (!made.ok) throw new Error('moderator');
	withDb((db) =>
		db.$client.prepare(`update user set role = 'moderator' where id = ?`).run(made.user.id)
	);
	return { id: made.user.id, role: 'moderator' as const };
}

test('failed submissions do not spend the report quota: after 25 refused, a valid one is published', async ({
	page,
	baseURL,
	user: _user
}) => {
	const post = (form: Record<string, string>) =>
		page.request.post('/reports/new', {
			headers: { origin: baseURL!, accept: 'text/html' },
			form,
			maxRedirects: 0
		});
	const name = `Quota Telecom ${stamp()}`;
	const valid = reportFormFields({
		company: name,
		website: `${slugOf(name)}.example`,
		title: 'Line dead for a week after moving'
	});
	for (let i = 0; i < 25; i++) {
		const refused = await post({ ...valid, title: '' });
		expect(refused.status(), `invalid submission ${i + 1}`).toBe(400);
	}
	const accepted = await post(valid);
	expect(accepted.status()).toBe(303);
	expect(accepted.headers().location).toMatch(/\/reports\/\d+\?published=1$/);
});

test('an amount past its limit is refused beside the field, and nothing is saved', async ({
	page,
	user
}) => {
	await page.goto('/reports/new');
	const name = `Amount Telecom ${stamp()}`;
	await fillRequiredFields(page, {
		company: name,
		title: 'Charged for a contract I cancelled',
		category: 'Billing error',
		outcome: 'Unresolved',
		stars: 1,
		narrative: 'They kept charging me for months after the contract ended, every month.'
	});
	await page.getByLabel('Currency').selectOption('EUR');
	await page.getByLabel('Amount in dispute (optional)').fill('9,999,999,999.99');
	await page.getByRole('button', { name: 'Publish report' }).click();
	const amount = page.getByLabel('Amount in dispute (optional)');
	await expect(amount).toHaveAttribute('aria-invalid', 'true');
	await expect(amount).toHaveAccessibleDescription(
		/Enter an amount no larger than €10,000,000\.00\./
	);
	await expect(amount).toHaveValue('9,999,999,999.99');
	const saved = withDb((db) =>
		db.$client.prepare('select count(*) from report where author_id = ?').pluck().get(user.userId)
	);
	expect(saved).toBe(0);
});

test('an amount above the review threshold is published and waits in the moderation queue', async ({
	page,
	browser,
	baseURL
}) => {
	await signIn(page, baseURL!);
	await page.goto('/reports/new');
	const title = `Deposit never returned ${stamp()}`;
	await fillRequiredFields(page, {
		company: `Review Lettings ${stamp()}`,
		title,
		category: 'Billing error',
		outcome: 'Unresolved',
		stars: 1,
		narrative: 'The agency kept the whole deposit on the house and never answered my letters.'
	});
	await page.getByLabel('Currency').selectOption('EUR');
	await page.getByLabel('Amount in dispute (optional)').fill('150,000');
	await page.getByRole('button', { name: 'Publish report' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

	const modContext = await browser.newContext();
	const mod = await modContext.newPage();
	const moderator = await signIn(mod, baseURL!);
	setUserRole(moderator.userId, 'moderator');
	await mod.goto('/moderation');
	await expect(mod.getByRole('article').filter({ hasText: title })).toContainText(
		'Implausible amount (checked automatically)'
	);
	await modContext.close();
});

test('a report a company has answered keeps its company, even against a forged form', async ({
	page,
	baseURL
}) => {
	const author = await signIn(page, baseURL!);
	const name = `Answering Telecom ${stamp()}`;
	const { company, reportId } = seedReport(author.userId, name);
	const other = `Other Telecom ${stamp()}`;
	seedReport(author.userId, other);
	const moderator = await makeModerator();
	const repEmail = `care-${stamp()}@${company.domain}`;
	await withDbAsync(async (db) => {
		const rep = await createUser(db, { email: repEmail, password: 'a long enough password' });
		if (!rep.ok) throw new Error('representative');
		grantRepresentative(db, moderator, { companyId: company.id, email: repEmail, reason: 'test' });
		const answered = await postResponse(
			db,
			outboxTransport(db),
			{ id: rep.user.id, role: 'user' },
			reportId,
			{ body: 'We have restored the line and refunded the month.', action: 'fixed' },
			baseURL!
		);
		if (!answered.ok) throw new Error(answered.reason);
	});

	await page.goto(`/reports/${reportId}/edit`);
	const field = page.getByLabel('Company name');
	await expect(field).toHaveValue(name);
	await expect(field).toHaveAttribute('readonly', '');
	await expect(field).toHaveAccessibleDescription(new RegExp(`has answered this report`));

	// Forged: the read-only attribute removed and another company typed in.
	await field.evaluate((input) => input.removeAttribute('readonly'));
	await field.fill(other);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveAccessibleDescription(
		new RegExp(`${name} has answered this report, so it stays about ${name}`)
	);
	await page.goto(`/reports/${reportId}`);
	await expect(page.getByRole('link', { name, exact: true }).first()).toBeVisible();
});

test('"me too" on a hidden report is a 404, and nothing is stored', async ({ page, baseURL }) => {
	const author = await signIn(page, baseURL!);
	const { reportId } = seedReport(author.userId, `Hidden Telecom ${stamp()}`);
	const moderator = await makeModerator();
	withDb((db) =>
		moderate(db, moderator, {
			targetType: 'report',
			targetId: reportId,
			action: 'hide',
			reason: 'spam',
			note: 'checked'
		})
	);
	await page.context().clearCookies();
	await signIn(page, baseURL!);
	const response = await page.request.post(`/reports/${reportId}?/metoo`, {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { join: '1' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(404);
	const stored = withDb((db) =>
		db.$client
			.prepare('select count(*) from report_me_too where report_id = ?')
			.pluck()
			.get(reportId)
	);
	expect(stored).toBe(0);
});
