import { localizeHref } from '$lib/paraglide/runtime';
import { invalidParamsResponse } from '$lib/server/api/problem';
import { db } from '$lib/server/db';
import { filtersToSearchParams, readExploreQuery } from '$lib/server/reports/explore';
import { atomFeedResponse, viewTitle } from '$lib/server/reports/feeds';
import type { RequestHandler } from './$types';

/** The newest reports of any explore view, search included, as Atom; a refused filter is a 400. */
export const GET: RequestHandler = ({ url }) => {
	const query = readExploreQuery(db, url.searchParams, {}, { unknownNames: 'refuse' });
	if (query.problems.length) return invalidParamsResponse(url.origin, query.problems);
	const filters = query.values;
	return atomFeedResponse(db, filters, {
		title: viewTitle(db, filters),
		selfUrl: url.href,
		pageUrl: url.origin + localizeHref(`/explore?${filtersToSearchParams(filters)}`)
	});
};
