import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { exploreFilters } from '$lib/server/reports/explore';
import { atomFeedResponse } from '$lib/server/reports/feeds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const company = findCompanyBySlug(db, params.slug);
	if (!company) error(404);
	const filters = exploreFilters({ company: [company.slug] });
	return atomFeedResponse(db, filters, {
		title: m.scorecard_title({ company: company.name }),
		selfUrl: url.href,
		pageUrl: url.origin + localizeHref(`/companies/${company.slug}`)
	});
};
