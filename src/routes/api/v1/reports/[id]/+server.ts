import { apiError, apiJson } from '$lib/server/api/respond';
import { db } from '$lib/server/db';
import { getExportRow } from '$lib/server/reports/export';
import { parseReportId } from '$lib/server/reports/report-id';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const id = parseReportId(params.id);
	const row = id === null ? undefined : getExportRow(db, id, url.origin);
	return row ? apiJson({ data: row }) : apiError(404, 'No such report.');
};
