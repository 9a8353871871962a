import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { decodeCursor } from '$lib/server/reports/reports';
import { canSeeDashboard, listAwaitingResponse } from '$lib/server/responses/responses';
import { categories, type Category } from '$lib/taxonomy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	const company = findCompanyBySlug(db, params.slug);
	if (!company) error(404);
	if (!canSeeDashboard(db, user, company.id)) error(403);
	const requested = url.searchParams.get('category');
	const category = (categories as readonly string[]).includes(requested ?? '')
		? (requested as Category)
		: null;
	const after = decodeCursor(url.searchParams.get('after'));
	const page = listAwaitingResponse(db, company.id, { category, after });
	return {
		company: { slug: company.slug, name: company.name },
		category,
		reports: page.reports,
		next: page.next,
		paged: after !== null,
		verified: url.searchParams.has('verified'),
		now: Date.now()
	};
};
