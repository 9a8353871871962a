/** Headers every response carries; pages get their Content-Security-Policy from kit.csp. */

/** Two years: the preload list's minimum, and long enough that a visitor never falls back to HTTP. */
const hsts = 'max-age=63072000; includeSubDomains';

/**
 * Sets the security headers on a response's headers. `secure` is whether the site runs on HTTPS
 * (secure cookies): only then may browsers be told to refuse plain HTTP (HSTS). An HTML type
 * without a charset is given UTF-8, so that no browser guesses one.
 */
export function applySecurityHeaders(headers: Headers, options: { secure: boolean }): void {
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set('X-Frame-Options', 'DENY');
	if (options.secure) headers.set('Strict-Transport-Security', hsts);
	const type = headers.get('content-type');
	if (type && /^text\/html\s*(;|$)/i.test(type) && !/;\s*charset=/i.test(type)) {
		headers.set('content-type', 'text/html; charset=utf-8');
	}
}
