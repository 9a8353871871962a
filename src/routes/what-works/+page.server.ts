import { whatWorksParams } from '$lib/server/api/params';
import { db } from '$lib/server/db';
import { countryCodes } from '$lib/server/places/places';
import { readParams } from '$lib/server/query-params';
import { getWhatWorks, placeScope } from '$lib/server/reports/what-works';
import type { PageServerLoad } from './$types';

/** What works for an industry, a country, both, or every report: the figures guide routes link to. */
export const load: PageServerLoad = ({ url }) => {
	const query = readParams(url.searchParams, whatWorksParams, { unknownNames: 'ignore' });
	// A value the page cannot read is named beside its field, and that field counts as "any".
	const errors: Record<string, string> = {};
	for (const p of query.problems) errors[p.parameter] = url.searchParams.get(p.parameter) ?? '';
	const industry = errors.industry === undefined ? query.values.industry : null;
	const country = errors.country === undefined ? query.values.country : null;
	return {
		industry,
		country,
		errors,
		countries: countryCodes,
		works: getWhatWorks(db, placeScope(industry, country))
	};
};
