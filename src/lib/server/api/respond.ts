/** JSON answers of the public read API: open to every origin, errors as { error } objects. */
import { json } from '@sveltejs/kit';

const headers = {
	'access-control-allow-origin': '*',
	'cache-control': 'public, max-age=60'
};

export function apiJson(body: unknown, init: { status?: number } = {}): Response {
	return json(body, { status: init.status ?? 200, headers });
}

export function apiError(status: number, message: string): Response {
	return json({ error: message }, { status, headers });
}

/** `limit` from the query string, within 1..max (default 50). */
export function pageLimit(params: URLSearchParams, max = 200): number {
	const value = Number(params.get('limit'));
	return Number.isInteger(value) && value > 0 ? Math.min(value, max) : 50;
}
