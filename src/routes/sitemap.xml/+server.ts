import { db } from '$lib/server/db';
import { sitemapIndex } from '$lib/server/sitemap/sitemap';
import type { RequestHandler } from './$types';

/** The sitemap index: one file per kind of page and range of ids. */
export const GET: RequestHandler = ({ url }) =>
	new Response(sitemapIndex(db, url.origin), {
		headers: { 'content-type': 'application/xml; charset=utf-8' }
	});
