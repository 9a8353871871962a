/**
 * Issue 14 item 5, "closed is not fixed": the author of a report filed two weeks ago is asked
 * "Is it fixed?" by mail (the server's own job runner sends it), answers once by the mailed link,
 * the second use is refused, and the report's page shows the outcome over time.
 */
import { scheduleJob } from '../../src/lib/server/jobs/runner';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { expect, expectAccessible, latestMailTo, signIn, test, withDb } from './fixtures';

const DAY = 86_400_000;

test('a follow-up answered by its mailed link, once; the outcome history shows the change', async ({
	page,
	baseURL
}) => {
	test.slow();
	const author = await signIn(page, baseURL!);
	const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
	const title = `Broadband still down ${stamp}`;
	const filedAt = Date.now() - 15 * DAY;
	const [reportId, otherId] = withDb((db) => {
		const file = (t: string) => {
			const made = createReport(
				db,
				reportInput({
					company: `Followup Broadband ${stamp}`,
					website: `https://followup-${stamp}.example`,
					title: t,
					outcome: 'unresolved',
					resolvedBy: null
				}),
				author.userId,
				filedAt
			);
			if (!made.ok) throw new Error('report');
			return made.id;
		};
		const ids = [file(title), file(`${title} (second case)`)] as const;
		// Asked now rather than at the next hourly run: the server's runner picks it up.
		scheduleJob(db, 'followup-questions', { dueAt: Date.now() });
		return ids;
	});

	await expect
		.poll(() => latestMailTo(author.email)?.subject ?? '', { timeout: 60_000 })
		.toContain('Is it fixed?');
	const mail = withDb((db) =>
		db.$client
			.prepare(`select text from mail_outbox where "to" = ? and text like ?`)
			.pluck()
			.get(author.email, `%${title}” 2 weeks ago%`)
	) as string;
	const link = (answer: string) => {
		const url = mail.match(new RegExp(`https?://\\S+/followup/[\\w-]+\\?answer=${answer}`))?.[0];
		if (!url) throw new Error(`no ${answer} link in: ${mail}`);
		return new URL(url).pathname + new URL(url).search;
	};

	// One click from the mail shows the question with the answer chosen; a button records it.
	await page.setViewportSize({ width: 320, height: 800 });
	await page.goto(link('yes'));
	await expect(page.getByRole('heading', { name: 'Is it fixed?' })).toBeVisible();
	await expect(page.getByRole('radio', { name: 'Yes' })).toBeChecked();
	await expectAccessible(page);
	// Opening the link (as a mail scanner does) answers nothing; a post without an answer is
	// refused with the message beside the choices.
	const outcome = (id: number) =>
		withDb((db) => db.$client.prepare('select outcome from report where id = ?').pluck().get(id));
	expect(outcome(reportId)).toBe('unresolved');
	const empty = await page.request.post(link('yes'), {
		form: {},
		headers: { origin: baseURL!, accept: 'text/html' }
	});
	expect(empty.status()).toBe(400);
	expect(await empty.text()).toContain('Choose one of the answers.');
	await page.getByRole('button', { name: 'Record my answer' }).click();
	await expect(page.getByRole('status')).toHaveText(
		"Thank you: your answer “Yes” is recorded. The report's outcome is now: Resolved."
	);
	await expect(
		page.getByRole('link', { name: /Add a dated event to the timeline or change the outcome/ })
	).toHaveAttribute('href', `/reports/${reportId}/edit`);

	// The same link again, or another answer of the same mail: refused, nothing changes.
	await page.goto(link('no'));
	await expect(page.getByText('This link has already been used')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Record my answer' })).toHaveCount(0);
	const again = await page.request.post(link('no'), {
		form: { answer: 'no' },
		headers: { origin: baseURL!, accept: 'text/html' }
	});
	expect(again.status()).toBe(410);
	expect(outcome(reportId)).toBe('resolved');

	// The report's page: its outcome over time, at 320 px, accessible.
	await page.goto(`/reports/${reportId}`);
	const history = page.getByRole('region', { name: 'Outcome over time' });
	await expect(history.getByRole('row')).toHaveText([
		/Date\s*Outcome/,
		/Unresolved \(when filed\)/,
		/Resolved$/
	]);
	await expect(history).toContainText('Resolved 15 days after it was filed.');
	await expectAccessible(page);

	// The other case's question waits in My reports, answered there with one button.
	await page.goto('/account/reports');
	const row = page.getByRole('row').filter({ hasText: `${title} (second case)` });
	const question = row.getByRole('group', { name: /Is it fixed\?/ });
	await expect(question).toContainText('Asked 2 weeks after filing');
	await question.getByRole('button', { name: 'Partly' }).click();
	await expect(page.getByRole('status')).toContainText('your answer “Partly” is recorded');
	await expect(
		page
			.getByRole('row')
			.filter({ hasText: `${title} (second case)` })
			.getByRole('group')
	).toHaveCount(0);
	expect(outcome(otherId)).toBe('partly-resolved');
	await expectAccessible(page);
});
