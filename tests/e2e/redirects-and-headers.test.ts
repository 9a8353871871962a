/**
 * Issue 21's hostile audit, items 1, 2, 9 and 14: no redirect leaves the site, sign-up and the
 * forgotten-password form answer alike whether an account exists, and every page keeps to its
 * Content-Security-Policy (no inline styles) with a UTF-8 content type.
 */
import { readFileSync } from 'node:fs';
import { createUser } from '../../src/lib/server/auth/users';
import { openDatabase } from '../../src/lib/server/db/client';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { databasePath, expect, latestMailTo, signIn, test, uniqueEmail, withDb } from './fixtures';

/** An account made directly in the suite server's database (hashing is asynchronous). */
async function makeAccount(email: string, password: string): Promise<void> {
	const db = openDatabase(databasePath);
	try {
		const made = await createUser(db, { email, password });
		if (!made.ok) throw new Error(made.reason);
	} finally {
		db.$client.close();
	}
}

const bypasses = JSON.parse(
	readFileSync('tests/fixtures/redirect-bypasses.json', 'utf8')
) as string[];

/** A Location header that a browser on `baseURL` follows to a path of the same site. */
function expectSameSitePath(location: string | undefined, baseURL: string, what: string) {
	expect(location, what).toBeTruthy();
	expect(location!, what).toMatch(/^\/(?![/\\])/);
	expect(new URL(location!, baseURL).origin, `${what} → ${location}`).toBe(new URL(baseURL).origin);
}

test('the locale redirect never sends a browser to another site', async ({ page, baseURL }) => {
	const paths = bypasses
		.filter((b) => b.startsWith('/') && !/\s/.test(b))
		.flatMap((b) => [`/en${b}`, b]);
	for (const path of [
		...paths,
		'/en//evil.example',
		'/en/%5Cevil.example',
		'/en//evil.example/x?y=1'
	]) {
		const response = await page.request.get(path, {
			maxRedirects: 0,
			headers: { 'sec-fetch-dest': 'document', 'accept-language': 'de' }
		});
		expect(response.status(), path).toBeLessThan(500);
		if (response.status() >= 300 && response.status() < 400) {
			expectSameSitePath(response.headers()['location'], baseURL!, path);
		}
	}
});

test('log-in and sign-up send a signed-in browser only to paths of this site', async ({
	page,
	baseURL
}) => {
	const password = 'a long enough password';
	const email = uniqueEmail('redirect');
	await makeAccount(email, password);
	const headers = { origin: baseURL!, accept: 'text/html' };
	// The real log-in form, with JavaScript off: its 303 is what the browser follows.
	for (const target of [
		'/.//evil.example',
		'/..//evil.example',
		'/de//evil.example',
		'//evil.example'
	]) {
		for (const prefix of ['', '/de']) {
			const response = await page.request.post(
				`${prefix}/login?redirectTo=${encodeURIComponent(target)}`,
				{ form: { email, password }, headers, maxRedirects: 0 }
			);
			expect(response.status(), target).toBe(303);
			expectSameSitePath(response.headers()['location'], baseURL!, `log-in ${prefix} ${target}`);
		}
	}
	// Signed in now: both pages send the browser on at once, through the same check.
	for (const target of bypasses) {
		for (const path of ['/login', '/signup', '/de/login', '/pl/signup']) {
			const url = `${path}?redirectTo=${encodeURIComponent(target)}`;
			const response = await page.request.get(url, { maxRedirects: 0 });
			expect(response.status(), url).toBe(303);
			expectSameSitePath(response.headers()['location'], baseURL!, url);
		}
	}
});

