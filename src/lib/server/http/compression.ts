/** Compresses what the server renders and streams (HTML, JSON, CSV, Atom…) as the client accepts: brotli or gzip. */
import { Readable } from 'node:stream';
import {
	constants,
	createBrotliCompress,
	createGzip,
	type BrotliCompress,
	type Gzip
} from 'node:zlib';
import type { Handle } from '@sveltejs/kit';
import { appendVary } from './caching';

export type Encoding = 'br' | 'gzip';

/** Text formats worth compressing; images, archives and fonts are compressed already. */
const compressible =
	/^\s*(text\/|application\/(json|[\w.+-]+\+json|xml|[\w.+-]+\+xml|javascript|x-ndjson)|image\/svg\+xml)/i;

/** Below this many bytes the framing costs about what compression saves. */
const minimumBytes = 1024;

/**
 * The encoding to send for an Accept-Encoding header: brotli when accepted at least as
 * strongly as gzip, else gzip, else none. `*` counts for either; q=0 refuses.
 */
export function negotiateEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		weights.set(name, Number.isFinite(weight) ? weight : 0);
	}
	const any = weights.get('*') ?? 0;
	const br = weights.get('br') ?? any;
	const gzip = weights.get('gzip') ?? weights.get('x-gzip') ?? any;
	if (br > 0 && br >= gzip) return 'br';
	if (gzip > 0) return 'gzip';
	return null;
}

/**
 * Brotli at quality 4 compresses about as fast as gzip's default and smaller; its default (11)
 * is meant for files compressed once, and costs tens of milliseconds per page.
 */
function encoder(encoding: Encoding): Gzip | BrotliCompress {
	return encoding === 'br'
		? createBrotliCompress({
				params: {
					[constants.BROTLI_PARAM_QUALITY]: 4,
					[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
				}
			})
		: createGzip();
}

/**
 * The body, compressed as it streams: nothing is gathered beyond zlib's window, the producer
 * is paused while the client is slower, and a client that goes away cancels the producer (an
 * export stops reading the database). When the producer pauses, what is compressed so far is
 * flushed, so that a page streamed in parts still arrives in parts.
 */
export function compressStream(
	body: ReadableStream<Uint8Array>,
	encoding: Encoding
): ReadableStream<Uint8Array> {
	const source = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
	const zip = encoder(encoding);
	let flushPending: NodeJS.Immediate | null = null;
	source.on('data', (chunk: Uint8Array) => {
		if (!zip.write(chunk)) source.pause();
		if (flushPending) clearImmediate(flushPending);
		flushPending = setImmediate(() => {
			flushPending = null;
			if (!zip.writableEnded && !zip.destroyed) zip.flush();
		});
	});
	zip.on('drain', () => source.resume());
	source.on('end', () => {
		if (flushPending) clearImmediate(flushPending);
		zip.end();
	});
	source.on('error', (error) => zip.destroy(error));
	zip.on('close', () => {
		if (flushPending) clearImmediate(flushPending);
		if (!source.destroyed) source.destroy();
	});
	return Readable.toWeb(zip) as unknown as ReadableStream<Uint8Array>;
}

/** Compresses compressible responses for clients that accept it; every such response varies by Accept-Encoding. */
export const handleCompression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type');
	if (!type || !compressible.test(type)) return response;
	appendVary(response.headers, ['Accept-Encoding']);
	const encoding = negotiateEncoding(event.request.headers.get('accept-encoding'));
	const length = response.headers.get('content-length');
	if (
		!encoding ||
		!response.body ||
		event.request.method === 'HEAD' ||
		response.status === 204 ||
		response.status === 304 ||
		response.headers.has('content-encoding') ||
		/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '') ||
		(length !== null && Number(length) < minimumBytes)
	) {
		return response;
	}
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	headers.set('content-encoding', encoding);
	// The compressed bytes differ from the identity ones: a strong validator becomes weak.
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	return new Response(compressStream(response.body, encoding), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};
