import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { parseReportId } from '$lib/server/reports/report-id';
import { getReport } from '$lib/server/reports/reports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const id = parseReportId(params.id);
	const detail = id === null ? undefined : getReport(db, id);
	if (!detail) error(404);
	const { authorId, narrative: _markdown, ...report } = detail.report;
	return {
		report,
		company: detail.company,
		authorName: detail.authorName,
		channels: detail.channels,
		escalations: detail.escalations,
		isAuthor: !!locals.user && locals.user.id === authorId
	};
};
