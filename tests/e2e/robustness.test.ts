import { eq } from 'drizzle-orm';
import { createUser } from '../../src/lib/server/auth/users';
import { openDatabase } from '../../src/lib/server/db/client';
import { report } from '../../src/lib/server/db/schema';
import { databasePath, expect, signIn, test } from './fixtures';

test('odd addresses and parameters never cause a server error', async ({ page }) => {
	const paths = [
		'/companies?after=%ff%fe',
		'/companies?q=%00%27%22%3Cscript%3E',
		'/companies?q=' + 'x'.repeat(5000),
		'/companies/%E2%80%AE',
		'/companies/a?before=99999999999999999999-1',
		'/companies/suggest?q=%25%5F%5C',
		'/reports/99999999999999999999',
		'/reports/-1',
		'/reports/1.5',
		'/reports/new?company=%00',
		'/login?redirectTo=//evil.example',
		'/signup?redirectTo=javascript:alert(1)',
		'/logout'
	];
	for (const path of paths) {
		const response = await page.request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBeLessThan(500);
	}
});

// Before: each of these was dropped and the page showed something else (the first page, every
// sort, every category) as if the reader had asked for it.
test('a page refuses a parameter value it cannot read, naming it, in the reader language', async ({
	page,
	baseURL
}) => {
	const refused: [string, string][] = [
		['/patterns?sort=bogus', 'sort'],
		['/companies?q=' + 'x'.repeat(101), 'q'],
		['/companies/a?before=yesterday', 'before'],
		['/de/patterns?sort=newest', 'sort']
	];
	for (const [path, name] of refused) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(400);
		// The parameter named between the language's quotation marks.
		await expect(page.getByText(new RegExp(`[“„«]${name}[”“»]`))).toBeVisible();
	}
	await expect(page.getByText('Die Adresse enthält einen Wert')).toBeVisible();
	await signIn(page, baseURL!);
	for (const path of ['/notifications?before=abc', '/account/reports?before=0-x']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(400);
		await expect(page.getByText(/[“„«]before[”“»]/)).toBeVisible();
	}
	// Names a page does not take (a campaign tag) are passed over.
	expect((await page.goto('/patterns?sort=growth&utm_source=mail'))?.status()).toBe(200);
});

test('odd form submissions are refused without a server error or a saved report', async ({
	page,
	baseURL
}) => {
	const user = await signIn(page, baseURL!);
	const headers = { origin: baseURL!, accept: 'text/html' };
	const bodies: { data?: string; form?: Record<string, string>; contentType?: string }[] = [
		{ data: '{}', contentType: 'application/json' },
		{ data: 'hello', contentType: 'text/plain' },
		{ data: 'garbage', contentType: 'multipart/form-data; boundary=x' },
		{ form: { title: '\u0000\uffff', rating: '1', channels: '\u0000', startedOn: '9999-99-99' } },
		{ form: { narrative: 'x'.repeat(100_000), contacts: '1e400', hours: 'NaN' } }
	];
	for (const body of bodies) {
		const response = await page.request.post('/reports/new', {
			headers: body.contentType ? { ...headers, 'content-type': body.contentType } : headers,
			data: body.data,
			form: body.form,
			maxRedirects: 0
		});
		expect(response.status(), JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
		expect(response.status(), JSON.stringify(body).slice(0, 80)).toBeLessThan(500);
	}
	const db = openDatabase(databasePath);
	try {
		expect(db.select().from(report).where(eq(report.authorId, user.userId)).all()).toEqual([]);
	} finally {
		db.$client.close();
	}
});

test('repeated failed log-ins slow the account down with a clear message', async ({ page }) => {
	const email = `locked-${Date.now()}@example.test`;
	const db = openDatabase(databasePath);
	try {
		await createUser(db, { email, password: 'the right password' });
	} finally {
		db.$client.close();
	}
	// Wait for the page's scripts, so that every click below goes through the enhanced form.
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password').fill('wrong password 1');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'That e-mail and password do not match an account.'
	);
	for (const attempt of [2, 3]) {
		await page.getByLabel('Password').fill(`wrong password ${attempt}`);
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'That e-mail and password do not match an account.'
		);
	}
	await page.getByLabel('Password').fill('wrong password 4');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		/Too many failed log-ins for this account\. Please wait \d+ seconds?/
	);
	// Even the right password waits until the pause is over.
	const response = await page.request.post('/login', {
		form: { email, password: 'the right password' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	if (response.status() === 429) expect(response.headers()['retry-after']).toMatch(/^\d+$/);
	else expect(response.status()).toBe(303);
});

test('oversized bodies, broken encodings and out-of-range numbers get a 4xx', async ({
	page,
	baseURL
}) => {
	await signIn(page, baseURL!);
	const headers = { origin: baseURL!, accept: 'text/html' };
	// Over adapter-node's body limit (512 KB): refused before any parsing.
	const huge = await page.request.post('/reports/new', {
		headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
		data: `narrative=${'x'.repeat(1_000_000)}`,
		maxRedirects: 0
	});
	expect(huge.status()).toBe(413);
	// Percent-encoding that is not UTF-8, and numbers far out of range.
	for (const data of [
		'title=%FF%FE%FD&narrative=%C3%28',
		'contacts=1e309&hours=-5&agents=99999999999999999999&rating=6&amountDisputed=1e400'
	]) {
		const response = await page.request.post('/reports/new', {
			headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
			data,
			maxRedirects: 0
		});
		expect(response.status(), data).toBe(400);
	}
	const page400 = await page.request.post('/reports/new', {
		headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
		data: 'contacts=1e309&rating=6',
		maxRedirects: 0
	});
	expect(await page400.text()).toContain('Enter a whole number, like 3.');
});
