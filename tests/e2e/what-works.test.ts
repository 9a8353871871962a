/** "What works" on a scorecard and a pattern page: which route resolved cases, with its n, at 320 px. */
import { expect, expectAccessible, test, withDbAsync } from './fixtures';
import { createUser } from '../../src/lib/server/auth/users';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import type { CaseEvent } from '../../src/lib/case-timeline';

const event = (
	kind: CaseEvent['kind'],
	occurredOn: string,
	escalationTo: CaseEvent['escalationTo'] = null
): CaseEvent => ({
	kind,
	occurredOn,
	occurredAt: null,
	promisedOn: null,
	promisedAt: null,
	escalationTo,
	note: null
});

test('a scorecard and a pattern page show what resolved the cases, each figure with its n', async ({
	page
}) => {
	const stamp = `${Date.now().toString(36)}${process.pid}`;
	const company = `Works Telecom ${stamp}`;
	// Two resolved cases: one after the regulator (20 days after it, 30 from the start), one by
	// the company alone in 10 days. Median days to resolution: (10 + 30) / 2 = 20.
	const slug = await withDbAsync(async (db) => {
		const author = await createUser(db, {
			email: `works-${stamp}@example.test`,
			password: 'a long enough password'
		});
		if (!author.ok) throw new Error('no author');
		const common = {
			company,
			website: `https://works-${stamp}.example`,
			industry: 'telecom' as const,
			category: 'data-privacy' as const,
			trigger: 'name-change' as const,
			endedOn: null,
			outcome: 'resolved' as const,
			country: 'PL',
			region: null
		};
		for (const input of [
			reportInput({
				...common,
				title: `Regulator case ${stamp}`,
				startedOn: '2026-01-01',
				escalations: ['regulator'],
				events: [event('escalation', '2026-01-11', 'regulator'), event('resolved', '2026-01-31')],
				resolvedBy: 'regulator'
			}),
			reportInput({
				...common,
				title: `Company case ${stamp}`,
				startedOn: '2026-02-01',
				escalations: [],
				events: [event('resolved', '2026-02-11')],
				resolvedBy: 'company'
			})
		]) {
			const saved = createReport(db, input, author.user.id);
			if (!saved.ok) throw new Error(JSON.stringify(saved.problem));
		}
		return db.$client.prepare('select slug from company where name = ?').pluck().get(company);
	});

	await page.setViewportSize({ width: 320, height: 800 });
	await page.goto(`/companies/${slug}`);
	await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();

	const works = page.getByRole('region', { name: 'What works' });
	await expect(works).toBeVisible();
	const table = works.getByRole('table', { name: 'What works' });
	const row = (name: string | RegExp) => table.getByRole('row', { name });
	await expect(table.getByRole('columnheader', { name: company })).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'All companies: Telecoms' })).toBeVisible();
	await expect(
		row(/^Cases counted/)
			.getByRole('cell')
			.first()
	).toHaveText('2');
	await expect(
		row(/^Resolved without escalation/)
			.getByRole('cell')
			.first()
	).toHaveText(/50%\s*n = 2/);
	await expect(
		row(/^Median days to resolution/)
			.getByRole('cell')
			.first()
	).toHaveText(/20 days\s*n = 2/);
	await expect(
		row(/^Resolved after escalation to: Regulator or ombudsman/)
			.getByRole('cell')
			.first()
	).toHaveText(/100%\s*n = 1/);
	await expect(
		row(/^Median days from escalation to resolution: Regulator or ombudsman/)
			.getByRole('cell')
			.first()
	).toHaveText(/20 days\s*n = 1/);
	await expect(
		row(/^Company responses disputed or reported not fixed/)
			.getByRole('cell')
			.first()
	).toHaveText(/—\s*n = 0/);
	await expect(works.getByRole('link', { name: 'How these figures are counted' })).toBeVisible();
	await expectAccessible(page);
	await works.screenshot({ path: 'test-results/screens/what-works-320.png' });

	await page.goto('/patterns/data-privacy-after-name-change');
	const patternWorks = page.getByRole('region', { name: 'What works' });
	await expect(
		patternWorks.getByRole('row', {
			name: /^Resolved after escalation to: Regulator or ombudsman/
		})
	).toBeVisible();
	await expect(
		patternWorks.getByRole('row', { name: /^Cases counted/ }).getByRole('cell')
	).not.toHaveText('0');
	await expectAccessible(page);

	// By industry and country: the figures a guide route links to.
	await patternWorks.getByRole('link', { name: 'What works by industry and country' }).click();
	await page.getByLabel('Industry').selectOption({ label: 'Telecoms' });
	await page.getByLabel("Consumer's country").selectOption({ label: 'Poland' });
	await page.getByRole('button', { name: 'Show the figures' }).click();
	const placeWorks = page.getByRole('region', { name: 'What works' });
	await expect(placeWorks.getByRole('columnheader', { name: 'Telecoms · Poland' })).toBeVisible();
	await expect(
		placeWorks.getByRole('row', { name: /^Resolved after escalation to: Regulator/ })
	).toBeVisible();
	await expectAccessible(page);
	// A value the page cannot read is named beside its field; nothing fails.
	const response = await page.goto('/what-works?country=XX');
	expect(response?.status()).toBe(200);
	await expect(page.getByLabel("Consumer's country")).toHaveAccessibleDescription(
		'“XX” is not a value this field takes: the figures shown are for any.'
	);

	await page.goto('/patterns/data-privacy-after-name-change');
	await patternWorks.getByRole('link', { name: 'How these figures are counted' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'What works' })).toBeVisible();
	await expectAccessible(page);
});
