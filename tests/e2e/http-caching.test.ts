/**
 * What an HTTP cache and a client see: version ETags and 304s on anonymous reads, shared-cache
 * lifetimes, private signed-in pages, compression, and year-long lifetimes for hashed assets.
 */
import type { APIRequestContext } from '@playwright/test';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { createUser } from '../../src/lib/server/auth/users';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { expect, test, uniqueEmail, withDbAsync } from './fixtures';

/** Files a report straight into the suite's database, as another process would. */
async function fileReport(company: string, title: string): Promise<number> {
	const stamp = company.toLowerCase().replace(/\W+/g, '-');
	return withDbAsync(async (db) => {
		const author = await createUser(db, {
			email: uniqueEmail('cache'),
			password: 'long password x'
		});
		if (!author.ok) throw new Error('no user');
		const result = createReport(
			db,
			reportInput({ company, website: `${stamp}.example`, title }),
			author.user.id
		);
		if (!result.ok) throw new Error('no report');
		return result.id;
	});
}

/**
 * Other tests write while this one runs, and every write is a new version: asks again until a
 * request sent with the ETag just received is answered 304.
 */
async function expectRevalidated(request: APIRequestContext, path: string) {
	await expect(async () => {
		const fresh = await request.get(path);
		expect(fresh.status()).toBe(200);
		const etag = fresh.headers()['etag']!;
		const again = await request.get(path, { headers: { 'if-none-match': etag } });
		expect(again.status()).toBe(304);
		expect(again.headers()['etag']).toBe(etag);
		expect(await again.body()).toHaveLength(0);
	}).toPass();
}

test('anonymous pages, feeds, exports and the API carry a version ETag and a shared-cache lifetime', async ({
	request
}) => {
	const id = await fileReport(`Cache Carrier ${Date.now().toString(36)}`, 'Cached report');
	const paths = [
		'/',
		'/companies',
		`/reports/${id}`,
		'/de/companies',
		'/explore?category=service-outage',
		'/explore/feed',
		'/explore/export.csv?limit=5',
		'/api/v1/reports?limit=5',
		'/companies/suggest?q=cache',
		'/sitemap.xml',
		'/robots.txt',
		'/status'
	];
	for (const path of paths) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const headers = response.headers();
		expect(headers['etag'], path).toMatch(/^W\/".+"$/);
		expect(headers['cache-control'], path).toMatch(
			/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/
		);
		expect(headers['vary'], path).toContain('Cookie');
		expect(headers['vary'], path).toContain('Accept-Encoding');
		await expectRevalidated(request, path);
	}
	// The language is part of the version: the same page in German is another representation.
	const en = (await request.get('/companies')).headers()['etag'];
	const de = (await request.get('/de/companies')).headers()['etag'];
	expect(de).not.toBe(en);
});

test('a new report makes the old ETag stale: the page comes back whole, with the report', async ({
	request
}) => {
	const stamp = Date.now().toString(36);
	const company = `Revalidated Rail ${stamp}`;
	await fileReport(company, 'First delay');
	const path = `/companies/revalidated-rail-${stamp}`;
	const before = await request.get(path);
	expect(await before.text()).toContain('First delay');
	const etag = before.headers()['etag']!;
	await fileReport(company, 'Second delay');
	const after = await request.get(path, { headers: { 'if-none-match': etag } });
	expect(after.status()).toBe(200);
	expect(after.headers()['etag']).not.toBe(etag);
	expect(await after.text()).toContain('Second delay');
});

test('a signed-in page is private and never answered from a validator', async ({
	playwright,
	baseURL
}) => {
	const token = generateSessionToken();
	await withDbAsync(async (db) => {
		const user = await createUser(db, {
			email: uniqueEmail('private'),
			password: 'long password x'
		});
		if (!user.ok) throw new Error('no user');
		createSession(db, token, user.user.id);
	});
	const signedIn = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { cookie: `session=${token}` }
	});
	const anonymous = await playwright.request.newContext({ baseURL });
	try {
		const publicEtag = (await anonymous.get('/companies')).headers()['etag']!;
		for (const path of ['/companies', '/account', '/notifications', '/api/v1/reports?limit=1']) {
			const response = await signedIn.get(path, { headers: { 'if-none-match': publicEtag } });
			expect(response.status(), path).toBe(200);
			expect(response.headers()['cache-control'], path).toBe('private, no-store');
			expect(response.headers()['vary'], path).toContain('Cookie');
		}
		expect(await (await signedIn.get('/account')).text()).toContain('Log out');
	} finally {
		await signedIn.dispose();
		await anonymous.dispose();
	}
});

test('HTML, JSON, CSV and Atom are compressed as the client accepts; exports stay streamed', async ({
	request
}) => {
	const id = await fileReport(`Zipped Water ${Date.now().toString(36)}`, 'Compressed report');
	const cases: [string, string, RegExp][] = [
		[`/reports/${id}`, 'br', /Compressed report/],
		['/api/v1/reports?limit=20', 'gzip', /"data"/],
		['/explore/export.csv', 'br', /Compressed report/],
		['/explore/export.json', 'gzip', /Compressed report/],
		['/explore/feed', 'gzip', /<feed/]
	];
	for (const [path, encoding, content] of cases) {
		const response = await request.get(path, { headers: { 'accept-encoding': encoding } });
		expect(response.status(), path).toBe(200);
		expect(response.headers()['content-encoding'], path).toBe(encoding);
		expect(response.headers()['vary'], path).toContain('Accept-Encoding');
		// The client decodes: the body is the document itself.
		expect(await response.text(), path).toMatch(content);
	}
	const exported = await request.get('/explore/export.csv', {
		headers: { 'accept-encoding': 'gzip' }
	});
	expect(exported.headers()['transfer-encoding']).toBe('chunked');
	expect(exported.headers()['content-length']).toBeUndefined();
	const plain = await request.get(`/reports/${id}`, { headers: { 'accept-encoding': 'identity' } });
	expect(plain.headers()['content-encoding']).toBeUndefined();
});

test('hashed assets, the early-typing script among them, are cached for a year', async ({
	request
}) => {
	const html = await (await request.get('/explore')).text();
	const script = /src="([^"]*typed-early[^"]*\.js)"/.exec(html)?.[1];
	expect(script).toMatch(/^\/_app\/immutable\//);
	const response = await request.get(script!, { headers: { 'accept-encoding': 'br' } });
	expect(response.status()).toBe(200);
	expect(response.headers()['cache-control']).toBe('public,max-age=31536000,immutable');
	expect(response.headers()['content-encoding']).toBe('br');
	expect(await response.text()).toContain('__keepTypedEarly');
});
