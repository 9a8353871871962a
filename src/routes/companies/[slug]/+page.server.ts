import { error } from '@sveltejs/kit';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import { getRepresentation, isRepresentative } from '$lib/server/companies/representatives';
import { canModerate } from '$lib/server/auth/roles';
import { companyScope } from '$lib/server/reports/rollups';
import { getScorecard } from '$lib/server/reports/scorecard';
import { db } from '$lib/server/db';
import { decodeCursor, listReportsForCompany } from '$lib/server/reports/reports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const company = findCompanyBySlug(db, params.slug);
	if (!company) error(404);
	const before = decodeCursor(url.searchParams.get('before'));
	const page = listReportsForCompany(db, company.id, { before, limit: 20 });
	return {
		company: {
			slug: company.slug,
			name: company.name,
			website: company.website,
			industry: company.industry
		},
		scorecard: getScorecard(db, companyScope(company.id)),
		representation: getRepresentation(db, company.id),
		canClaim: !!company.domain,
		isRepresentative: !!locals.user && isRepresentative(db, locals.user.id, company.id),
		canModerate: canModerate(locals.user),
		reports: page.reports,
		next: page.next,
		paged: before !== null
	};
};
