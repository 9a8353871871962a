/** Recourse's own figures beside each guide route, counted by the in-memory facet index (decision 008). */
import type { Escalation, Industry } from '$lib/taxonomy';
import type { Db } from '../db/client';
import { facetsFor } from '../reports/facets';
import { exploreFilters, facetFilter, filtersToSearchParams } from '../reports/explore';

export type RouteFigures = { escalated: number; resolved: number };

/** The explore view of the reports a route's figures count. */
export function routeExploreHref(country: string, industry: Industry, escalation: Escalation) {
	const filters = exploreFilters({
		country: [country],
		industry: [industry],
		escalation: [escalation]
	});
	return `/explore?${filtersToSearchParams(filters)}`;
}

/**
 * Per escalation: public reports of this country and industry that escalated that way, and how
 * many of them were resolved. Null while the facet index loads; the page then links to explore.
 */
export function escalationFigures(
	db: Db,
	country: string,
	industry: Industry,
	escalations: readonly Escalation[]
): Map<Escalation, RouteFigures> | null {
	const index = facetsFor(db);
	if (!index) return null;
	const figures = new Map<Escalation, RouteFigures>();
	for (const escalation of new Set(escalations)) {
		const base = { country: [country], industry: [industry], escalation: [escalation] };
		const all = facetFilter(db, index, exploreFilters(base));
		const resolved = facetFilter(db, index, exploreFilters({ ...base, outcome: ['resolved'] }));
		figures.set(escalation, {
			escalated: all ? index.count(all) : 0,
			resolved: resolved ? index.count(resolved) : 0
		});
	}
	return figures;
}
