import { apiError, apiJson } from '$lib/server/api/respond';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { companyScope } from '$lib/server/reports/rollups';
import { getScorecard } from '$lib/server/reports/scorecard';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const company = findCompanyBySlug(db, params.slug);
	if (!company) return apiError(404, 'No such company.');
	return apiJson({
		data: {
			slug: company.slug,
			name: company.name,
			industry: company.industry,
			website: company.website,
			url: `${url.origin}/companies/${company.slug}`,
			scorecard: getScorecard(db, companyScope(company.id))
		}
	});
};
