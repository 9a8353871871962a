import { invalidParamsResponse, notFoundResponse } from '$lib/server/api/problem';
import { apiRead } from '$lib/server/api/respond';
import { db } from '$lib/server/db';
import { readParams } from '$lib/server/query-params';
import { getExportRow } from '$lib/server/reports/export';
import { parseReportId } from '$lib/server/reports/report-id';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const query = readParams(url.searchParams, {}, { unknownNames: 'refuse' });
	if (query.problems.length) return invalidParamsResponse(url.origin, query.problems);
	return apiRead(db, () => {
		const id = parseReportId(params.id);
		const row = id === null ? undefined : getExportRow(db, id, url.origin);
		return row ? { data: row } : notFoundResponse(url.origin, 'No such report.');
	});
};