test.describe('answers that do not tell who has an account', () => {
	test.use({ javaScriptEnabled: false });

	/** A form answer as a browser without JavaScript gets it, and as an enhanced form does. */
	async function answers(
		page: import('@playwright/test').Page,
		baseURL: string,
		path: string,
		form: Record<string, string>
	) {
		const html = await page.request.post(path, {
			form,
			headers: { origin: baseURL, accept: 'text/html' },
			maxRedirects: 0
		});
		const json = await page.request.post(path, {
			form,
			headers: { origin: baseURL, accept: 'application/json', 'x-sveltekit-action': 'true' },
			maxRedirects: 0
		});
		return {
			status: [html.status(), json.status()],
			cookies: [html.headers()['set-cookie'] ?? null, json.headers()['set-cookie'] ?? null],
			bodies: [await html.text(), await json.text()]
		};
	}

	test('sign-up gives a taken and a new address the same answer, and mails each owner', async ({
		page,
		baseURL
	}) => {
		const taken = uniqueEmail('taken');
		await makeAccount(taken, 'the owner passphrase');
		const fresh = taken.replace('taken', 'fresh');
		const form = (email: string) => ({ email, displayName: '' });
		const forTaken = await answers(page, baseURL!, '/signup', form(taken));
		const forFresh = await answers(page, baseURL!, '/signup', form(fresh));
		const forFreshAgain = await answers(
			page,
			baseURL!,
			'/signup',
			form(fresh.replace('fresh', 'fresq'))
		);
		expect(forTaken.status).toEqual([200, 200]);
		expect(forTaken).toEqual(forFresh);
		expect(forFreshAgain).toEqual(forFresh);
		expect(forTaken.bodies[0]).toContain('Check your mail');
		await expect.poll(() => latestMailTo(taken)?.subject).toBeTruthy();
		await expect.poll(() => latestMailTo(fresh)?.subject).toBeTruthy();
		expect(latestMailTo(taken)?.subject).not.toBe(latestMailTo(fresh)?.subject);
	});

	test('the forgotten-password form gives a known and an unknown address the same answer', async ({
		page,
		baseURL
	}) => {
		const known = uniqueEmail('known');
		await makeAccount(known, 'the owner passphrase');
		const unknown = known.replace('known', 'unkno');
		const forKnown = await answers(page, baseURL!, '/password/forgot', { email: known });
		const forUnknown = await answers(page, baseURL!, '/password/forgot', { email: unknown });
		expect(forKnown.status).toEqual([200, 200]);
		expect(forKnown).toEqual(forUnknown);
		await expect.poll(() => latestMailTo(known)?.text).toMatch(/token=/);
		await expect.poll(() => latestMailTo(unknown)?.text).toMatch(/\/signup/);
	});
});

test('pages keep to a Content-Security-Policy without inline styles, in UTF-8', async ({
	page,
	baseURL
}) => {
	const user = await signIn(page, baseURL!);
	const company = `Headers Telecom ${Date.now()}`;
	const slug = withDb((db) => {
		const made = createReport(
			db,
			reportInput({ company, website: `headers-${Date.now()}.example` }),
			user.userId
		);
		if (!made.ok) throw new Error('could not file the report');
		return db.$client
			.prepare('select slug from company where name = ?')
			.pluck()
			.get(company) as string;
	});
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.log(
				`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`
			);
		});
	});
	for (const path of [
		'/',
		'/companies',
		`/companies/${slug}`,
		'/explore',
		'/patterns',
		'/reports/new',
		'/account',
		'/de/about/methodology',
		'/no-such-page'
	]) {
		const response = await page.goto(path);
		const headers = response!.headers();
		expect(headers['content-type'], path).toBe('text/html; charset=utf-8');
		const csp = headers['content-security-policy'] ?? '';
		expect(csp, path).toMatch(/style-src 'self'/);
		expect(csp, path).not.toContain('unsafe-inline');
		// This suite's server runs without secure cookies, so without HSTS (see security-headers.test.ts).
		expect(headers['strict-transport-security'], path).toBeUndefined();
		await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
	}
	// The distribution bars still show, drawn without a style attribute.
	await page.goto(`/companies/${slug}`);
	expect(await page.locator('[style]').count()).toBe(0);
	expect(violations).toEqual([]);
});
