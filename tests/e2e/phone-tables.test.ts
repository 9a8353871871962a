import { createUser } from '../../src/lib/server/auth/users';
import { openDatabase } from '../../src/lib/server/db/client';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { databasePath, expect, expectAccessible, test, uniqueEmail } from './fixtures';

// Issue 18: a table wider than a phone scrolls inside its own region, and that region can be
// reached and scrolled from the keyboard and is announced by name (axe: scrollable-region-focusable).
test.use({ viewport: { width: 320, height: 640 } });

test('wide tables scroll in named regions a keyboard can reach, and the page stays 320 px wide', async ({
	page
}) => {
	const stamp = `tbl${Date.now().toString(36)}x${Math.random().toString(36).slice(2, 7)}`;
	const db = openDatabase(databasePath);
	try {
		const user = await createUser(db, {
			email: uniqueEmail('tbl'),
			password: 'a long enough password'
		});
		if (!user.ok) throw new Error('no user');
		for (const name of [`Wide Table Alpha ${stamp}`, `Wide Table Beta ${stamp}`]) {
			createReport(
				db,
				reportInput({ company: name, website: `${name.replace(/\W+/g, '-')}.example` }),
				user.user.id
			);
		}
	} finally {
		db.$client.close();
	}
	const slug = (name: string) => `wide-table-${name}-${stamp.toLowerCase()}`;
	const pages = [
		{ path: `/compare?c=${slug('alpha')}&c=${slug('beta')}`, region: 'Compare companies' },
		{ path: '/api', region: 'Parameters of GET /reports' },
		{ path: '/about/data', region: 'Columns' }
	];
	for (const { path, region: name } of pages) {
		await page.goto(path);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBe(320);
		const region = page.getByRole('region', { name, exact: true }).first();
		await expect(region, path).toBeVisible();
		await region.focus();
		await expect(region, path).toBeFocused();
		await expectAccessible(page);
	}
	// The comparison does not fit on a phone: the keyboard scrolls it sideways.
	await page.goto(pages[0]!.path);
	const comparison = page.getByRole('region', { name: 'Compare companies', exact: true });
	const overflows = await comparison.evaluate((el) => el.scrollWidth > el.clientWidth);
	expect(overflows).toBe(true);
	await comparison.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => comparison.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
