import { openDatabase } from '../../src/lib/server/db/client';
import { createUser } from '../../src/lib/server/auth/users';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { databasePath, expect, expectAccessible, test, uniqueEmail } from './fixtures';

test('the read API pages through reports with filters, and describes itself', async ({ page }) => {
	const stamp = Date.now().toString(36);
	const company = `Api Carrier ${stamp}`;
	const db = openDatabase(databasePath);
	try {
		const user = await createUser(db, {
			email: uniqueEmail('api'),
			password: 'a long enough password'
		});
		if (!user.ok) throw new Error('no user');
		for (let i = 0; i < 3; i++) {
			const result = createReport(
				db,
				reportInput({ company, website: `api-${stamp}.example`, title: `Api report ${i}` }),
				user.user.id
			);
			expect(result.ok).toBe(true);
		}
	} finally {
		db.$client.close();
	}
	const slug = `api-carrier-${stamp}`;

	const first = await page.request.get(`/api/v1/reports?company=${slug}&limit=2`);
	expect(first.headers()['access-control-allow-origin']).toBe('*');
	const firstBody = await first.json();
	expect(firstBody.data.map((r: { title: string }) => r.title)).toEqual([
		'Api report 2',
		'Api report 1'
	]);
	expect(firstBody.next_cursor).toEqual(expect.any(String));
	const second = await (
		await page.request.get(
			`/api/v1/reports?company=${slug}&limit=2&cursor=${firstBody.next_cursor}`
		)
	).json();
	expect(second).toMatchObject({ data: [{ title: 'Api report 0' }], next_cursor: null });

	const one = await (await page.request.get(`/api/v1/reports/${second.data[0].id}`)).json();
	expect(one.data).toMatchObject({ company_slug: slug, title: 'Api report 0' });
	const company_ = await (await page.request.get(`/api/v1/companies/${slug}`)).json();
	expect(company_.data.scorecard.report_count).toBe(3);

	const missing = await page.request.get('/api/v1/reports/999999999');
	expect(missing.status()).toBe(404);
	expect(missing.headers()['content-type']).toBe('application/problem+json');
	expect(await missing.json()).toMatchObject({ status: 404, detail: 'No such report.' });
	expect((await page.request.get('/api/v1/companies/no-such-company')).status()).toBe(404);
	expect((await page.request.get('/api/v1/patterns/nonsense')).status()).toBe(404);
	// Before: these three bad values were dropped and the first page of everything came back.
	const refused = await page.request.get('/api/v1/reports?cursor=garbage&limit=-5&rating=9');
	expect(refused.status()).toBe(400);
	expect(
		(await refused.json()).invalid_params.map((p: { parameter: string }) => p.parameter)
	).toEqual(['rating', 'cursor', 'limit']);

	const spec = await (await page.request.get('/api/openapi.json')).json();
	expect(spec.openapi).toBe('3.1.0');
	expect(Object.keys(spec.paths)).toContain('/reports');

	await page.goto('/api');
	await expect(page.getByRole('heading', { level: 1, name: 'Read API' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'GET /reports', exact: true })).toBeVisible();
	await expectAccessible(page);
});

test('two companies compared side by side on the same figures', async ({ page }) => {
	const stamp = Date.now().toString(36);
	const db = openDatabase(databasePath);
	try {
		const user = await createUser(db, {
			email: uniqueEmail('cmp'),
			password: 'a long enough password'
		});
		if (!user.ok) throw new Error('no user');
		for (const [name, rating, outcome] of [
			[`Compare Alpha ${stamp}`, 1, 'unresolved'],
			[`Compare Alpha ${stamp}`, 3, 'resolved'],
			[`Compare Beta ${stamp}`, 5, 'resolved']
		] as const) {
			createReport(
				db,
				reportInput({
					company: name,
					website: `${name.replace(/\W+/g, '-')}.example`,
					rating,
					outcome
				}),
				user.user.id
			);
		}
	} finally {
		db.$client.close();
	}
	await page.goto(`/companies/compare-alpha-${stamp}`);
	await page.getByRole('link', { name: 'Compare', exact: true }).click();
	// The company page ships no JavaScript, so this is a full page load: typing before the
	// compare form has hydrated would be lost (as for goto(), see fixtures.ts).
	await page.waitForURL(/\/compare/);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Company 2').fill(`Compare Beta ${stamp}`);
	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(page).toHaveURL(new RegExp(`c=compare-alpha-${stamp}&c=compare-beta-${stamp}`));
	const rating = page.getByRole('row', { name: /Average rating/ });
	await expect(rating).toContainText('2 out of 5');
	await expect(rating).toContainText('5 out of 5');
	await expect(page.getByRole('row', { name: /Share resolved/ })).toContainText('50%');
	// Small multiples on one scale: Beta's one report is drawn against Alpha's top count of two.
	for (const name of [`Compare Alpha ${stamp}`, `Compare Beta ${stamp}`]) {
		const chart = page.getByRole('figure', { name });
		await expect(chart.getByRole('img', { name: new RegExp(`^${name}: `) })).toBeVisible();
		await expect(chart.locator('.y-axis span').first()).toHaveText('2');
	}
	await expectAccessible(page);
});
