import { error } from '@sveltejs/kit';
import { readPageParams } from '$lib/server/page-params';
import { countryOfAddress, guideRoutes, routesFor } from '$lib/server/guide';
import { describeRoute } from '$lib/server/guide/describe';
import { countryName } from '$lib/format';
import { industryLabel } from '$lib/labels';
import { industries } from '$lib/taxonomy';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = ({ params, url }) => {
	const country = countryOfAddress(params.country);
	if (!country) error(404);
	readPageParams(url, {});
	const own = guideRoutes.filter((r) => r.country === country);
	return {
		country,
		countryName: countryName(country),
		industries: industries.map((slug) => ({ slug, label: industryLabel(slug) })),
		hasOwnRoutes: own.length > 0,
		routes: (own.length ? own : routesFor(null, null)).map(describeRoute)
	};
};
