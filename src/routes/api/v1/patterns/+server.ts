import { patternsParams } from '$lib/server/api/params';
import { invalidParamsResponse } from '$lib/server/api/problem';
import { apiRead } from '$lib/server/api/respond';
import { db } from '$lib/server/db';
import { listPatterns } from '$lib/server/patterns/patterns';
import { readParams } from '$lib/server/query-params';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const query = readParams(url.searchParams, patternsParams, { unknownNames: 'refuse' });
	if (query.problems.length) return invalidParamsResponse(url.origin, query.problems);
	return apiRead(db, () => {
		return {
			data: listPatterns(db, { sort: query.values.sort }).map((p) => ({
				slug: p.slug,
				category: p.category,
				trigger: p.trigger,
				report_count: p.reportCount,
				company_count: p.companyCount,
				me_too_count: p.meTooCount,
				last_90_days: p.recent,
				previous_90_days: p.previous,
				url: `${url.origin}/patterns/${p.slug}`
			})),
			next_cursor: null
		};
	});
};
