import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { expect, expectAccessible, setUserRole, signIn, test, withDb } from './fixtures';

function seedReport(authorId: string, title: string) {
	return withDb((db) => {
		const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
		const made = createReport(
			db,
			reportInput({
				company: `Moderated Energy ${stamp}`,
				website: `https://moderated-${stamp}.example`,
				title
			}),
			authorId
		);
		if (!made.ok) throw new Error('report');
		return made.id;
	});
}

test('a flagged report is hidden by a moderator, disappears from public view, and its author is told why', async ({
	page,
	browser,
	baseURL
}) => {
	// Four browser contexts and a dozen pages in one story: more than the default budget when loaded.
	test.slow();
	const author = await signIn(page, baseURL!);
	const title = `Smeared by a rival ${Date.now().toString(36)}`;
	const reportId = seedReport(author.userId, title);

	// A reader flags it; a missing reason is said beside the field.
	const readerContext = await browser.newContext();
	const reader = await readerContext.newPage();
	await signIn(reader, baseURL!);
	await reader.goto(`/reports/${reportId}`);
	// A page from a new context skips the fixture's wait for hydration: a click on <details>
	// before it could be undone by the hydrating component.
	await reader.waitForLoadState('networkidle');
	await reader.getByText('Flag this report for moderators').click();
	await reader.getByRole('button', { name: 'Send the flag' }).click();
	await expect(reader.getByText('Choose a reason.')).toBeVisible();
	await reader.getByRole('radio', { name: 'False or defamatory' }).check();
	await reader.getByLabel('Note for the moderators (optional)').fill('Names a private person');
	await reader.getByRole('button', { name: 'Send the flag' }).click();
	await expect(reader.getByRole('status')).toHaveText('Thank you: moderators will look at it.');
	await expectAccessible(reader);
	await readerContext.close();

	// A moderator decides from the queue.
	const modContext = await browser.newContext();
	const mod = await modContext.newPage();
	const moderator = await signIn(mod, baseURL!);
	expect((await mod.goto('/moderation'))?.status()).toBe(403);
	setUserRole(moderator.userId, 'moderator');
	await mod.goto('/moderation');
	const item = mod.getByRole('article').filter({ hasText: title });
	await expect(item).toContainText('Names a private person');
	await expectAccessible(mod);
	await item.getByLabel('Decision').selectOption({ label: 'Hide' });
	await item.getByLabel('Reason').selectOption({ label: 'False or defamatory' });
	await item.getByLabel('Note (required, shown to the author)').fill('names a private individual');
	await item.getByRole('button', { name: 'Apply' }).click();
	await expect(mod.getByRole('status')).toHaveText('Decision recorded.');
	await expect(mod.getByRole('article').filter({ hasText: title })).toHaveCount(0);
	await mod.goto('/admin/audit');
	await expect(
		mod.getByRole('table', { name: 'Audit trail' }).getByRole('row').filter({ hasText: title })
	).toContainText('Hid the report.');
	await modContext.close();

	// Gone for the public: page, home, search.
	const anonymous = await browser.newContext();
	const visitor = await anonymous.newPage();
	expect((await visitor.goto(`/reports/${reportId}`))?.status()).toBe(404);
	await visitor.goto(`/explore?q=${encodeURIComponent('Smeared rival')}`);
	await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
	await visitor.goto('/about/moderation');
	await expect(visitor.getByRole('table', { name: 'Flags by reason' })).toContainText(
		'False or defamatory'
	);
	await expectAccessible(visitor);
	await anonymous.close();

	// The author still sees it, with the reason, and was notified.
	await page.goto(`/reports/${reportId}`);
	await expect(page.getByText('Moderators hid this report from public view')).toContainText(
		'False or defamatory'
	);
	await expectAccessible(page);
	await page.goto('/notifications');
	await expect(page.getByText(`Moderators hid your report “${title}”`)).toContainText(
		'names a private individual'
	);
});

test('an author deletes their report after confirming', async ({ page, user }) => {
	const title = `Delete me ${Date.now().toString(36)}`;
	const reportId = seedReport(user.userId, title);
	await page.goto(`/reports/${reportId}`);
	await page.getByText('Delete this report').click();
	await page.getByRole('button', { name: 'Delete the report' }).click();
	await expect(page.getByText('Tick the box to confirm.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await page.getByRole('checkbox', { name: 'Yes, delete my report for good' }).check();
	await page.getByRole('button', { name: 'Delete the report' }).click();
	await expect(page.getByRole('status')).toHaveText('Your report is deleted.');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
	await expectAccessible(page);
	expect((await page.goto(`/reports/${reportId}`))?.status()).toBe(404);
});
