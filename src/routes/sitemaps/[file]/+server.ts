import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { sitemapFile } from '$lib/server/sitemap/sitemap';
import type { RequestHandler } from './$types';

/** One sitemap file, streamed a batch at a time. */
export const GET: RequestHandler = ({ params, url }) => {
	const chunks = sitemapFile(db, url.origin, params.file);
	if (!chunks) error(404);
	const iterator = chunks[Symbol.iterator]();
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			const next = iterator.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		}
	});
	return new Response(body, {
		headers: { 'content-type': 'application/xml; charset=utf-8' }
	});
};
