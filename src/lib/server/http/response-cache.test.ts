import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { httpCaching } from './caching';
import { ResponseCache } from './response-cache';

let version = 'v1';
let locale = 'en';
const cache = new ResponseCache({ maxBytes: 1_000, except: /^\/status$/ });
const handle = httpCaching({
	dataVersion: () => version,
	build: 'b1',
	locale: () => locale,
	sharedSeconds: 10,
	staleSeconds: 30,
	now: () => Date.UTC(2026, 0, 1),
	responses: cache
});

/** Calls the handle as SvelteKit would; `rendered` counts how often the page was rendered. */
async function request(
	path: string,
	options: {
		cookies?: Record<string, string>;
		user?: boolean;
		method?: string;
		respond?: () => Response;
	} = {}
) {
	const url = new URL(path, 'http://localhost');
	let rendered = 0;
	const event = {
		url,
		request: new Request(url, { method: options.method ?? 'GET' }),
		cookies: { get: (name: string) => options.cookies?.[name] },
		locals: { user: options.user ? { id: 'u' } : null, session: null }
	} as unknown as RequestEvent;
	const response = await handle({
		event,
		resolve: async () => {
			rendered += 1;
			return (
				options.respond?.() ??
				new Response(`<p>${path} ${version} ${locale}</p>`, {
					headers: { 'content-type': 'text/html' }
				})
			);
		}
	});
	return { response, rendered, body: await response.text() };
}

describe('whole responses kept per data version (issue 20 item 5)', () => {
	it('renders an anonymous page once per data version, language and address', async () => {
		const first = await request('/companies?page=2');
		expect(first.rendered).toBe(1);
		const again = await request('/companies?page=2');
		expect(again.rendered).toBe(0);
		expect(again.body).toBe(first.body);
		expect(again.response.headers.get('etag')).toBe(first.response.headers.get('etag'));
		expect(again.response.headers.get('content-type')).toBe('text/html');
		expect(again.response.headers.get('cache-control')).toContain('s-maxage=10');

		expect((await request('/companies?page=3')).rendered).toBe(1);
		locale = 'de';
		const german = await request('/companies?page=2');
		expect([german.rendered, german.body]).toEqual([1, '<p>/companies?page=2 v1 de</p>']);
		locale = 'en';
		version = 'v2';
		const moved = await request('/companies?page=2');
		expect([moved.rendered, moved.body]).toEqual([1, '<p>/companies?page=2 v2 en</p>']);
	});

	it('never keeps a signed-in page, one that sets a cookie, an error or a private answer', async () => {
		const twice = async (options: Parameters<typeof request>[1], path = '/reports/1') => {
			await request(path, options);
			return (await request(path, options)).rendered;
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
		await request('/patterns');
		expect((await request('/patterns', { user: true })).rendered).toBe(1);
	});

	it('keeps no more than its size, and nothing larger than it', async () => {
		const big = () => new Response('x'.repeat(2_000), { headers: { 'content-type': 'text/html' } });
		await request('/big', { respond: big });
		expect((await request('/big', { respond: big })).rendered).toBe(1);
		for (let i = 0; i < 60; i++) await request(`/page-${i}`);
		expect(cache.bytes).toBeLessThanOrEqual(1_000);
		expect((await request('/page-59')).rendered).toBe(0);
		expect((await request('/page-0')).rendered).toBe(1);
	});

	it('always renders the addresses it is told to skip', async () => {
		await request('/status');
		expect((await request('/status')).rendered).toBe(1);
	});

	it('leaves streamed downloads alone', async () => {
		const csv = () =>
			new Response('a,b\n', {
				headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment' }
			});
		await request('/explore/export.csv', { respond: csv });
		expect((await request('/explore/export.csv', { respond: csv })).rendered).toBe(1);
	});
});
