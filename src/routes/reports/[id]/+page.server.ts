import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { listSimilarReports } from '$lib/server/patterns/patterns';
import { hasMeToo, setMeToo } from '$lib/server/reports/me-too';
import { parseReportId } from '$lib/server/reports/report-id';
import { getReport } from '$lib/server/reports/reports';
import { patternSlug } from '$lib/taxonomy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const id = parseReportId(params.id);
	const detail = id === null ? undefined : getReport(db, id);
	if (!detail) error(404);
	const { authorId, narrative: _markdown, ...report } = detail.report;
	const user = locals.user;
	return {
		report,
		company: detail.company,
		authorName: detail.authorName,
		channels: detail.channels,
		escalations: detail.escalations,
		isAuthor: !!user && user.id === authorId,
		meToo: !!user && user.id !== authorId && hasMeToo(db, report.id, user.id),
		pattern: patternSlug(report.category, report.trigger),
		similar: listSimilarReports(db, report)
	};
};

export const actions: Actions = {
	/** "This happened to me too", or taking it back (join=0). */
	default: async ({ params, locals, request, url }) => {
		if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
		const id = parseReportId(params.id);
		if (id === null) error(404);
		const join = (await readFormData(request)).get('join') !== '0';
		const result = setMeToo(db, id, locals.user.id, join);
		if (!result.ok && result.reason === 'not-found') error(404);
		if (!result.ok) return fail(400, { meTooError: m.me_too_own() });
		return { meTooJoined: result.joined };
	}
};
