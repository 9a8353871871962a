/** Playwright fixtures: accessibility checks, and users signed in by creating their session directly. */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { openDatabase } from '../../src/lib/server/db/client';
import { createUser } from '../../src/lib/server/auth/users';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';

export const databasePath = 'tests/e2e/.data/e2e.db';

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
export function uniqueEmail(prefix = 'user'): string {
	counter += 1;
	return `${prefix}-${Date.now()}-${process.pid}-${counter}@example.test`;
}

type SignedIn = { email: string; displayName: string; userId: string };

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
	user: async ({ page, baseURL }, use) => {
		await use(await signIn(page, baseURL!));
	}
});

export { expect };
