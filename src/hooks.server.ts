/** Per request: security headers, API rate limit, session → locals, locale; one log line per unexpected error. */
import { json, type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import {
	SESSION_COOKIE,
	deleteSessionTokenCookie,
	setSessionTokenCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { limits } from '$lib/server/rate-limit';

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

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	// Pages get their Content-Security-Policy from kit.csp; these apply to every response.
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

/** The public API is open to scripts, so it is where volume is limited (per client address). */
const handleApiLimits: Handle = async ({ event, resolve }) => {
	if (config.rateLimits && event.url.pathname.startsWith('/api/')) {
		const allowed = limits.apiPerAddress.consume(event.getClientAddress());
		if (!allowed.ok) {
			return json(
				{ error: 'Too many requests. Please slow down.' },
				{ status: 429, headers: { 'retry-after': String(allowed.retryAfterSeconds) } }
			);
		}
	}
	return resolve(event);
};

export const handle = sequence(handleHeaders, handleApiLimits, handleSession, handleLocale);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	// 4xx raised by SvelteKit itself (unknown route, unsupported body) are the client's doing.
	if (status < 500) return { message };
	const errorId = crypto.randomUUID();
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Something went wrong on our side.', errorId };
};
