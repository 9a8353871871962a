/** JSON answers of the public read API: open to every origin; errors are problem documents (./problem.ts). */
import { json } from '@sveltejs/kit';
import { corsHeaders } from './problem';

// Cache-Control and ETag come from the caching hook (http/caching.ts), as for every read.
const headers = corsHeaders;

export function apiJson(body: unknown, init: { status?: number } = {}): Response {
	return json(body, { status: init.status ?? 200, headers });
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A domain object with its keys in the API's one naming convention (snake_case): the pages
 * keep the domain's camelCase (`reportCount`), the API says `report_count`.
 */
export function snakeCaseKeys<T>(value: T): unknown {
	if (Array.isArray(value)) return value.map(snakeCaseKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), snakeCaseKeys(v)]));
	}
	return value;
}
