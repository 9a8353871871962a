import { reportsParams } from '$lib/server/api/params';
import { invalidParamsResponse } from '$lib/server/api/problem';
import { apiRead } from '$lib/server/api/respond';
import { db } from '$lib/server/db';
import { readExploreQuery } from '$lib/server/reports/explore';
import { listReportsPage } from '$lib/server/reports/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const query = readExploreQuery(db, url.searchParams, reportsParams, { unknownNames: 'refuse' });
	if (query.problems.length) return invalidParamsResponse(url.origin, query.problems);
	return apiRead(db, () => {
		const { cursor, limit, ...filters } = query.values;
		const page = listReportsPage(db, filters, url.origin, { before: cursor, limit });
		return { data: page.rows, next_cursor: page.next };
	});
};
