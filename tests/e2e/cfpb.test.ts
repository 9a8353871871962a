/** Complaints imported from the CFPB: labelled by source on the scorecard and the report page. */
import { openDatabase } from '../../src/lib/server/db/client';
import { importCfpbFile } from '../../src/lib/server/import/cfpb';
import { databasePath, expect, expectAccessible, test } from './fixtures';

// Nine complaints about Ally Financial from the sample (a 2023 export), as the CFPB writes them.
const fixture = 'tests/e2e/fixtures/cfpb-ally-financial.csv';
let reportId = 0;

test.beforeAll(async () => {
	// Each worker may run this: a second import of the same file changes nothing.
	const db = openDatabase(databasePath);
	try {
		await importCfpbFile(db, fixture);
		reportId = db.$client
			.prepare(`select id from report where source = 'cfpb' and external_id = '7263063'`)
			.pluck()
			.get() as number;
	} finally {
		db.$client.close();
	}
});

test('a CFPB company scorecard shows the imported figures labelled by source', async ({ page }) => {
	await page.goto('/companies/ally-financial');
	await expect(page.getByRole('heading', { level: 1, name: 'ALLY FINANCIAL INC.' })).toBeVisible();
	const bySource = page.getByRole('table', { name: /Reports by source/ });
	await expect(
		bySource.getByRole('row', { name: /CFPB Consumer Complaint Database/ })
	).toContainText('9');
	await expect(bySource.getByRole('row', { name: /Recourse/ })).toHaveCount(0);
	await expect(page.getByRole('table', { name: /What failed/ })).toContainText('Billing error');
	// The list labels each imported report.
	await expect(
		page.getByRole('listitem').filter({ has: page.getByTitle('CFPB Consumer Complaint Database') })
	).toHaveCount(9);
	await expectAccessible(page);
});

test('a CFPB report shows its source and original issue', async ({ page }) => {
	await page.goto(`/reports/${reportId}`);
	await expect(
		page.getByText('Source: CFPB Consumer Complaint Database, complaint #7263063')
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Managing an account: Problem using a debit or ATM card'
	);
	const facts = page.getByRole('region', { name: 'Fact sheet' });
	await expect(facts.getByText('As published by the CFPB')).toBeVisible();
	await expect(facts.getByText('Managing an account', { exact: true })).toBeVisible();
	await expect(facts.getByText('Checking or savings account', { exact: true })).toBeVisible();
	await expect(facts.getByText('Older American')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Edit this report' })).toHaveCount(0);
	await expectAccessible(page);
});

test('anyone signed in can say "me too" to an imported report, nobody can edit it', async ({
	page,
	user: _user
}) => {
	await page.goto(`/reports/${reportId}`);
	await page.getByRole('button', { name: 'This happened to me too' }).click();
	await expect(page.getByRole('button', { name: /Undo|Take back/i })).toBeVisible();
	await expectAccessible(page);
	const edit = await page.goto(`/reports/${reportId}/edit`);
	expect(edit?.status()).toBe(403);
	await expectAccessible(page);
});

test('explore filters by source', async ({ page }) => {
	await page.goto('/explore?source=cfpb&company=ally-financial');
	await expect(page.getByRole('heading', { name: '9 matching reports' })).toBeVisible();
	await expect(page.getByLabel('Source')).toHaveValue('cfpb');
	await expectAccessible(page);
	await page.goto('/explore?source=recourse&company=ally-financial');
	await expect(page.getByText('No report matches these filters.')).toBeVisible();
	await expectAccessible(page);
});

test("explore filters by the consumer's country, then by region, and exports both", async ({
	page,
	request
}) => {
	await page.goto('/explore?company=ally-financial');
	// The region filter appears once a country is chosen: it lists that country's regions.
	await expect(page.getByLabel('Region')).toHaveCount(0);
	await page.getByLabel("Consumer's country").selectOption({ label: 'United States' });
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page.getByRole('heading', { name: '9 matching reports' })).toBeVisible();
	await page.getByLabel('Region').selectOption({ label: 'Florida' });
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/country=US&region=US-FL/);
	await expect(page.getByRole('heading', { name: '3 matching reports' })).toBeVisible();
	await expectAccessible(page);

	const csv = await (
		await request.get('/explore/export.csv?company=ally-financial&region=US-TX')
	).text();
	const [header, ...rows] = csv.trim().split('\n');
	const columns = header!.replace(/^\uFEFF/, '').split(',');
	expect(rows).toHaveLength(1);
	expect(columns).toEqual(expect.arrayContaining(['country', 'region', 'resolved_by']));
	const api = await (
		await request.get('/api/v1/reports?company=ally-financial&region=US-FL')
	).json();
	expect(api.data.map((r: { region: string }) => r.region)).toEqual(['US-FL', 'US-FL', 'US-FL']);
	expect((await request.get('/api/v1/reports?region=XX-99')).status()).toBe(400);
});
