import { db } from '$lib/server/db';
import { parseExploreFilters } from '$lib/server/reports/explore';
import { exportResponse } from '$lib/server/reports/export-response';
import type { RequestHandler } from './$types';

/** The reports of any explore view as JSON, streamed. */
export const GET: RequestHandler = ({ url }) => {
	const limit = Number(url.searchParams.get('limit'));
	const max = Number.isInteger(limit) && limit > 0 ? limit : undefined;
	return exportResponse(db, parseExploreFilters(url.searchParams), url.origin, 'json', max);
};
