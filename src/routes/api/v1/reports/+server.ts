import { apiJson, pageLimit } from '$lib/server/api/respond';
import { db } from '$lib/server/db';
import { parseExploreFilters } from '$lib/server/reports/explore';
import { listReportsPage } from '$lib/server/reports/export';
import { decodeCursor } from '$lib/server/reports/reports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const page = listReportsPage(db, parseExploreFilters(url.searchParams), url.origin, {
		before: decodeCursor(url.searchParams.get('cursor')),
		limit: pageLimit(url.searchParams)
	});
	return apiJson({ data: page.rows, next_cursor: page.next });
};
