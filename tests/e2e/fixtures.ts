/** Playwright fixtures: accessibility checks, and users signed in by creating their session directly. */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { desc, eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';
import { mailOutbox, user as userTable } from '../../src/lib/server/db/schema';
import { createUser } from '../../src/lib/server/auth/users';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';

export const databasePath = 'tests/e2e/.data/e2e.db';

/** Runs work on the suite server's database through a connection of its own, closed after. */
export function withDb<T>(work: (db: ReturnType<typeof openDatabase>) => T): T {
	const db = openDatabase(databasePath);
	try {
		return work(db);
	} finally {
		db.$client.close();
	}
}

/** Async work on the suite server's database through a connection of its own, closed after. */
export async function withDbAsync<T>(work: (db: ReturnType<typeof openDatabase>) => Promise<T>) {
	const db = openDatabase(databasePath);
	try {
		return await work(db);
	} finally {
		db.$client.close();
	}
}

/** The newest message the development outbox holds for an address. */
export function latestMailTo(address: string) {
	return withDb((db) =>
		db
			.select()
			.from(mailOutbox)
			.where(eq(mailOutbox.to, address))
			.orderBy(desc(mailOutbox.id))
			.get()
	);
}

/**
 * Signs up through the form as a person does: the address, then the password through the link
 * mailed to it (docs/decisions/018-answers-that-tell-nothing.md). Labels default to English.
 */
export async function signUpThroughForm(
	page: Page,
	account: { email: string; password: string; displayName?: string },
	labels = {
		email: 'E-mail address',
		displayName: 'Public name (optional)',
		create: 'Create account',
		sent: 'Check your mail',
		password: 'New password',
		save: 'Save the new password'
	}
): Promise<void> {
	await page.getByLabel(labels.email).fill(account.email);
	if (account.displayName) await page.getByLabel(labels.displayName).fill(account.displayName);
	await page.getByRole('button', { name: labels.create }).click();
	await expect(page.getByRole('status')).toContainText(labels.sent);
	const link = latestMailTo(account.email)?.text.match(/https?:\/\/\S+token=\S+/)?.[0];
	if (!link) throw new Error(`no sign-up link was mailed to ${account.email}`);
	await page.goto(new URL(link).pathname + new URL(link).search);
	await page.getByLabel(labels.password).fill(account.password);
	await page.getByRole('button', { name: labels.save }).click();
}

/** The amount in dispute stored for the report a page address names, in minor units. */
export function storedAmount(reportUrl: string): number | null {
	const id = Number(new URL(reportUrl).pathname.match(/\/reports\/(\d+)/)?.[1]);
	return withDb(
		(db) =>
			db.$client
				.prepare('select amount_disputed_minor from report where id = ?')
				.pluck()
				.get(id) as number | null
	);
}

/** Gives a user a role directly (what `npm run admin:role` does). */
export function setUserRole(userId: string, role: 'user' | 'moderator' | 'admin') {
	withDb((db) => db.update(userTable).set({ role }).where(eq(userTable.id, userId)).run());
}

/** Fails the test on any WCAG 2.1 A/AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
	);
	expect(summary, 'axe-core violations').toEqual([]);
}

let counter = 0;
/**
 * Opens the header's language menu (a disclosure, issue 18) and returns its navigation, named
 * in the page's language ("Language", "Sprache"…).
 */
export async function languageMenu(page: Page, name: string) {
	const menu = page.getByRole('navigation', { name });
	if (!(await menu.isVisible()))
		await page
			.locator('summary')
			.filter({ hasText: `${name}:` })
			.click();
	return menu;
}

export function uniqueEmail(prefix = 'user'): string {
	counter += 1;
	return `${prefix}-${Date.now()}-${process.pid}-${counter}@example.test`;
}

export type SignedIn = { email: string; displayName: string; userId: string };

/** Creates an account and signs the page's browser context in with a fresh session cookie. */
export async function signIn(page: Page, baseURL: string): Promise<SignedIn> {
	const db = openDatabase(databasePath);
	try {
		const result = await createUser(db, {
			email: uniqueEmail(),
			password: 'a long enough password'
		});
		if (!result.ok) throw new Error('could not create the test user');
		const token = generateSessionToken();
		createSession(db, token, result.user.id);
		await page
			.context()
			.addCookies([
				{ name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: 'Lax' }
			]);
		return {
			email: result.user.email,
			displayName: result.user.displayName,
			userId: result.user.id
		};
	} finally {
		db.$client.close();
	}
}

export const test = base.extend<{ user: SignedIn }>({
	/**
	 * A page whose goto() also waits for SvelteKit to have hydrated (no network for 500 ms):
	 * text typed while hydration replaces the server-rendered form could otherwise be lost,
	 * and the test would flake on timing rather than fail on behaviour.
	 */
	page: async ({ page, javaScriptEnabled }, use) => {
		const goto = page.goto.bind(page);
		page.goto = async (url, options) => {
			const response = await goto(url, options);
			if (javaScriptEnabled !== false) await page.waitForLoadState('networkidle');
			return response;
		};
		await use(page);
	},
	user: async ({ page, baseURL }, use) => {
		await use(await signIn(page, baseURL!));
	}
});

export { expect };

/**
 * The fields of the smallest valid report form, as a browser posts them (for tests that post
 * many reports directly); `overrides` sets the company, the title or anything else.
 */
export function reportFormFields(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		company: 'Form Post Telecom',
		website: 'form-post-telecom.example',
		title: 'Line dead for a week after moving',
		product: 'Landline',
		category: 'service-outage',
		startedOn: '2026-01-10',
		outcome: 'unresolved',
		rating: '1',
		narrative: 'The line went dead the day we moved and stayed dead for a week.',
		language: 'en',
		...overrides
	};
}

