import { readPageParams } from '$lib/server/page-params';
import { guideCountries, routesFor } from '$lib/server/guide';
import { describeRoute } from '$lib/server/guide/describe';
import { countryName } from '$lib/format';
import type { PageServerLoad } from './$types';

/** Plain text and links: no JavaScript, like the other read-only pages (issue 6). */
export const csr = false;

export const load: PageServerLoad = ({ url }) => {
	readPageParams(url, {});
	return {
		countries: guideCountries
			.map((code) => ({ code, name: countryName(code) }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		generic: routesFor(null, null).map(describeRoute)
	};
};
