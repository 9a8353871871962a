import { baseLocale, locales } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** Pages with nothing to find: forms. Each language's address is disallowed too. */
const private_ = ['/login', '/signup', '/reports/new', '/password/', '/account', '/notifications'];

export const GET: RequestHandler = ({ url }) => {
	const prefixes = locales.map((l) => (l === baseLocale ? '' : `/${l}`));
	const lines = [
		'User-agent: *',
		...prefixes.flatMap((prefix) => private_.map((path) => `Disallow: ${prefix}${path}`)),
		'',
		`Sitemap: ${url.origin}/sitemap.xml`,
		''
	];
	return new Response(lines.join('\n'), {
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
};
