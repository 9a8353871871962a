/**
 * On a slow connection a visitor can type before the page's script arrives; hydration then
 * resets every field to the server's value. What they typed, chose and ticked must survive it,
 * and the form must work as usual afterwards.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectAccessible, fillRequiredFields, signIn, test } from './fixtures';

/** A page whose scripts are held back until `release()`: the server's HTML and CSS alone, at first. */
async function slowScripts(context: BrowserContext) {
	const page = await context.newPage();
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	// SvelteKit's scripts; the early-typing script (hashed under /_app/ too) arrives as usual.
	const appScript = (url: URL) =>
		url.pathname.startsWith('/_app/') &&
		url.pathname.endsWith('.js') &&
		!url.pathname.includes('typed-early');
	await page.route(appScript, async (route) => {
		await held;
		await route.continue();
	});
	return { page, release };
}

/** Waits until the page shows and records typing (src/lib/typed-early-script.js), as a person would. */
async function shown(page: Page, path: string) {
	await page.goto(path, { waitUntil: 'commit' });
	await page.waitForFunction(() => '__keepTypedEarly' in window);
}

/** Waits until the page has hydrated and put back what was typed (src/lib/typed-early.ts). */
async function hydrated(page: Page) {
	await page.waitForFunction(() => !('__keepTypedEarly' in window));
}

test('search words and a filter chosen before the page hydrates are kept, and searched', async ({
	context
}) => {
	const { page, release } = await slowScripts(context);
	await shown(page, '/explore');
	await page.getByLabel('Words in the title, product or account').fill('refund early');
	await page.getByLabel('What failed').selectOption({ label: 'Refund refused' });
	release();
	await hydrated(page);
	await expect(page.getByLabel('Words in the title, product or account')).toHaveValue(
		'refund early'
	);
	await expect(page.getByLabel('What failed')).toHaveValue('refund-refused');
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/q=refund\+early/);
	await expect(page).toHaveURL(/category=refund-refused/);
	await expectAccessible(page);
});

test('a report started before the form hydrates keeps its text and choice, and can be published', async ({
	context,
	baseURL
}) => {
	const { page, release } = await slowScripts(context);
	await signIn(page, baseURL!);
	await shown(page, '/reports/new');
	const stamp = Date.now().toString(36);
	const title = `Typed early ${stamp}`;
	await page.getByLabel('Title').fill(title);
	await page
		.getByLabel('What happened, in your words')
		.fill('I started typing while the page was still loading on a train.');
	await page.getByLabel('What failed').selectOption({ label: 'Service outage' });
	release();
	await hydrated(page);
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await expect(page.getByLabel('What happened, in your words')).toHaveValue(
		'I started typing while the page was still loading on a train.'
	);
	await expect(page.getByLabel('What failed')).toHaveValue('service-outage');
	await expectAccessible(page);
	await fillRequiredFields(page, {
		company: `Early Typing Co ${stamp}`,
		title,
		category: 'Service outage',
		outcome: 'Unresolved',
		stars: 2,
		narrative: 'I started typing while the page was still loading on a train.'
	});
	await page.getByRole('button', { name: 'Publish report' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});
