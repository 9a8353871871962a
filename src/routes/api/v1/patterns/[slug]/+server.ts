import { invalidParamsResponse, notFoundResponse } from '$lib/server/api/problem';
import { apiRead, snakeCaseKeys } from '$lib/server/api/respond';
import { db } from '$lib/server/db';
import { getPattern } from '$lib/server/patterns/patterns';
import { readParams } from '$lib/server/query-params';
import { patternScope } from '$lib/server/reports/rollups';
import { getWhatWorks } from '$lib/server/reports/what-works';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const query = readParams(url.searchParams, {}, { unknownNames: 'refuse' });
	if (query.problems.length) return invalidParamsResponse(url.origin, query.problems);
	return apiRead(db, () => {
		const detail = getPattern(db, params.slug, { companies: 50, reports: 0 });
		if (!detail) return notFoundResponse(url.origin, 'No such pattern.');
		const p = detail.pattern;
		return {
			data: {
				slug: p.slug,
				category: p.category,
				trigger: p.trigger,
				report_count: p.reportCount,
				company_count: p.companyCount,
				me_too_count: p.meTooCount,
				url: `${url.origin}/patterns/${p.slug}`,
				companies: detail.companies.map((c) => ({
					slug: c.slug,
					name: c.name,
					reports_of_pattern: c.n,
					report_count: c.reportCount
				})),
				scorecard: snakeCaseKeys(detail.scorecard),
				what_works: snakeCaseKeys(getWhatWorks(db, patternScope(p.slug)))
			}
		};
	});
};
