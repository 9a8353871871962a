import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { findCompanyByName, findCompanyBySlug } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { countryCodes, regionsOf } from '$lib/server/places/places';
import { integer, one, oneOf } from '$lib/server/query-params';
import {
	filtersToSearchParams,
	listExploreReports,
	readExploreQuery,
	reportCursor,
	summariseExplore
} from '$lib/server/reports/explore';
import type { PageServerLoad } from './$types';

/** The page's own parameters, besides the filters: where in the list, and in which order. */
const pageParams = {
	page: one(integer(1, 50), 1),
	before: one(reportCursor),
	order: one(oneOf(['relevance'] as const))
};

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
	// Names the page does not know (a campaign tag, say) are passed over; values it cannot read
	// are not: dropping one would show reports the reader did not ask for.
	const query = readExploreQuery(db, url.searchParams, pageParams, { unknownNames: 'ignore' });
	const { page, before, order, ...filters } = query.values;
	const refused = query.problems.length > 0;
	/** Each refused parameter with the value it had: shown beside its filter. */
	const invalid: Record<string, string> = {};
	for (const p of query.problems) invalid[p.parameter] ??= p.value.slice(0, 100);
	const companyNames = filters.company.map((slug) => findCompanyBySlug(db, slug)?.name ?? slug);
	// The regions of the countries chosen (or of the regions a link names): a region filter
	// appears once a country is chosen, with or without JavaScript.
	const regionCountries = new Set([
		...filters.country,
		...filters.region.map((r) => r.slice(0, 2))
	]);
	const places = {
		countries: countryCodes,
		regions: [...regionCountries].flatMap((country) => regionsOf(country))
	};
	if (refused) {
		return {
			filters,
			refused,
			invalid,
			query: '',
			companyNames,
			unknownCompanies,
			places,
			summary: { total: 0, months: [], categories: [], companies: [] },
			reports: [],
			order: 'newest' as const,
			rankHref: null,
			nextHref: null,
			firstHref: null
		};
	}
	const rank = !!filters.q && order === 'relevance';
	const list = listExploreReports(db, filters, { before, page, rank });
	const base = filtersToSearchParams(filters);
	if (rank) base.set('order', 'relevance');
	const nextParams = new URLSearchParams(base);
	const rankedParams = new URLSearchParams(base);
	rankedParams.set('order', 'relevance');
	if (list.next) nextParams.set(list.order === 'relevance' ? 'page' : 'before', list.next);
	return {
		filters,
		refused,
		invalid,
		query: base.toString(),
		companyNames,
		unknownCompanies,
		places,
		summary: summariseExplore(db, filters),
		reports: list.reports,
		order: list.order,
		rankHref: localizeHref(`/explore?${rankedParams}`),
		nextHref: list.next ? localizeHref(`/explore?${nextParams}`) : null,
		firstHref: before || page > 1 ? localizeHref(`/explore?${base}`) : null
	};
};
