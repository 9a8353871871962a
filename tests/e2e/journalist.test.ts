import { openDatabase } from '../../src/lib/server/db/client';
import { createUser } from '../../src/lib/server/auth/users';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { databasePath, expect, expectAccessible, test, uniqueEmail } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * A stamp no parallel test shares: the two walks run side by side, and Date.now() and
 * Date.now() + 1 taken a millisecond apart were the same, doubling the reports each one counted.
 */
const uniqueStamp = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 7);

/** Reports of one pattern at two companies, filed straight into the database. */
async function seedPattern(stamp: string) {
	const db = openDatabase(databasePath);
	try {
		const user = await createUser(db, {
			email: uniqueEmail('j'),
			password: 'a long enough password'
		});
		if (!user.ok) throw new Error('no user');
		for (const [company, title] of [
			[`Journo Gas ${stamp}`, `Name change chaos ${stamp} one`],
			[`Journo Gas ${stamp}`, `Name change chaos ${stamp} two`],
			[`Journo Bank ${stamp}`, `Name change chaos ${stamp} three`]
		]) {
			createReport(
				db,
				reportInput({
					company: company!,
					website: `${company!.replace(/\W+/g, '-')}.example`,
					title: title!,
					category: 'account-closed',
					trigger: 'name-change',
					narrative: `After my name change the account was closed without notice. Marker j${stamp}.`
				}),
				user.user.id
			);
		}
	} finally {
		db.$client.close();
	}
}

/** axe-core runs inside the page, so only the run with JavaScript checks accessibility. */
async function walk(page: Page, stamp: string, checkAccessibility: boolean) {
	await page.goto('/explore');
	await page.getByLabel('Words in the title, product or account').fill(`j${stamp}`);
	await page.getByLabel('Triggered by').selectOption({ label: 'Name change' });
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page.getByRole('heading', { name: '3 matching reports' })).toBeVisible();
	if (checkAccessibility) await expectAccessible(page);

	await page.getByRole('link', { name: `Name change chaos ${stamp} three` }).click();
	await page.getByRole('link', { name: 'Pattern: Account closed after a change of name' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Account closed after a change of name' })
	).toBeVisible();
	if (checkAccessibility) await expectAccessible(page);

	await page.getByRole('link', { name: 'Explore all reports of this pattern' }).click();
	await expect(page.getByLabel('What failed')).toHaveValue('account-closed');
	await expect(page.getByLabel('Triggered by')).toHaveValue('name-change');
	// Other tests file reports of this pattern meanwhile: the walk narrows to its own marker, so
	// that the page and the download are compared on the same reports.
	await page.getByLabel('Words in the title, product or account').fill(`j${stamp}`);
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page.getByRole('heading', { name: '3 matching reports' })).toBeVisible();
	const total = await page.getByRole('heading', { name: /matching reports?$/ }).textContent();
	const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
	const csv = await (await page.request.get(csvHref!)).text();
	// One header line, then as many records as the page counts (narratives have no newlines here).
	const records = csv.trim().split('\n').length - 1;
	expect(`${records} matching report${records === 1 ? '' : 's'}`).toBe(total?.trim());
	expect(csv).toContain(`Name change chaos ${stamp} one`);

	const feedHref = await page
		.getByRole('link', { name: 'Atom feed of this view' })
		.getAttribute('href');
	const feed = await (await page.request.get(feedHref!)).text();
	if (checkAccessibility) {
		// The browser's own XML parser: the feed must be well-formed with the right entries.
		const entries = await page.evaluate((xml) => {
			const doc = new DOMParser().parseFromString(xml, 'application/xml');
			if (doc.querySelector('parsererror')) return null;
			return [...doc.querySelectorAll('entry > title')].map((t) => t.textContent);
		}, feed);
		expect(entries).toContain(`Name change chaos ${stamp} two — Journo Gas ${stamp}`);
	} else {
		expect(feed).toContain(`Name change chaos ${stamp} two — Journo Gas ${stamp}`);
	}
}

test('a journalist walks from explore to a pattern to an export', async ({ page }) => {
	const stamp = uniqueStamp();
	await seedPattern(stamp);
	await walk(page, stamp, true);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the same walk works', async ({ page }) => {
		const stamp = uniqueStamp();
		await seedPattern(stamp);
		await walk(page, stamp, false);
	});
});
