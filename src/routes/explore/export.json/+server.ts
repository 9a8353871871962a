import { invalidParamsResponse } from '$lib/server/api/problem';
import { db } from '$lib/server/db';
import { integer, one } from '$lib/server/query-params';
import { readExploreQuery } from '$lib/server/reports/explore';
import { exportResponse } from '$lib/server/reports/export-response';
import type { RequestHandler } from './$types';

/** The reports of any explore view as JSON, streamed; a view with a refused filter is a 400, never a wider export. */
export const GET: RequestHandler = ({ url }) => {
	const query = readExploreQuery(
		db,
		url.searchParams,
		{ limit: one(integer(1, 100_000_000)) },
		{ unknownNames: 'refuse' }
	);
	if (query.problems.length) return invalidParamsResponse(url.origin, query.problems);
	const { limit, ...filters } = query.values;
	return exportResponse(db, filters, url.origin, 'json', limit ?? undefined);
};
