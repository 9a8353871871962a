/** JSON answers of the public read API: open to every origin; errors are problem documents (./problem.ts). */
import { json } from '@sveltejs/kit';
import type { Connection } from '../db/client';
import { readAtDataVersion } from '../db/data-version';
import { corsHeaders } from './problem';

// Cache-Control and ETag come from the caching hook (http/caching.ts), as for every read.
const headers = corsHeaders;

export function apiJson(body: unknown, init: { status?: number } = {}): Response {
	return json(body, { status: init.status ?? 200, headers });
}

/**
 * An operation's answer with the data version it was read at, in `X-Data-Version` and as the
 * envelope's `data_version`: a figure quoted from the API can be matched to a dataset version.
 * A problem answer (a 404) passes through as it is.
 */
export function apiRead(db: Connection, read: () => Record<string, unknown> | Response): Response {
	const { version, value } = readAtDataVersion(db, read);
	if (value instanceof Response) return value;
	return json(
		{ ...value, data_version: version },
		{ headers: { ...headers, 'x-data-version': version } }
	);
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
