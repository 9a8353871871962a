import { readFileSync } from 'node:fs';
import { expect, expectAccessible, fillRequiredFields, test } from './fixtures';

/** The Big List of Naughty Strings (MIT), vendored as test data in tests/fixtures/blns. */
const blns = JSON.parse(readFileSync('tests/fixtures/blns/blns.json', 'utf8')) as string[];
const scripts = blns.filter((s) => /script|onerror|onload|javascript:|<svg|<img/i.test(s));

test('hostile strings in every query parameter never cause a server error', async ({ page }) => {
	test.setTimeout(120_000);
	for (const [i, s] of blns.entries()) {
		const paths = [`/explore?q=${encodeURIComponent(s)}`, `/companies?q=${encodeURIComponent(s)}`];
		// A spread of strings through the other parameters and the API (which is rate limited).
		if (i % 10 === 0) {
			paths.push(
				`/explore?category=${encodeURIComponent(s)}&from=${encodeURIComponent(s)}&before=${encodeURIComponent(s)}`,
				`/api/v1/reports?q=${encodeURIComponent(s)}&language=${encodeURIComponent(s)}`,
				`/api/v1/companies/${encodeURIComponent(s)}`,
				`/reports/${encodeURIComponent(s)}`,
				`/patterns/${encodeURIComponent(s)}`
			);
		}
		for (const path of paths) {
			const response = await page.request.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBeLessThan(500);
		}
	}
});

test('script payloads typed into the report form are shown as text and never run', async ({
	page,
	user: _user
}) => {
	const dialogs: string[] = [];
	const errors: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message());
		await dialog.dismiss();
	});
	page.on('pageerror', (error) => errors.push(error.message));
	const payload = scripts.slice(0, 40).join('\n\n');
	const title = '<img src=x onerror=alert(1)> "><script>alert(2)</script>';
	await page.goto('/reports/new');
	await fillRequiredFields(page, {
		company: `Naughty Strings Ltd ${Date.now()}`,
		title,
		category: 'Billing error',
		outcome: 'Unresolved',
		stars: 1,
		narrative: `The agent pasted this into my account notes:\n\n${payload}`
	});
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByRole('region', { name: 'Preview' })).toContainText('agent pasted');
	await page.getByRole('button', { name: 'Publish report' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('region', { name: "The consumer's account" })).toContainText(
		'<script>alert(123)</script>'
	);
	// Reload: the server-rendered page, then hydration, with the payloads in place.
	await page.reload();
	await page.goto(`/explore?q=${encodeURIComponent('agent pasted')}`);
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await expectAccessible(page);
	expect(dialogs).toEqual([]);
	expect(errors).toEqual([]);
});
