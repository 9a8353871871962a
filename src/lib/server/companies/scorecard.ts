/** A company's scorecard, read from its roll-ups: no report rows are scanned to draw it. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { companyMoney, companyTally } from '../db/schema';
import type { TallyDimension } from '../reports/rollups';

export type Distribution = { key: string; n: number }[];
export type NumericSummary = { n: number; sum: number; mean: number | null; median: number | null };
export type MoneySummary = {
	currency: string;
	n: number;
	disputedMinor: number;
	recoveredMinor: number;
};

export type Scorecard = {
	reportCount: number;
	rating: NumericSummary;
	ratingDistribution: Distribution;
	categories: Distribution;
	outcomes: Distribution;
	triggers: Distribution;
	contacts: NumericSummary;
	effortMinutes: NumericSummary;
	agents: NumericSummary;
	promisesBroken: NumericSummary;
	money: MoneySummary[];
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

/** Everything the scorecard shows, from two indexed reads of the roll-up tables. */
export function getScorecard(db: Db, companyId: number, reportCount: number): Scorecard {
	const tallies = db
		.select({ dimension: companyTally.dimension, key: companyTally.key, n: companyTally.n })
		.from(companyTally)
		.where(eq(companyTally.companyId, companyId))
		.all();
	const byDimension = new Map<string, Distribution>();
	for (const t of tallies) {
		if (t.n <= 0) continue;
		const list = byDimension.get(t.dimension) ?? [];
		list.push({ key: t.key, n: t.n });
		byDimension.set(t.dimension, list);
	}
	const distribution = (d: TallyDimension) =>
		(byDimension.get(d) ?? []).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
	const numeric = (d: TallyDimension) => summariseHistogram(byDimension.get(d) ?? []);
	const money = db
		.select({
			currency: companyMoney.currency,
			n: companyMoney.n,
			disputedMinor: companyMoney.disputedMinor,
			recoveredMinor: companyMoney.recoveredMinor
		})
		.from(companyMoney)
		.where(eq(companyMoney.companyId, companyId))
		.all()
		.filter((row) => row.n > 0)
		.sort((a, b) => b.n - a.n);
	return {
		reportCount,
		rating: numeric('rating'),
		ratingDistribution: distribution('rating').sort((a, b) => Number(b.key) - Number(a.key)),
		categories: distribution('category'),
		outcomes: distribution('outcome'),
		triggers: distribution('trigger'),
		contacts: numeric('contacts'),
		effortMinutes: numeric('effort_minutes'),
		agents: numeric('agents'),
		promisesBroken: numeric('promises_broken'),
		money
	};
}
