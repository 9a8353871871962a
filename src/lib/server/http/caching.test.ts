import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { appendVary, httpCaching, ifNoneMatchHas, varyFor } from './caching';
import { ResponseCache } from './response-cache';

let version = 'v1';
let locale = 'en';
const options = {
	dataVersion: () => version,
	build: 'b1',
	locale: () => locale,
	sharedSeconds: 10,
	staleSeconds: 30,
	now: () => Date.UTC(2026, 0, 1)
};
const handle = httpCaching(options);

/** Calls the handle as SvelteKit would; `rendered` counts how often the page was rendered. */
async function request(
	path: string,
	options: {
		headers?: Record<string, string>;
		cookies?: Record<string, string>;
		method?: string;
		user?: boolean;
		respond?: () => Response;
		handle?: typeof handle;
	} = {}
) {
	const url = new URL(path, 'http://localhost');
	let rendered = 0;
	const event = {
		url,
		request: new Request(url, { method: options.method ?? 'GET', headers: options.headers }),
		cookies: { get: (name: string) => options.cookies?.[name] },
		locals: { user: options.user ? { id: 'u' } : null, session: null }
	} as unknown as RequestEvent;
	const response = await (options.handle ?? handle)({
		event,
		resolve: async () => {
			rendered += 1;
			return options.respond?.() ?? new Response('<p>page</p>', { status: 200 });
		}
	});
	return { response, rendered };
}

