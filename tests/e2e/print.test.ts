import { createUser } from '../../src/lib/server/auth/users';
import { openDatabase } from '../../src/lib/server/db/client';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { databasePath, expect, expectAccessible, test, uniqueEmail } from './fixtures';

// Issue 18: a report, a company and a pattern print as their content alone, with the address
// of the page they came from, and the chart in grey.
test('report, company and pattern pages print without the site around them, with their address', async ({
	page,
	baseURL
}) => {
	const stamp = `prn${Date.now().toString(36)}x${Math.random().toString(36).slice(2, 7)}`;
	const company = `Printable Power ${stamp}`;
	const db = openDatabase(databasePath);
	let reportId: number;
	try {
		const user = await createUser(db, {
			email: uniqueEmail('prn'),
			password: 'a long enough password'
		});
		if (!user.ok) throw new Error('no user');
		const filed = createReport(
			db,
			reportInput({
				company,
				website: `printable-power-${stamp}.example`,
				title: `Billed after the move ${stamp}`,
				category: 'billing-error',
				trigger: 'moving-house'
			}),
			user.user.id
		);
		if (!filed.ok) throw new Error('not filed');
		reportId = filed.id;
	} finally {
		db.$client.close();
	}
	const slug = company.toLowerCase().replace(/\W+/g, '-');
	for (const path of [
		`/reports/${reportId}`,
		`/companies/${slug}`,
		'/patterns/billing-error-after-moving-house'
	]) {
		await page.emulateMedia({ media: 'screen' });
		await page.goto(path);
		await expect(page.getByRole('banner')).toBeVisible();
		await expectAccessible(page);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('banner'), path).toBeHidden();
		await expect(page.getByRole('contentinfo'), path).toBeHidden();
		await expect(page.getByRole('navigation', { name: 'Main' }), path).toBeHidden();
		for (const button of await page.getByRole('main').getByRole('button').all()) {
			await expect(button, path).toBeHidden();
		}
		await expect(page.getByText(`${baseURL}${path}`, { exact: true }), path).toBeVisible();
	}
	// The pattern's chart prints in grey, not in the screen's accent colour.
	const bar = page.locator('figure.chart svg rect').first();
	expect(await bar.evaluate((el) => getComputedStyle(el).fill)).toBe('rgb(102, 102, 102)');
});