/** Fills every field of the report form as a consumer would. */
export async function fillReport(
	page: Page,
	company: { name: string; website?: string },
	title: string
) {
	await page.getByLabel('Company name').fill(company.name);
	if (company.website) await page.getByLabel(/Company website/).fill(company.website);
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Product or service concerned').fill('Landline and broadband');
	await page.getByLabel('What failed').selectOption({ label: 'Service outage' });
	await page.getByLabel('What triggered it (optional)').selectOption({ label: 'Moving house' });
	await page.getByLabel('Started on').fill('2024-03-01');
	await page.getByLabel(/^Ended on/).fill('2024-03-06');
	await page.getByLabel('Number of contacts (optional)').fill('22');
	await page.getByLabel('Hours spent (optional)').fill('14.5');
	await page.getByLabel('Distinct agents spoken to (optional)').fill('50');
	await page.getByLabel('Promises or deadlines broken (optional)').fill('3');
	await page.getByRole('checkbox', { name: 'Phone' }).check();
	await page.getByRole('checkbox', { name: 'Regulator or ombudsman' }).check();
	await page.getByLabel('Currency').selectOption('USD');
	// Typed as people write it in English: a comma groups the thousands.
	await page.getByLabel('Amount in dispute (optional)').fill('7,455');
	await page.getByLabel('Amount recovered (optional)').fill('88.77');
	await page.getByLabel('Outcome').selectOption({ label: 'Resolved' });
	await page.getByRole('radio', { name: '1 star' }).check();
	await page
		.getByLabel('What happened, in your words')
		.fill('The dial tone was cut **18 hours early** and the line stayed dead for 112 hours.');
}

/** Fills only the required fields of the report form, for a new company. */
export async function fillRequiredFields(
	page: Page,
	report: {
		company: string;
		title: string;
		category: string;
		outcome: string;
		stars: number;
		narrative: string;
	}
) {
	await page.getByLabel('Company name').fill(report.company);
	await page
		.getByLabel(/Company website/)
		.fill(`${report.company.toLowerCase().replace(/\W+/g, '-')}.example`);
	await page.getByLabel('Title').fill(report.title);
	await page.getByLabel('Product or service concerned').fill('Main account');
	await page.getByLabel('What failed').selectOption({ label: report.category });
	await page.getByLabel('Started on').fill('2025-01-15');
	await page.getByLabel('Outcome').selectOption({ label: report.outcome });
	await page
		.getByRole('radio', { name: report.stars === 1 ? '1 star' : `${report.stars} stars` })
		.check();
	await page.getByLabel('What happened, in your words').fill(report.narrative);
}
