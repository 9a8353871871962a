import { companiesParams, encodeCompanyCursor } from '$lib/server/api/params';
import { invalidParamsResponse } from '$lib/server/api/problem';
import { apiRead } from '$lib/server/api/respond';
import { listCompanies } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { readParams } from '$lib/server/query-params';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const query = readParams(url.searchParams, companiesParams, { unknownNames: 'refuse' });
	if (query.problems.length) return invalidParamsResponse(url.origin, query.problems);
	return apiRead(db, () => {
		const page = listCompanies(db, { after: query.values.cursor, limit: query.values.limit });
		return {
			data: page.companies.map((c) => ({
				slug: c.slug,
				name: c.name,
				industry: c.industry,
				report_count: c.reportCount,
				url: `${url.origin}/companies/${c.slug}`
			})),
			next_cursor: page.next === null ? null : encodeCompanyCursor(page.next)
		};
	});
};
