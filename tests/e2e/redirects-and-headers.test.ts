/**
 * Issue 21's hostile audit, items 1, 2, 9 and 14: no redirect leaves the site, sign-up and the
 * forgotten-password form answer alike whether an account exists, and every page keeps to its
 * Content-Security-Policy (no inline styles) with a UTF-8 content type.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
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
		.flatMap((b) => [`/en${b}`, `/de${b}`, b])
		// A path the request itself would send to another host is not a request to this site.
		.filter((path) => new URL(path, baseURL).origin === new URL(baseURL!).origin);
	for (const path of [...paths, '/en/%5Cevil.example', '/en//evil.example/x?y=1']) {
		const response = await page.request.get(path, {
			maxRedirects: 0,
			headers: { 'sec-fetch-dest': 'document', 'accept-language': 'de' }
		});
		expect(response.status(), path).toBeLessThan(500);
		if (response.status() >= 300 && response.status() < 400) {
			expectSameSitePath(response.headers()['location'], baseURL!, path);
		}
	}
	// The audit's own request: a 307 to this site's /evil.example, a page that does not exist.
	const audit = await page.request.get('/en//evil.example', {
		maxRedirects: 0,
		headers: { 'sec-fetch-dest': 'document' }
	});
	expect(audit.status()).toBe(307);
	expect(audit.headers()['location']).toBe('/evil.example');
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

	/**
	 * A form's answer as a browser without JavaScript gets it, and as an enhanced form does, each
	 * sent for its own address (`form` names it): a second sign-up for one address finds it taken.
	 */
	async function answers(
		page: Page,
		baseURL: string,
		path: string,
		form: (variant: 'html' | 'json') => Record<string, string>
	) {
		const html = await page.request.post(path, {
			form: form('html'),
			headers: { origin: baseURL, accept: 'text/html' },
			maxRedirects: 0
		});
		const json = await page.request.post(path, {
			form: form('json'),
			headers: { origin: baseURL, accept: 'application/json', 'x-sveltekit-action': 'true' },
			maxRedirects: 0
		});
		return {
			status: [html.status(), json.status()],
			cookies: [html.headers()['set-cookie'] ?? null, json.headers()['set-cookie'] ?? null],
			bodies: [await html.text(), await json.text()]
		};
	}

	/** Every subject mailed to an address, oldest first. */
	const subjectsTo = (address: string) =>
		withDb((db) =>
			db.$client
				.prepare('select subject from mail_outbox where "to" = ? order by id')
				.pluck()
				.all(address)
		);

	test('sign-up gives a taken and a new address the same answer, and mails each owner', async ({
		page,
		baseURL
	}) => {
		const taken = { html: uniqueEmail('taken'), json: uniqueEmail('taken') };
		const fresh = { html: uniqueEmail('fresh'), json: uniqueEmail('fresh') };
		for (const email of Object.values(taken)) await makeAccount(email, 'the owner passphrase');
		const forTaken = await answers(page, baseURL!, '/signup', (v) => ({
			email: taken[v],
			displayName: ''
		}));
		const forFresh = await answers(page, baseURL!, '/signup', (v) => ({
			email: fresh[v],
			displayName: ''
		}));
		expect(forTaken.status).toEqual([200, 200]);
		expect(forTaken.cookies).toEqual([null, null]);
		// Byte for byte: the answer echoes nothing of the address.
		expect(forTaken).toEqual(forFresh);
		expect(forTaken.bodies[0]).toContain('Check your mail');
		for (const v of ['html', 'json'] as const) {
			await expect
				.poll(() => subjectsTo(taken[v]))
				.toEqual(['Someone tried to sign up with your address']);
			await expect
				.poll(() => subjectsTo(fresh[v]))
				.toEqual(['Finish creating your Recourse account']);
		}
	});

	test('the forgotten-password form gives a known and an unknown address the same answer', async ({
		page,
		baseURL
	}) => {
		const known = { html: uniqueEmail('known'), json: uniqueEmail('known') };
		const unknown = { html: uniqueEmail('unkno'), json: uniqueEmail('unkno') };
		for (const email of Object.values(known)) await makeAccount(email, 'the owner passphrase');
		const forKnown = await answers(page, baseURL!, '/password/forgot', (v) => ({
			email: known[v]
		}));
		const forUnknown = await answers(page, baseURL!, '/password/forgot', (v) => ({
			email: unknown[v]
		}));
		expect(forKnown.status).toEqual([200, 200]);
		expect(forKnown).toEqual(forUnknown);
		for (const v of ['html', 'json'] as const) {
			await expect.poll(() => latestMailTo(known[v])?.text).toMatch(/token=/);
			await expect.poll(() => latestMailTo(unknown[v])?.text).toMatch(/\/signup/);
		}
	});
});

test('pages keep to a Content-Security-Policy without inline styles, in UTF-8', async ({
	page,
	baseURL
}) => {
	const user = await signIn(page, baseURL!);
	const company = `Headers Telecom ${Date.now()}`;
	const { slug, reportId } = withDb((db) => {
		const made = createReport(
			db,
			reportInput({ company, website: `headers-${Date.now()}.example` }),
			user.userId
		);
		if (!made.ok) throw new Error('could not file the report');
		const slug = db.$client
			.prepare('select slug from company where name = ?')
			.pluck()
			.get(company) as string;
		return { slug, reportId: made.id };
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
		`/reports/${reportId}`,
		`/compare?c=${slug}`,
		'/notifications',
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
	// The forms a signed-out visitor sees, in another language.
	await page.context().clearCookies();
	for (const path of ['/login', '/signup', '/pl/password/forgot']) {
		const response = await page.goto(path);
		expect(response!.headers()['content-type'], path).toBe('text/html; charset=utf-8');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	// The distribution bars are drawn without a style attribute.
	await page.goto(`/companies/${slug}`);
	expect(await page.locator('[style]').count()).toBe(0);
	expect(violations).toEqual([]);
});
