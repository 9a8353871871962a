import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { findCompanyByName, findCompanyBySlug } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import {
	filtersToSearchParams,
	listExploreReports,
	parseExploreFilters,
	summariseExplore
} from '$lib/server/reports/explore';
import { decodeCursor } from '$lib/server/reports/reports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	// A company typed by name becomes its slug, so that the address is a stable permalink.
	const typed = url.searchParams
		.getAll('company')
		.map((c) => c.trim())
		.filter(Boolean);
	const unknownCompanies: string[] = [];
	if (typed.some((c) => !findCompanyBySlug(db, c.toLowerCase()))) {
		const params = new URLSearchParams(url.searchParams);
		params.delete('company');
		for (const value of typed.slice(0, 20)) {
			const found = findCompanyBySlug(db, value.toLowerCase()) ?? findCompanyByName(db, value);
			if (found) params.append('company', found.slug);
			else unknownCompanies.push(value.slice(0, 100));
		}
		if (!unknownCompanies.length) redirect(303, localizeHref(`/explore?${params}`));
	}
	const filters = parseExploreFilters(url.searchParams);
	const page = Number(url.searchParams.get('page')) || 1;
	const rank = !!filters.q && url.searchParams.get('order') === 'relevance';
	const list = listExploreReports(db, filters, {
		before: decodeCursor(url.searchParams.get('before')),
		page,
		rank
	});
	const base = filtersToSearchParams(filters);
	if (rank) base.set('order', 'relevance');
	const nextParams = new URLSearchParams(base);
	const rankedParams = new URLSearchParams(base);
	rankedParams.set('order', 'relevance');
	if (list.next) nextParams.set(list.order === 'relevance' ? 'page' : 'before', list.next);
	const companyNames = filters.company.map((slug) => findCompanyBySlug(db, slug)?.name ?? slug);
	return {
		filters,
		query: base.toString(),
		companyNames,
		unknownCompanies,
		summary: summariseExplore(db, filters),
		reports: list.reports,
		order: list.order,
		rankHref: localizeHref(`/explore?${rankedParams}`),
		nextHref: list.next ? localizeHref(`/explore?${nextParams}`) : null,
		firstHref: url.searchParams.has('before') || page > 1 ? localizeHref(`/explore?${base}`) : null
	};
};
