import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { findCompanyByName, findCompanyBySlug } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { companyScope } from '$lib/server/reports/rollups';
import { getScorecard } from '$lib/server/reports/scorecard';
import { getWhatWorks } from '$lib/server/reports/what-works';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const typed = url.searchParams
		.getAll('c')
		.map((c) => c.trim())
		.filter(Boolean)
		.slice(0, 4);
	const found = typed.map(
		(value) => findCompanyBySlug(db, value.toLowerCase()) ?? findCompanyByName(db, value)
	);
	const unknown = typed.filter((_, i) => !found[i]);
	// Names become slugs in the address, so that a comparison is a stable permalink.
	if (!unknown.length && found.some((c, i) => c!.slug !== typed[i])) {
		redirect(
			303,
			localizeHref(`/compare?${found.map((c) => `c=${encodeURIComponent(c!.slug)}`).join('&')}`)
		);
	}
	const companies = found
		.filter((c) => c !== undefined)
		.map((c) => ({
			slug: c.slug,
			name: c.name,
			scorecard: getScorecard(db, companyScope(c.id)),
			works: getWhatWorks(db, companyScope(c.id))
		}));
	return { typed, unknown, companies };
};
