import { invalidParamsResponse, notFoundResponse } from '$lib/server/api/problem';
import { apiRead, snakeCaseKeys } from '$lib/server/api/respond';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { readParams } from '$lib/server/query-params';
import { companyScope } from '$lib/server/reports/rollups';
import { getScorecard } from '$lib/server/reports/scorecard';
import { getWhatWorks } from '$lib/server/reports/what-works';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const query = readParams(url.searchParams, {}, { unknownNames: 'refuse' });
	if (query.problems.length) return invalidParamsResponse(url.origin, query.problems);
	return apiRead(db, () => {
		const company = findCompanyBySlug(db, params.slug);
		if (!company) return notFoundResponse(url.origin, 'No such company.');
		return {
			data: {
				slug: company.slug,
				name: company.name,
				industry: company.industry,
				website: company.website,
				url: `${url.origin}/companies/${company.slug}`,
				scorecard: snakeCaseKeys(getScorecard(db, companyScope(company.id))),
				what_works: snakeCaseKeys(getWhatWorks(db, companyScope(company.id)))
			}
		};
	});
};
