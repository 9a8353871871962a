import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { readPageParams } from '$lib/server/page-params';
import { countryOfAddress, routesFor } from '$lib/server/guide';
import { describeRoute } from '$lib/server/guide/describe';
import { escalationFigures, routeExploreHref } from '$lib/server/guide/figures';
import { countryName } from '$lib/format';
import { industryLabel } from '$lib/labels';
import { industries, isOneOf } from '$lib/taxonomy';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = ({ params, url }) => {
	const country = countryOfAddress(params.country);
	const industry = params.industry;
	if (!country || !isOneOf(industries, industry)) error(404);
	readPageParams(url, {});
	const routes = routesFor(country, industry);
	const figures = escalationFigures(
		db,
		country,
		industry,
		routes.map((r) => r.escalation)
	);
	return {
		country,
		countryName: countryName(country),
		industry,
		industryLabel: industryLabel(industry),
		hasOwnRoutes: routes.some((r) => r.country === country),
		routes: routes.map((route) => ({
			view: describeRoute(route),
			figures: figures?.get(route.escalation) ?? null,
			exploreHref: routeExploreHref(country, industry, route.escalation)
		}))
	};
};
