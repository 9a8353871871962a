import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { db } from '$lib/server/db';
import { filtersToSearchParams, parseExploreFilters } from '$lib/server/reports/explore';
import { atomFeedResponse } from '$lib/server/reports/feeds';
import type { RequestHandler } from './$types';

/** The newest reports of any explore view, as Atom. */
export const GET: RequestHandler = ({ url }) => {
	const filters = parseExploreFilters(url.searchParams);
	return atomFeedResponse(db, filters, {
		title: `${m.explore_title()} · ${m.site_name()}`,
		selfUrl: url.href,
		pageUrl: url.origin + localizeHref(`/explore?${filtersToSearchParams(filters)}`)
	});
};