describe('HTTP caching', () => {
	it('gives an anonymous read a version ETag and a shared-cache lifetime', async () => {
		const { response } = await request('/companies');
		expect(response.status).toBe(200);
		expect(response.headers.get('etag')).toMatch(/^W\/"b1\.v1\.en\./);
		expect(response.headers.get('cache-control')).toBe(
			'public, max-age=0, s-maxage=10, stale-while-revalidate=30'
		);
		expect(response.headers.get('vary')).toBe(
			'Accept-Encoding, Accept-Language, Cookie, Sec-Fetch-Dest'
		);
	});

	it('answers 304 without rendering while the data version stands, and renders once it moves', async () => {
		const etag = (await request('/companies')).response.headers.get('etag')!;
		const same = await request('/companies', { headers: { 'if-none-match': etag } });
		expect(same.response.status).toBe(304);
		expect(same.rendered).toBe(0);
		expect(same.response.headers.get('etag')).toBe(etag);
		expect(same.response.headers.get('cache-control')).toContain('s-maxage=10');
		version = 'v2';
		const moved = await request('/companies', { headers: { 'if-none-match': etag } });
		expect(moved.response.status).toBe(200);
		expect(moved.rendered).toBe(1);
		expect(moved.response.headers.get('etag')).not.toBe(etag);
	});

	it('never shares a signed-in response, nor answers it from a validator', async () => {
		const etag = (await request('/companies')).response.headers.get('etag')!;
		for (const signedIn of [{ user: true }, { cookies: { session: 'token' } }]) {
			const { response, rendered } = await request('/companies', {
				...signedIn,
				headers: { 'if-none-match': etag }
			});
			expect(response.status).toBe(200);
			expect(rendered).toBe(1);
			expect(response.headers.get('cache-control')).toBe('private, no-store');
			expect(response.headers.get('etag')).toBeNull();
		}
	});

	it('keeps a response that sets a cookie out of shared caches', async () => {
		const { response } = await request('/companies', {
			respond: () => new Response('x', { headers: { 'set-cookie': 'PARAGLIDE_LOCALE=en' } })
		});
		expect(response.headers.get('cache-control')).toBe('private, no-cache');
	});

	it('renders a first page visit that will remember the language, whatever the validator', async () => {
		const etag = (await request('/companies')).response.headers.get('etag')!;
		const { response, rendered } = await request('/companies', {
			headers: { 'if-none-match': etag, 'sec-fetch-dest': 'document' }
		});
		expect(rendered).toBe(1);
		expect(response.status).toBe(200);
	});

	it('leaves errors, writes and routes that opt out alone', async () => {
		const missing = await request('/reports/999', {
			respond: () => new Response('gone', { status: 404 })
		});
		expect(missing.response.headers.get('etag')).toBeNull();
		expect(missing.response.headers.get('cache-control')).toBeNull();
		const post = await request('/reports/new', { method: 'POST' });
		expect(post.response.headers.get('cache-control')).toBeNull();
		const optedOut = await request('/api/v1/reports', {
			respond: () => new Response('[]', { headers: { 'cache-control': 'no-store' } })
		});
		expect(optedOut.response.headers.get('cache-control')).toBe('no-store');
		expect(optedOut.response.headers.get('vary')).toBe('Accept-Encoding, Cookie');
	});

	// Before: a dataset file's year-long lifetime and hash ETag were replaced by the data version's.
	it('leaves immutable answers their own lifetime and validator', async () => {
		const file = await request('/about/data/2026-11-29T060000Z/report.csv.gz', {
			respond: () =>
				new Response('gz', {
					headers: { 'cache-control': 'public, max-age=31536000, immutable', etag: '"abc"' }
				})
		});
		expect(file.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(file.response.headers.get('etag')).toBe('"abc"');
	});

	it('varies machine routes by cookie only, prefixed pages not by preferred language', () => {
		expect(varyFor(new URL('http://x/status'))).toEqual(['Accept-Encoding', 'Cookie']);
		expect(varyFor(new URL('http://x/de/companies'))).toEqual([
			'Accept-Encoding',
			'Cookie',
			'Sec-Fetch-Dest'
		]);
	});

	it('compares validators weakly, in lists', () => {
		expect(ifNoneMatchHas('"a", W/"b"', 'W/"b"')).toBe(true);
		expect(ifNoneMatchHas('W/"a"', '"a"')).toBe(true);
		expect(ifNoneMatchHas('"ab"', 'W/"a"')).toBe(false);
		expect(ifNoneMatchHas(null, 'W/"a"')).toBe(false);
	});

	it('merges Vary names once, case-insensitively', () => {
		const headers = new Headers({ vary: 'accept-encoding' });
		appendVary(headers, ['Accept-Encoding', 'Cookie']);
		expect(headers.get('vary')).toBe('accept-encoding, Cookie');
	});
});

describe('whole responses kept per data version (issue 20 item 5)', () => {
	const cache = new ResponseCache({ maxBytes: 1_000, except: /^\/status$/ });
	const cached = httpCaching({ ...options, responses: cache });
	/** A request through the handle with the response cache; `body` is what was sent. */
	const ask = async (path: string, given: Parameters<typeof request>[1] = {}) => {
		const sent = await request(path, {
			handle: cached,
			respond: () =>
				new Response(`<p>${path} ${version} ${locale}</p>`, {
					headers: { 'content-type': 'text/html' }
				}),
			...given
		});
		return { ...sent, body: await sent.response.text() };
	};

	it('renders an anonymous page once per data version, language and address', async () => {
		version = 'v1';
		const first = await ask('/companies?page=2');
		expect(first.rendered).toBe(1);
		const again = await ask('/companies?page=2');
		expect(again.rendered).toBe(0);
		expect(again.body).toBe(first.body);
		expect(again.response.headers.get('etag')).toBe(first.response.headers.get('etag'));
		expect(again.response.headers.get('content-type')).toBe('text/html');
		expect(again.response.headers.get('cache-control')).toContain('s-maxage=10');

		expect((await ask('/companies?page=3')).rendered).toBe(1);
		locale = 'de';
		const german = await ask('/companies?page=2');
		expect([german.rendered, german.body]).toEqual([1, '<p>/companies?page=2 v1 de</p>']);
		locale = 'en';
		version = 'v2';
		const moved = await ask('/companies?page=2');
		expect([moved.rendered, moved.body]).toEqual([1, '<p>/companies?page=2 v2 en</p>']);
	});

	it('never keeps a signed-in page, one that sets a cookie, an error or a private answer', async () => {
		const twice = async (options: Parameters<typeof request>[1], path = '/reports/1') => {
			await ask(path, options);
			return (await ask(path, options)).rendered;
		};
		expect(await twice({ user: true })).toBe(1);
		expect(await twice({ cookies: { session: 'token' } })).toBe(1);
		expect(
			await twice({
				respond: () => new Response('x', { headers: { 'set-cookie': 'PARAGLIDE_LOCALE=de' } })
			})
		).toBe(1);
		expect(await twice({ respond: () => new Response('gone', { status: 404 }) })).toBe(1);
		expect(
			await twice({ respond: () => new Response('x', { headers: { 'cache-control': 'private' } }) })
		).toBe(1);
		// A signed-in visitor never gets what an anonymous one left.
		await ask('/patterns');
		expect((await ask('/patterns', { user: true })).rendered).toBe(1);
	});

	it('keeps no more than its size, and nothing larger than it', async () => {
		const big = () => new Response('x'.repeat(2_000), { headers: { 'content-type': 'text/html' } });
		await ask('/big', { respond: big });
		expect((await ask('/big', { respond: big })).rendered).toBe(1);
		for (let i = 0; i < 60; i++) await ask(`/page-${i}`);
		expect(cache.bytes).toBeLessThanOrEqual(1_000);
		expect((await ask('/page-59')).rendered).toBe(0);
		expect((await ask('/page-0')).rendered).toBe(1);
	});

	it('renders afresh for a client that asks for no-cache (the benchmark cold rows)', async () => {
		await ask('/explore?q=refund');
		const fresh = await ask('/explore?q=refund', { headers: { 'cache-control': 'no-cache' } });
		expect(fresh.rendered).toBe(1);
		expect((await ask('/explore?q=refund', { headers: { pragma: 'no-cache' } })).rendered).toBe(1);
		expect((await ask('/explore?q=refund')).rendered).toBe(0);
	});

	it('always renders the addresses it is told to skip', async () => {
		await ask('/status');
		expect((await ask('/status')).rendered).toBe(1);
	});

	it('leaves streamed downloads alone', async () => {
		const csv = () =>
			new Response('a,b\n', {
				headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment' }
			});
		await ask('/explore/export.csv', { respond: csv });
		expect((await ask('/explore/export.csv', { respond: csv })).rendered).toBe(1);
	});
});
