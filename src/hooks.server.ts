/** Per request: compression, security headers, the API's preflight and rate limit, session → locals, locale, HTTP caching; one log line per unexpected error. */
import { type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { building, version } from '$app/environment';
import { cookieMaxAge, getLocale, getTextDirection } from '$lib/paraglide/runtime';
import {
	SESSION_COOKIE,
	deleteSessionTokenCookie,
	setSessionTokenCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { handleApi } from '$lib/server/api/handle';
import { readDataVersion } from '$lib/server/db/data-version';
import { httpCaching } from '$lib/server/http/caching';
import { handleCompression } from '$lib/server/http/compression';
import { ResponseCache } from '$lib/server/http/response-cache';
import { applySecurityHeaders } from '$lib/server/http/security-headers';
import { decideLocale, localeCookie } from '$lib/server/i18n';
import { warmFacets } from '$lib/server/reports/facets';
import { jobKinds } from '$lib/server/jobs/kinds';
import { startJobTimer } from '$lib/server/jobs/runner';
import { mail } from '$lib/server/mail';

/**
 * At start: explore's facet index begins loading (in batches between requests when large), and
 * the job runner starts (every worker runs one; claims keep each job to one of them).
 */
export const init: ServerInit = () => {
	warmFacets(db);
	// Not while prerendering: a build sends no mail.
	if (!building && config.jobsIntervalMs > 0) {
		startJobTimer({ db, mail, origin: config.origin }, jobKinds, config.jobsIntervalMs);
	}
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user } = validateSessionToken(db, token);
	if (session) setSessionTokenCookie(event.cookies, token, session.expiresAt, config.secureCookies);
	else deleteSessionTokenCookie(event.cookies, config.secureCookies);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

/**
 * The address decides the language (`/de/…`, English unprefixed); a first visit to an unprefixed
 * page may be redirected to the remembered or preferred language. See src/lib/server/i18n.ts.
 */
const handleLocale: Handle = ({ event, resolve }) => {
	const decision = decideLocale(event.request, event.url, event.cookies.get(localeCookie));
	// Not httpOnly: Paraglide's client runtime writes the same cookie when a page hydrates.
	const cookie = {
		path: '/',
		maxAge: cookieMaxAge,
		httpOnly: false,
		sameSite: 'lax',
		secure: config.secureCookies
	} as const;
	if (decision.action === 'redirect') {
		return new Response(null, {
			status: 307,
			headers: {
				location: decision.location,
				vary: 'Accept-Language, Cookie',
				'set-cookie': event.cookies.serialize(localeCookie, decision.remember, cookie)
			}
		});
	}
	if (decision.remember && decision.remember !== event.cookies.get(localeCookie)) {
		event.cookies.set(localeCookie, decision.remember, cookie);
	}
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', getTextDirection(locale))
		});
	});
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	applySecurityHeaders(response.headers, { secure: config.secureCookies });
	// Tests of several workers (WORKER_HEADER=1) see which process answered.
	if (config.workerHeader) response.headers.set('x-worker-pid', String(process.pid));
	return response;
};

/** Runs inside the locale hook: the language is known, and so is the visitor. */
const handleCaching = httpCaching({
	dataVersion: () => readDataVersion(db),
	build: version,
	locale: getLocale,
	sharedSeconds: config.cacheSharedSeconds,
	staleSeconds: config.cacheStaleSeconds,
	// The trivial page stays a render: the benchmark's ratios are measured against it.
	responses: new ResponseCache({
		maxBytes: config.responseCacheBytes,
		except: /^(\/[a-z]{2})?\/status$/
	})
});

export const handle = sequence(
	handleCompression,
	handleHeaders,
	handleApi,
	handleSession,
	handleLocale,
	handleCaching
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	// 4xx raised by SvelteKit itself (unknown route, unsupported body) are the client's doing.
	if (status < 500) return { message };
	const errorId = crypto.randomUUID();
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Something went wrong on our side.', errorId };
};
