import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guard';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import {
	countDashboardTabs,
	dashboardParams,
	listDashboardReports
} from '$lib/server/companies/dashboard';
import { representativeRole } from '$lib/server/companies/team';
import { db } from '$lib/server/db';
import { readPageParams } from '$lib/server/page-params';
import { countryCodes } from '$lib/server/places/places';
import { canSeeDashboard } from '$lib/server/responses/responses';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	const company = findCompanyBySlug(db, params.slug);
	if (!company) error(404);
	if (!canSeeDashboard(db, user, company.id)) error(403);
	const { tab, sort, after, ...read } = readPageParams(url, dashboardParams);
	const order = sort ?? (tab === 'awaiting' || tab === 'overdue' ? 'oldest' : 'newest');
	const filters = { ...read, pattern: read.pattern };
	// An end before the start is told beside the field, not answered with an empty list.
	const dateError =
		read.from && read.to && read.from > read.to ? m.dashboard_to_before_from() : null;
	const now = Date.now();
	const page = dateError
		? { reports: [], next: null }
		: listDashboardReports(db, company.id, { tab, sort: order, filters, after }, now);
	return {
		company: { slug: company.slug, name: company.name },
		role: representativeRole(db, user.id, company.id),
		tab,
		sort: order,
		sortGiven: sort,
		filters: {
			q: read.q,
			category: read.category,
			pattern: url.searchParams.get('pattern') ?? '',
			country: read.country,
			from: read.from,
			to: read.to
		},
		dateError,
		counts: dateError ? null : countDashboardTabs(db, company.id, filters, now),
		countries: countryCodes,
		reports: page.reports,
		next: page.next,
		paged: after !== null,
		// Set by the claim page's redirect after a successful verification.
		verified: url.searchParams.has('verified'),
		now
	};
};
