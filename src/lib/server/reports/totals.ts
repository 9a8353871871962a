/** The whole record in five figures, for the home page: read from roll-ups and counters, no scan. */
import { and, gt, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { ReadCache } from '../db/read-cache';
import { company, pattern } from '../db/schema';
import { ALL_SCOPE } from './rollups';
import { getScorecard } from './scorecard';

export type SiteTotals = {
	reports: number;
	/** Companies with at least one public report. */
	companies: number;
	/** Patterns reported at two companies or more: the ones /patterns lists. */
	patterns: number;
	meToos: number;
	/** Company answers of every source (Recourse and imported). */
	answers: number;
};

const totals = new ReadCache<SiteTotals>(1);

/** Counts over every public report, kept until the next write. */
export function siteTotals(db: Db): SiteTotals {
	return totals.read(db, 'all', () => {
		const card = getScorecard(db, ALL_SCOPE);
		const count = (rows: { n: number } | undefined) => rows?.n ?? 0;
		return {
			reports: card.reportCount,
			companies: count(
				db
					.select({ n: sql<number>`count(*)` })
					.from(company)
					.where(gt(company.reportCount, 0))
					.get()
			),
			patterns: count(
				db
					.select({ n: sql<number>`count(*)` })
					.from(pattern)
					.where(and(gt(pattern.reportCount, 0), gte(pattern.companyCount, 2)))
					.get()
			),
			meToos: card.meTooCount,
			answers: card.responses.reduce((sum, r) => sum + r.responded, 0)
		};
	});
}
