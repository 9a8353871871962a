import { db } from '$lib/server/db';
import { parseExploreFilters } from '$lib/server/reports/explore';
import { exportResponse } from '$lib/server/reports/export-response';
import type { RequestHandler } from './$types';

/** The reports of any explore view as CSV, streamed. */
export const GET: RequestHandler = ({ url }) =>
	exportResponse(db, parseExploreFilters(url.searchParams), url.origin, 'csv');
