/** Aggregate figures of a scope (a company, a pattern, everything), read from its roll-ups only. */
import type { Db } from '../db/client';
import { ReadCache } from '../db/read-cache';
import { readRollup, type Distribution } from './rollups';

export type { Distribution };
export type NumericSummary = { n: number; sum: number; mean: number | null; median: number | null };
export type MoneySummary = {
	currency: string;
	n: number;
	disputedMinor: number;
	recoveredMinor: number;
};
export type MonthCount = { month: string; n: number };

/** How a company answered the reports of one source. Shares are computed by the page. */
export type ResponseFigures = {
	source: string;
	/** Reports of this source: the denominator of the response rate. */
	reports: number;
	responded: number;
	/** Responses within 15 days of the report (from the source's own flag when imported). */
	timely: number;
	accepted: number;
	disputed: number;
	/** Reports the consumer marked resolved after the response. */
	resolvedAfter: number;
};

export type Scorecard = {
	reportCount: number;
	meTooCount: number;
	rating: NumericSummary;
	ratingDistribution: Distribution;
	categories: Distribution;
	outcomes: Distribution;
	triggers: Distribution;
	channels: Distribution;
	escalations: Distribution;
	languages: Distribution;
	/** Reports by where they come from (recourse, cfpb). */
	sources: Distribution;
	contacts: NumericSummary;
	effortMinutes: NumericSummary;
	agents: NumericSummary;
	promisesBroken: NumericSummary;
	money: MoneySummary[];
	months: MonthCount[];
	/** One entry per source with reports, Recourse first. */
	responses: ResponseFigures[];
	/** Whole days from report to first response (Recourse reports: imports carry no dates). */
	responseDays: NumericSummary;
};

/** Count, sum, mean and median of a histogram of whole numbers. */
export function summariseHistogram(histogram: Distribution): NumericSummary {
	const points = histogram
		.map(({ key, n }) => ({ value: Number(key), n }))
		.filter((p) => p.n > 0 && Number.isFinite(p.value))
		.sort((a, b) => a.value - b.value);
	const n = points.reduce((s, p) => s + p.n, 0);
	const sum = points.reduce((s, p) => s + p.value * p.n, 0);
	if (n === 0) return { n, sum, mean: null, median: null };
	// The value at a 0-based rank of the sorted data.
	const at = (rank: number) => {
		let seen = 0;
		for (const p of points) {
			seen += p.n;
			if (rank < seen) return p.value;
		}
		return points[points.length - 1]!.value;
	};
	const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
	return { n, sum, mean: sum / n, median };
}

const byCount = (rows: Distribution) =>
	[...rows].sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));

/**
 * The source histogram; reports counted before it existed (roll-ups built before imports) are
 * Recourse's own, until the next rebuild counts them.
 */
function reportsBySource(rows: Distribution, reportCount: number): Distribution {
	const counted = rows.reduce((s, r) => s + r.n, 0);
	if (counted >= reportCount) return byCount(rows);
	const recourse = rows.find((r) => r.key === 'recourse')?.n ?? 0;
	return byCount([
		...rows.filter((r) => r.key !== 'recourse'),
		{ key: 'recourse', n: recourse + reportCount - counted }
	]);
}

/** Reports per calendar month (YYYY-MM), oldest first, from the per-month histogram. */
function monthSeries(months: Distribution): MonthCount[] {
	return months
		.map(({ key, n }) => ({ month: key, n }))
		.sort((a, b) => (a.month < b.month ? -1 : 1));
}

/**
 * Computed scorecards until the next write. A few hundred: the largest is a few kilobytes, and
 * the companies people look at most are few.
 */
const scorecards = new ReadCache<Scorecard>(500);

/** Everything a scorecard shows for one roll-up scope (frozen: callers share it). */
export function getScorecard(db: Db, scope: string): Scorecard {
	return scorecards.read(db, scope, () => computeScorecard(db, scope));
}

function computeScorecard(db: Db, scope: string): Scorecard {
	const h = readRollup(db, scope);
	const get = (d: string) => h.get(d) ?? [];
	const total = (d: string) => get(d).reduce((s, row) => s + row.n, 0);
	const disputed = new Map(get('disputed').map((r) => [r.key, r.n]));
	const recovered = new Map(get('recovered').map((r) => [r.key, r.n]));
	return {
		reportCount: total('reports'),
		meTooCount: total('me_too'),
		rating: summariseHistogram(get('rating')),
		ratingDistribution: [...get('rating')].sort((a, b) => Number(b.key) - Number(a.key)),
		categories: byCount(get('category')),
		outcomes: byCount(get('outcome')),
		triggers: byCount(get('trigger')),
		channels: byCount(get('channel')),
		escalations: byCount(get('escalation')),
		languages: byCount(get('language')),
		sources: reportsBySource(get('source'), total('reports')),
		contacts: summariseHistogram(get('contacts')),
		effortMinutes: summariseHistogram(get('effort_minutes')),
		agents: summariseHistogram(get('agents')),
		promisesBroken: summariseHistogram(get('promises_broken')),
		money: byCount(get('currency')).map(({ key, n }) => ({
			currency: key,
			n,
			disputedMinor: disputed.get(key) ?? 0,
			recoveredMinor: recovered.get(key) ?? 0
		})),
		months: monthSeries(get('month')),
		responses: responseFigures(get),
		responseDays: summariseHistogram(get('response_days'))
	};
}

function responseFigures(get: (dimension: string) => Distribution): ResponseFigures[] {
	const count = (dimension: string, key: string) =>
		get(dimension).find((row) => row.key === key)?.n ?? 0;
	return [...get('source')]
		.sort((a, b) => (a.key === 'recourse' ? -1 : b.key === 'recourse' ? 1 : a.key < b.key ? -1 : 1))
		.map(({ key: source, n }) => ({
			source,
			reports: n,
			responded: count('responded', source),
			timely: count('timely', `${source}:yes`),
			accepted: count('verdict', `${source}:accepted`),
			disputed: count('verdict', `${source}:disputed`),
			resolvedAfter: count('resolved_after', source)
		}));
}
