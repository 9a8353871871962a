/**
 * The escalation guide: which body takes a consumer's case next, by country and industry, and
 * from which date (decision 023). Read from routes.json, checked once when the module loads.
 */
import * as v from 'valibot';
import type { Escalation, Industry } from '$lib/taxonomy';
import data from './routes.json' with { type: 'json' };
import { isCountry } from '../places/places';
import { guideRouteSchema, guideSchema, type Period, type WaitRule } from './schema';

export type { Period, WaitRule };
export type GuideRoute = v.InferOutput<typeof guideRouteSchema>;
export type GuideRouteKind = GuideRoute['kind'];

/** Every route, in the reviewed order of the file (most specific first within a country). */
export const guideRoutes: readonly GuideRoute[] = v.parse(guideSchema, data);

/** Countries with routes of their own, in the order the file lists them. */
export const guideCountries: readonly string[] = [
	...new Set(guideRoutes.flatMap((r) => (r.country ? [r.country] : [])))
];

const genericRoutes = guideRoutes.filter((r) => r.country === null);

/**
 * The routes for a country and an industry, most specific first: the industry's own bodies,
 * then the country's general consumer bodies; the generic route when the country has none.
 * `region` (ISO 3166-2) drops regional bodies of other regions; unknown keeps them all.
 */
export function routesFor(
	country: string | null,
	industry: Industry | null,
	region: string | null = null
): GuideRoute[] {
	const own = guideRoutes.filter(
		(r) =>
			r.country !== null &&
			r.country === country &&
			(region === null || r.region === undefined || r.region === region)
	);
	const specific = industry
		? own.filter((r) => r.industries !== 'all' && r.industries.includes(industry))
		: [];
	const general = own.filter((r) => r.industries === 'all');
	const found = [...specific, ...general];
	return found.length > 0 ? found : [...genericRoutes];
}

/** The next body to turn to, and the date from which it takes the case. */
export type NextStep = {
	route: GuideRoute;
	from: string;
	basis: 'first-contact' | 'final-response' | 'none';
};

/**
 * The first route the consumer has not used yet (each escalation they made uses up one route of
 * that kind, in the guide's order), with the date it takes the case: never before the first
 * contact. Null when every route has been used.
 */
export function nextStep(c: {
	country: string | null;
	industry: Industry | null;
	firstContactOn: string | null;
	finalResponseOn: string | null;
	escalatedTo: readonly Escalation[];
	region?: string | null;
	/** Today (YYYY-MM-DD), for a case with no first contact yet; defaults to the clock's. */
	today?: string;
}): NextStep | null {
	const used = new Map<Escalation, number>();
	for (const e of c.escalatedTo) used.set(e, (used.get(e) ?? 0) + 1);
	// A regional body is offered only to someone known to live in its region; an alternative
	// scheme is the same step as the body it stands in for.
	const candidates = routesFor(c.country, c.industry, c.region ?? null).filter(
		(r) => (r.region === undefined || r.region === c.region) && r.alternativeTo === undefined
	);
	const route = candidates.find((r) => {
		const left = used.get(r.escalation) ?? 0;
		if (left === 0) return true;
		used.set(r.escalation, left - 1);
		return false;
	});
	if (!route) return null;
	return { route, ...takesCaseFrom(route.wait, c) };
}

/**
 * The day a body with this waiting rule takes a case, and what it is counted from: never before
 * the first contact (today when there is none yet).
 */
export function takesCaseFrom(
	wait: WaitRule,
	c: { firstContactOn: string | null; finalResponseOn: string | null; today?: string }
): Pick<NextStep, 'from' | 'basis'> {
	const start = c.firstContactOn ?? c.today ?? new Date().toISOString().slice(0, 10);
	const notBeforeStart = (day: string) => (day < start ? start : day);
	switch (wait.kind) {
		case 'none':
		case 'after-complaint':
			return { from: start, basis: c.firstContactOn ? 'first-contact' : 'none' };
		case 'after-first-contact':
			return { from: addPeriod(start, wait.period), basis: 'first-contact' };
		case 'final-response-or-after': {
			const afterWait = addPeriod(start, wait.period);
			if (c.finalResponseOn && c.finalResponseOn < afterWait)
				return { from: notBeforeStart(c.finalResponseOn), basis: 'final-response' };
			return { from: afterWait, basis: 'first-contact' };
		}
	}
}

/** A calendar date plus a period; a month later than 31 January is the last day of February. */
export function addPeriod(day: string, period: Period): string {
	const start = new Date(`${day}T00:00:00Z`);
	const [y, m, d] = [start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate()];
	if (period.unit === 'months') {
		const lastDay = new Date(Date.UTC(y, m - 1 + period.count + 1, 0)).getUTCDate();
		return new Date(Date.UTC(y, m - 1 + period.count, Math.min(d, lastDay)))
			.toISOString()
			.slice(0, 10);
	}
	const days = period.unit === 'weeks' ? period.count * 7 : period.count;
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The country an address names (`es` → `ES`): lower-case ISO 3166-1 codes only, else null. */
export function countryOfAddress(segment: string): string | null {
	return /^[a-z]{2}$/.test(segment) && isCountry(segment.toUpperCase())
		? segment.toUpperCase()
		: null;
}
