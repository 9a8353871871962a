import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { compressStream, handleCompression, negotiateEncoding } from './compression';

async function compress(
	body: BodyInit | null,
	headers: Record<string, string>,
	acceptEncoding: string | null,
	method = 'GET'
) {
	const request = new Request('http://localhost/x', {
		method,
		headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}
	});
	const event = { request, url: new URL(request.url) } as unknown as RequestEvent;
	return handleCompression({ event, resolve: async () => new Response(body, { headers }) });
}

const page = '<p>' + 'A report about a broken promise. '.repeat(200) + '</p>';

describe('compression', () => {
	it('prefers brotli, falls back to gzip, honours q=0', () => {
		expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
		expect(negotiateEncoding('gzip')).toBe('gzip');
		expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
		expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeNull();
		expect(negotiateEncoding('*')).toBe('br');
		expect(negotiateEncoding('identity')).toBeNull();
		expect(negotiateEncoding(null)).toBeNull();
	});

	it('compresses HTML for a client that accepts it, and it decompresses to the same page', async () => {
		const br = await compress(page, { 'content-type': 'text/html' }, 'br, gzip');
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toBe('Accept-Encoding');
		const brBytes = Buffer.from(await br.arrayBuffer());
		expect(brBytes.length).toBeLessThan(page.length / 4);
		expect(brotliDecompressSync(brBytes).toString()).toBe(page);

		const gzip = await compress(page, { 'content-type': 'text/csv; charset=utf-8' }, 'gzip');
		expect(gzip.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(page);
	});

	it('leaves alone what should not be compressed', async () => {
		const cases = [
			await compress(page, { 'content-type': 'text/html' }, null),
			await compress(page, { 'content-type': 'image/png' }, 'gzip'),
			await compress(
				'<p>short</p>',
				{ 'content-type': 'text/html', 'content-length': '12' },
				'gzip'
			),
			await compress(page, { 'content-type': 'text/html', 'cache-control': 'no-transform' }, 'br'),
			await compress(page, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, 'br')
		];
		for (const response of cases) {
			expect(response.headers.get('content-encoding') ?? 'none').not.toMatch(/^br$/);
		}
		expect(cases[0]!.headers.get('content-encoding')).toBeNull();
		expect(cases[1]!.headers.get('vary')).toBeNull();
		expect(await cases[2]!.text()).toBe('<p>short</p>');
	});

	it('makes a strong validator weak: the compressed bytes differ', async () => {
		const response = await compress(page, { 'content-type': 'text/html', etag: '"abc"' }, 'gzip');
		expect(response.headers.get('etag')).toBe('W/"abc"');
	});

	it('streams: the first part arrives before the producer has made the rest', async () => {
		let release!: () => void;
		const rest = new Promise<void>((resolve) => (release = resolve));
		let sentRest = false;
		const encoder = new TextEncoder();
		const body = new ReadableStream<Uint8Array>({
			async start(controller) {
				controller.enqueue(encoder.encode('first part,'));
				await rest;
				sentRest = true;
				controller.enqueue(encoder.encode('second part'));
				controller.close();
			}
		});
		const reader = compressStream(body, 'gzip').getReader();
		const chunks: Uint8Array[] = [];
		// Reads until what arrived decompresses (sync flush) to the first part.
		while (!chunks.length || !gunzipPartial(chunks).includes('first part,')) {
			const { value, done } = await reader.read();
			if (done) break;
			chunks.push(value);
		}
		expect(sentRest).toBe(false);
		expect(gunzipPartial(chunks)).toBe('first part,');
		release();
		for (;;) {
			const { value, done } = await reader.read();
			if (done) break;
			chunks.push(value);
		}
		expect(gunzipSync(Buffer.concat(chunks)).toString()).toBe('first part,second part');
	});

	it('cancels the producer when the client goes away', async () => {
		let cancelled = false;
		let pulls = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulls += 1;
				controller.enqueue(new Uint8Array(64 * 1024).fill(65 + (pulls % 26)));
			},
			cancel() {
				cancelled = true;
			}
		});
		const reader = compressStream(body, 'gzip').getReader();
		await reader.read();
		await reader.cancel();
		await expect.poll(() => cancelled).toBe(true);
	});
});

/** What a gzip stream cut after a sync flush holds so far. */
function gunzipPartial(chunks: Uint8Array[]): string {
	try {
		return gunzipSync(Buffer.concat(chunks), { finishFlush: 2 }).toString();
	} catch {
		return '';
	}
}
