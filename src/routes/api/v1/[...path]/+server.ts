import { notFoundResponse } from '$lib/server/api/problem';
import type { RequestHandler } from './$types';

/** Any other address under the API answers as the API does: a JSON problem, not an HTML page. */
export const fallback: RequestHandler = ({ url }) =>
	notFoundResponse(url.origin, `No API operation at ${url.pathname}. See ${url.origin}/api.`);
