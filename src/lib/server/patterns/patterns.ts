/** Recurring failure patterns across companies: listing, ranking and one pattern's figures. */
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { statementCache, type Db } from '../db/client';
import { ReadCache } from '../db/read-cache';
import {
	company,
	pattern,
	report,
	reportCategory,
	reportTrigger,
	rollup,
	type Pattern
} from '../db/schema';
import { patternScope, dayKey } from '../reports/rollups';
import { getScorecard, type Scorecard } from '../reports/scorecard';
import {
	reportSummariesByIds,
	reportSummaryColumns,
	visibleReport,
	type ReportSummary
} from '../reports/reports';
import { parsePatternSlug } from '../../taxonomy';

const DAY = 86_400_000;
export const GROWTH_WINDOW_DAYS = 90;

export type PatternListItem = Pattern & {
	/** Reports filed in the last 90 days, and in the 90 days before. */
	recent: number;
	previous: number;
};

/**
 * Patterns seen at `minCompanies` companies or more, with their volume in the last two 90-day
 * windows, ranked by volume or by growth (recent minus previous).
 */
export function listPatterns(
	db: Db,
	options: { minCompanies?: number; sort?: 'volume' | 'growth'; now?: number } = {}
): PatternListItem[] {
	const now = options.now ?? Date.now();
	const rows = db
		.select()
		.from(pattern)
		.where(gte(pattern.companyCount, options.minCompanies ?? 2))
		.orderBy(desc(pattern.reportCount))
		.all();
	if (!rows.length) return [];
	const recentFrom = dayKey(now - GROWTH_WINDOW_DAYS * DAY);
	const previousFrom = dayKey(now - 2 * GROWTH_WINDOW_DAYS * DAY);
	const windows = db
		.select({
			scope: rollup.scope,
			recent: sql<number>`sum(case when ${rollup.key} >= ${recentFrom} then ${rollup.n} else 0 end)`,
			previous: sql<number>`sum(case when ${rollup.key} < ${recentFrom} then ${rollup.n} else 0 end)`
		})
		.from(rollup)
		.where(
			and(
				inArray(
					rollup.scope,
					rows.map((p) => patternScope(p.slug))
				),
				eq(rollup.dimension, 'day'),
				gte(rollup.key, previousFrom)
			)
		)
		.groupBy(rollup.scope)
		.all();
	const byScope = new Map(windows.map((w) => [w.scope, w]));
	const items = rows.map((p) => {
		const w = byScope.get(patternScope(p.slug));
		return { ...p, recent: w?.recent ?? 0, previous: w?.previous ?? 0 };
	});
	if (options.sort === 'growth') {
		items.sort(
			(a, b) => b.recent - b.previous - (a.recent - a.previous) || b.reportCount - a.reportCount
		);
	}
	return items;
}

/** The home page's rising patterns, until the next write (or the next day: the windows move). */
const rising = new ReadCache<PatternListItem[]>(4);

/**
 * The `limit` patterns with the most growth over the last 90 days (more reports than in the
 * 90 days before), most growth first; none that shrank or stayed level.
 */
export function risingPatterns(db: Db, limit = 5, now = Date.now()): PatternListItem[] {
	return rising.read(
		db,
		`${dayKey(now)}|${limit}`,
		() =>
			Object.freeze(
				listPatterns(db, { sort: 'growth', now })
					.filter((p) => p.recent > p.previous)
					.slice(0, limit)
			) as PatternListItem[]
	);
}

export type AffectedCompany = {
	slug: string;
	name: string;
	/** Reports of this pattern about the company. */
	n: number;
	/** All reports about the company: the share shows how much of its record this pattern is. */
	reportCount: number;
};

export type PatternDetail = {
	pattern: Pattern;
	scorecard: Scorecard;
	companies: AffectedCompany[];
	reports: ReportSummary[];
};

/**
 * Reports that name both the pattern's category and its circumstance, primary or not (decision
 * 028), found through the indexes of the two link tables.
 */
