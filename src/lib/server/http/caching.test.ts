import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { appendVary, httpCaching, ifNoneMatchHas, varyFor } from './caching';

let version = 'v1';
const handle = httpCaching({
	dataVersion: () => version,
	build: 'b1',
	locale: () => 'en',
	sharedSeconds: 10,
	staleSeconds: 30,
	now: () => Date.UTC(2026, 0, 1)
});

/** Calls the handle as SvelteKit would; `rendered` counts how often the page was rendered. */
async function request(
	path: string,
	options: {
		headers?: Record<string, string>;
		cookies?: Record<string, string>;
		method?: string;
		user?: boolean;
		respond?: () => Response;
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
	const response = await handle({
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
