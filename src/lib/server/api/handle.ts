/** Request handling shared by every /api/ address: CORS preflight, the per-client limit, and problem documents for its errors. */
import type { Handle } from '@sveltejs/kit';
import { config } from '../config';
import { rateLimits } from '../rate-limit';
import { corsHeaders, problemResponse } from './problem';

/**
 * The API is read-only and open to any origin: a browser's preflight (OPTIONS) is answered here,
 * before routing (a +server.ts without OPTIONS would answer 405 with no CORS headers). The
 * limit per client address applies to everything else under /api/.
 */
export const handleApi: Handle = async ({ event, resolve }) => {
	if (!event.url.pathname.startsWith('/api/')) return resolve(event);
	if (event.request.method === 'OPTIONS') {
		return new Response(null, {
			status: 204,
			headers: {
				...corsHeaders,
				'access-control-allow-methods': 'GET, HEAD, OPTIONS',
				'access-control-allow-headers':
					event.request.headers.get('access-control-request-headers') ?? '*',
				'access-control-max-age': '86400',
				vary: 'Access-Control-Request-Headers'
			}
		});
	}
	if (config.rateLimits) {
		const allowed = rateLimits.apiPerAddress.consume(event.getClientAddress());
		if (!allowed.ok) {
			return problemResponse(
				event.url.origin,
				429,
				'too-many-requests',
				'Too many requests. Please slow down.',
				{},
				{ 'retry-after': String(allowed.retryAfterSeconds) }
			);
		}
	}
	return resolve(event);
};