function namesPattern(parsed: { category: string; trigger: string }) {
	return sql`${report.id} in (select c.report_id from ${reportCategory} c
		join ${reportTrigger} t on t.report_id = c.report_id and t."trigger" = ${parsed.trigger}
		where c.category = ${parsed.category})`;
}

/** Computed pattern pages until the next write. */
const details = new ReadCache<PatternDetail>(200);

/**
 * Everything the pattern page shows; undefined for an unknown or malformed slug. Frozen: the
 * figures are shared by every caller until the next write.
 */
export function getPattern(
	db: Db,
	slug: string,
	limits = { companies: 10, reports: 10 }
): PatternDetail | undefined {
	const parsed = parsePatternSlug(slug);
	if (!parsed) return undefined;
	const key = `${slug}|${limits.companies}|${limits.reports}`;
	return details.read(db, key, () => computePattern(db, slug, parsed, limits));
}

function computePattern(
	db: Db,
	slug: string,
	parsed: NonNullable<ReturnType<typeof parsePatternSlug>>,
	limits: { companies: number; reports: number }
): PatternDetail | undefined {
	const row = db.select().from(pattern).where(eq(pattern.slug, slug)).get();
	if (!row || row.reportCount <= 0) return undefined;
	// The top rows are chosen from the roll-up alone, then only they are joined to companies
	// (a large pattern has thousands of company rows). Ties go to the lower company id.
	const top = db
		.select({
			companyId: sql<number>`cast(${rollup.key} as integer)`.as('company_id'),
			n: rollup.n
		})
		.from(rollup)
		.where(
			and(eq(rollup.scope, patternScope(slug)), eq(rollup.dimension, 'company'), gte(rollup.n, 1))
		)
		.orderBy(desc(rollup.n), sql`cast(${rollup.key} as integer)`)
		.limit(limits.companies)
		.as('top');
	const companies = db
		.select({
			slug: company.slug,
			name: company.name,
			n: top.n,
			reportCount: company.reportCount
		})
		.from(top)
		.innerJoin(company, eq(company.id, top.companyId))
		.orderBy(desc(top.n), company.name)
		.all();
	const reports = db
		.select(reportSummaryColumns)
		.from(report)
		.innerJoin(company, eq(report.companyId, company.id))
		.where(and(visibleReport, namesPattern(parsed)))
		.orderBy(desc(report.createdAt), desc(report.id))
		.limit(limits.reports)
		.all();
	return { pattern: row, scorecard: getScorecard(db, patternScope(slug)), companies, reports };
}

/**
 * How many of a pattern's newest reports are looked through for other companies' reports. A
 * company that floods a pattern (an outage: thousands of reports in a day) must not make each
 * of its report pages read all of them: past this, the page shows its own company's instead.
 */
const SIMILAR_SCAN = 200;

/** Reports of the same pattern as this one: other companies first, newest first. */
export function listSimilarReports(
	db: Db,
	of: { id: number; companyId: number; category: string; trigger: string | null },
	limit = 5
): ReportSummary[] {
	const parsed = parsePatternSlug(`${of.category}-after-${of.trigger}`);
	if (!parsed) return [];
	// Newest first along report_category_trigger_idx, stopping as soon as enough are found.
	const newest = statementCache(db)
		.prepare(
			`select id, company_id from report
			 where category = ? and "trigger" = ? and hidden_at is null and id != ?
			 order by created_at desc, id desc limit ${SIMILAR_SCAN}`
		)
		.raw(true);
	const others: number[] = [];
	const own: number[] = [];
	for (const [id, companyId] of newest.iterate(parsed.category, parsed.trigger, of.id) as Iterable<
		[number, number]
	>) {
		if (companyId !== of.companyId) others.push(id);
		else if (own.length < limit) own.push(id);
		if (others.length === limit) break;
	}
	return reportSummariesByIds(db, [...others, ...own].slice(0, limit)).map(
		({ narrative: _, ...summary }) => summary
	);
}
