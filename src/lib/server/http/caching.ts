/** HTTP caching of reads: ETags from the data version, 304 before rendering, Cache-Control that shared caches can follow (docs/decisions/015). */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { baseLocale, isExcludedByRouteStrategy, toLocale } from '$lib/paraglide/runtime';
import { SESSION_COOKIE } from '../auth/session';
import { decideLocale, localeCookie } from '../i18n';
import type { ResponseCache } from './response-cache';

export type CachingOptions = {
	/** The version of the public data now (src/lib/server/db/data-version.ts). */
	dataVersion: () => string;
	/** The build: new markup and assets with the same data are a new version too. */
	build: string;
	/** The language the request is served in. */
	locale: () => string;
	/** How long a shared cache may serve a response without asking (s-maxage). */
	sharedSeconds: number;
	/** How long past that a shared cache may serve it while it asks (stale-while-revalidate). */
	staleSeconds: number;
	now?: () => number;
	/** Whole responses kept per version (response-cache.ts): a page asked again is sent, not rendered. */
	responses?: ResponseCache;
};

/** What a signed-in visitor's responses get: they name the visitor and renew the session cookie. */
export const privateControl = 'private, no-store';
/** Public content that sets a cookie (the remembered language): the browser alone may keep it. */
export const cookieControl = 'private, no-cache';

/**
 * What decides a response besides its address. The session cookie and the remembered language
 * (Cookie), whether a browser opens the page (Sec-Fetch-Dest: an unprefixed page may redirect
 * it) and, for unprefixed pages, which language it prefers (Accept-Language: where it redirects).
 * Machine routes (API, exports, /status) are never redirected.
 */
export function varyFor(url: URL): string[] {
	if (isExcludedByRouteStrategy(url.href)) return ['Accept-Encoding', 'Cookie'];
	const prefix = toLocale(url.pathname.split('/')[1] ?? '');
	if (prefix && prefix !== baseLocale) return ['Accept-Encoding', 'Cookie', 'Sec-Fetch-Dest'];
	return ['Accept-Encoding', 'Accept-Language', 'Cookie', 'Sec-Fetch-Dest'];
}

/** Adds names to a response's Vary header, each once. */
export function appendVary(headers: Headers, names: string[]): void {
	const present = (headers.get('vary') ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	if (present.includes('*')) return;
	const lower = new Set(present.map((v) => v.toLowerCase()));
	const merged = [...present, ...names.filter((n) => !lower.has(n.toLowerCase()))];
	if (merged.length) headers.set('vary', merged.join(', '));
}

/** True when an If-None-Match header lists `etag` (weak comparison, RFC 9110 13.1.2). */
export function ifNoneMatchHas(header: string | null, etag: string): boolean {
	if (!header) return false;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	const wanted = opaque(etag);
	return header.split(',').some((tag) => opaque(tag) === wanted);
}

/**
 * Whether the locale hook (hooks.server.ts) sets the language cookie or redirects for this
 * request: such a response is the visitor's own, and cannot be answered with a bare 304.
 */
function changesLocaleCookie(event: RequestEvent): boolean {
	const remembered = event.cookies.get(localeCookie);
	const decision = decideLocale(event.request, event.url, remembered);
	return (
		decision.action === 'redirect' ||
		(decision.remember !== null && decision.remember !== remembered)
	);
}

/**
 * Anonymous GET and HEAD responses with status 200 get a weak ETag made of the build, the data
 * version, the language and the UTC day (pages that rank by recent growth, and export file
 * names, move with the date), and `public` Cache-Control with `s-maxage` and
 * `stale-while-revalidate`; browsers revalidate each time (max-age=0), cheaply. A request
 * whose If-None-Match holds the current ETag is answered 304 before anything is read or
 * rendered. Signed-in responses are `private, no-store`; a response that sets a cookie is
 * `private, no-cache`; a route that says `private`, `no-store` or `immutable` itself is left
 * as it says.
 */
export function httpCaching(options: CachingOptions): Handle {
	const now = options.now ?? Date.now;
	const publicControl = `public, max-age=0, s-maxage=${options.sharedSeconds}, stale-while-revalidate=${options.staleSeconds}`;
	return async ({ event, resolve }) => {
		const { method } = event.request;
		if (method !== 'GET' && method !== 'HEAD') return resolve(event);
		const vary = varyFor(event.url);
		if (event.locals.user || event.cookies.get(SESSION_COOKIE) !== undefined) {
			const response = await resolve(event);
			response.headers.set('cache-control', privateControl);
			appendVary(response.headers, vary);
			return response;
		}
		const day = Math.floor(now() / 86_400_000).toString(36);
		const etag = `W/"${options.build}.${options.dataVersion()}.${options.locale()}.${day}"`;
		// A response that sets the language cookie or redirects is the visitor's own.
		const own = changesLocaleCookie(event);
		if (ifNoneMatchHas(event.request.headers.get('if-none-match'), etag) && !own) {
			return new Response(null, {
				status: 304,
				headers: { etag, 'cache-control': publicControl, vary: vary.join(', ') }
			});
		}
		// The address as asked (a page and its __data.json share event.url), under the ETag's
		// build, data version, language and day.
		const key = `${event.isDataRequest ? 'data' : 'page'} ${event.request.url}`;
		const cache =
			method === 'GET' && !own && !options.responses?.skips(event.url)
				? options.responses
				: undefined;
		// A client that asks for no-cache (a browser's forced reload) gets a fresh render.
		const fresh = /no-cache/i.test(
			`${event.request.headers.get('cache-control')} ${event.request.headers.get('pragma')}`
		);
		const kept = fresh ? null : cache?.get(etag, key);
		if (kept) return kept;
		const response = await resolve(event);
		appendVary(response.headers, vary);
		if (response.status !== 200) return response;
		const routeControl = response.headers.get('cache-control') ?? '';
		// Private answers, and immutable ones with validators of their own (the dataset's
		// versioned files: a year's lifetime, the content's hash as ETag), are left as they are.
		if (/\b(private|no-store|immutable)\b/i.test(routeControl)) return response;
		response.headers.set('etag', etag);
		const setsCookie = response.headers.has('set-cookie');
		response.headers.set('cache-control', setsCookie ? cookieControl : publicControl);
		return cache && !setsCookie ? cache.put(etag, key, response) : response;
	};
}
