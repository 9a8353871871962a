import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { readPageParams } from '$lib/server/page-params';
import { one, oneOf } from '$lib/server/query-params';
import { reportCursor } from '$lib/server/reports/explore';
import { canSeeDashboard, listAwaitingResponse } from '$lib/server/responses/responses';
import { categories } from '$lib/taxonomy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	const company = findCompanyBySlug(db, params.slug);
	if (!company) error(404);
	if (!canSeeDashboard(db, user, company.id)) error(403);
	const { category, after } = readPageParams(url, {
		category: one(oneOf(categories)),
		after: one(reportCursor)
	});
	const page = listAwaitingResponse(db, company.id, { category, after });
	return {
		company: { slug: company.slug, name: company.name },
		category,
		reports: page.reports,
		next: page.next,
		paged: after !== null,
		// Set by the claim page's redirect after a successful verification.
		verified: url.searchParams.has('verified'),
		now: Date.now()
	};
};
