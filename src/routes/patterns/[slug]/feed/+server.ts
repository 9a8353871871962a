import { error } from '@sveltejs/kit';
import { patternTitle } from '$lib/labels';
import { localizeHref } from '$lib/paraglide/runtime';
import { db } from '$lib/server/db';
import { exploreFilters } from '$lib/server/reports/explore';
import { atomFeedResponse } from '$lib/server/reports/feeds';
import { parsePatternSlug } from '$lib/taxonomy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const pattern = parsePatternSlug(params.slug);
	if (!pattern) error(404);
	const filters = exploreFilters({ category: [pattern.category], trigger: [pattern.trigger] });
	return atomFeedResponse(db, filters, {
		title: patternTitle(pattern.category, pattern.trigger),
		selfUrl: url.href,
		pageUrl: url.origin + localizeHref(`/patterns/${params.slug}`)
	});
};
