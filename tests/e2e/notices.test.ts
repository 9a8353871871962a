import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { expect, expectAccessible, setUserRole, signIn, test, withDb } from './fixtures';

test('a German reader reads their notices in German: the author and the flagger of a hidden report', async ({
	page,
	browser,
	baseURL
}) => {
	// Three browser contexts in one story: more than the default budget on a loaded machine.
	test.slow();
	const author = await signIn(page, baseURL!);
	const title = `Stromzähler falsch abgelesen ${Date.now().toString(36)}`;
	const reportId = withDb((db) => {
		const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
		const made = createReport(
			db,
			reportInput({
				company: `Noticed Energy ${stamp}`,
				website: `https://noticed-${stamp}.example`,
				title
			}),
			author.userId
		);
		if (!made.ok) throw new Error('report');
		return made.id;
	});

	// A reader flags it, in German.
	const readerContext = await browser.newContext();
	const reader = await readerContext.newPage();
	await signIn(reader, baseURL!);
	await reader.goto(`/de/reports/${reportId}`);
	await reader.waitForLoadState('networkidle');
	await reader.getByText('Diesen Bericht der Moderation melden').click();
	await reader.getByRole('radio', { name: 'Falsch oder verleumderisch' }).check();
	await reader.getByRole('button', { name: 'Meldung senden' }).click();
	await expect(reader.getByRole('status')).toBeVisible();

	// A moderator hides it from the queue.
	const modContext = await browser.newContext();
	const mod = await modContext.newPage();
	const moderator = await signIn(mod, baseURL!);
	setUserRole(moderator.userId, 'moderator');
	await mod.goto('/de/moderation');
	const item = mod.getByRole('article').filter({ hasText: title });
	await item.getByLabel('Entscheidung').selectOption({ label: 'Ausblenden' });
	await item.getByLabel('Grund').selectOption({ label: 'Falsch oder verleumderisch' });
	await item
		.getByLabel('Hinweis (erforderlich, wird der verfassenden Person angezeigt)')
		.fill('nennt eine Privatperson');
	await item.getByRole('button', { name: 'Anwenden' }).click();
	await expect(mod.getByRole('status')).toHaveText('Entscheidung gespeichert.');
	await modContext.close();

	// The author reads it in German, with the reason's label and a German link.
	await page.goto('/de/notifications');
	const notice = page.getByRole('listitem').filter({ hasText: title });
	await expect(notice).toContainText(
		`Die Moderation hat Ihren Bericht „${title}“ aus der öffentlichen Ansicht entfernt. Grund: Falsch oder verleumderisch. Hinweis der Moderation: nennt eine Privatperson`
	);
	await expect(notice.getByRole('link', { name: 'Bericht öffnen' })).toHaveAttribute(
		'href',
		`/de/reports/${reportId}`
	);
	await expectAccessible(page);

	// "My reports" shows the author where the case stands, in German too.
	await page.goto('/de/account/reports');
	await expect(
		page.getByRole('table', { name: 'Meine Berichte' }).getByRole('row').filter({ hasText: title })
	).toContainText('Von der Moderation ausgeblendet (Falsch oder verleumderisch)');
	await expectAccessible(page);

	// So does the flagger, thanked without a link to a page they may no longer open.
	await reader.goto('/de/notifications');
	const thanks = reader.getByRole('listitem').filter({ hasText: title });
	await expect(thanks).toContainText(`Danke für Ihre Meldung zu „${title}“`);
	await expect(thanks.getByRole('link')).toHaveCount(0);
	await expectAccessible(reader);
	await readerContext.close();
});
