/**
 * The company workspace (decision 030): the company's own reports (filed on Recourse, not
 * hidden) in tabs by where their answer stands, with a count per tab, searched and filtered like
 * explore, keyset-paginated either way by filing time.
 */
import { and, asc, desc, eq, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { companyResponse, report } from '../db/schema';
import { countryCodes } from '../places/places';
import { isoDate, mapped, matching, one, oneOf, text } from '../query-params';
import { exploreConditions, exploreFilters, reportCursor } from '../reports/explore';
import type { ReportCursor } from '../reports/reports';
import { TIMELY_DAYS } from '../responses/responses';
import { categories, parsePatternSlug } from '../../taxonomy';

const DAY_MS = 86_400_000;

/** Where a report's answer stands: unanswered (overdue past 15 days), answered, disputed. */
export const dashboardTabs = ['awaiting', 'overdue', 'answered', 'disputed', 'all'] as const;
export type DashboardTab = (typeof dashboardTabs)[number];
export const dashboardSorts = ['oldest', 'newest'] as const;

const patternParam = mapped(
	matching(/^[a-z0-9-]{1,120}$/, 'a pattern slug'),
	parsePatternSlug,
	'a pattern slug (category-after-trigger)'
);

/** The dashboard's query parameters, read strictly by readPageParams. */
export const dashboardParams = {
	tab: one(oneOf(dashboardTabs), 'awaiting'),
	/** Absent: oldest first while unanswered (the 15-day clock), newest first otherwise. */
	sort: one(oneOf(dashboardSorts)),
	q: one(text(200), ''),
	category: one(oneOf(categories)),
	pattern: one(patternParam),
	country: one(oneOf(countryCodes)),
	from: one(isoDate),
	to: one(isoDate),
	after: one(reportCursor)
};

export type DashboardFilters = {
	q: string;
	category: (typeof categories)[number] | null;
	pattern: ReturnType<typeof parsePatternSlug>;
	country: string | null;
	from: string | null;
	to: string | null;
};

/** The conditions every tab shares: the company's own visible reports under the filters. */
function baseConditions(companyId: number, filters: DashboardFilters): SQL[] {
	const { category, pattern } = filters;
	return [
		eq(report.companyId, companyId),
		eq(report.source, 'recourse'),
		// A category and a pattern of another category: nothing is both.
		...(category && pattern && pattern.category !== category ? [sql`0`] : []),
		...exploreConditions(
			exploreFilters({
				category: pattern ? [pattern.category] : category ? [category] : [],
				trigger: pattern ? [pattern.trigger] : [],
				country: filters.country ? [filters.country] : [],
				from: filters.from,
				to: filters.to,
				q: filters.q
			})
		)
	];
}

function tabCondition(tab: DashboardTab, now: number): SQL | undefined {
	const overdueBefore = now - TIMELY_DAYS * DAY_MS;
	switch (tab) {
		case 'awaiting':
			return isNull(companyResponse.id);
		case 'overdue':
			return and(isNull(companyResponse.id), lt(report.createdAt, overdueBefore));
		case 'answered':
			return isNotNull(companyResponse.id);
		case 'disputed':
			return eq(companyResponse.verdict, 'disputed');
		case 'all':
			return undefined;
	}
}

export type DashboardCounts = Record<DashboardTab, number>;

/** How many reports each tab holds under the filters: one pass over the company's index range. */
export function countDashboardTabs(
	db: Db,
	companyId: number,
	filters: DashboardFilters,
	now = Date.now()
): DashboardCounts {
	const overdueBefore = now - TIMELY_DAYS * DAY_MS;
	const row = db
		.select({
			all: sql<number>`count(*)`,
			awaiting: sql<number>`coalesce(sum(${companyResponse.id} is null), 0)`,
			overdue: sql<number>`coalesce(sum(${companyResponse.id} is null and ${report.createdAt} < ${overdueBefore}), 0)`,
			answered: sql<number>`coalesce(sum(${companyResponse.id} is not null), 0)`,
			disputed: sql<number>`coalesce(sum(${companyResponse.verdict} = 'disputed'), 0)`
		})
		.from(report)
		.leftJoin(companyResponse, eq(companyResponse.reportId, report.id))
		.where(and(...baseConditions(companyId, filters)))
		.get();
	return {
		all: row?.all ?? 0,
		awaiting: row?.awaiting ?? 0,
		overdue: row?.overdue ?? 0,
		answered: row?.answered ?? 0,
		disputed: row?.disputed ?? 0
	};
}

/** One page of a tab, in filing order either way, after the cursor the previous page gave. */
export function listDashboardReports(
	db: Db,
	companyId: number,
	options: {
		tab: DashboardTab;
		sort: (typeof dashboardSorts)[number];
		filters: DashboardFilters;
		after?: ReportCursor | null;
		limit?: number;
	},
	now = Date.now()
) {
	const limit = options.limit ?? 20;
	const newest = options.sort === 'newest';
	const after = options.after;
	const rows = db
		.select({
			id: report.id,
			title: report.title,
			category: report.category,
			country: report.country,
			language: report.language,
			createdAt: report.createdAt,
			answeredAt: companyResponse.createdAt,
			verdict: companyResponse.verdict
		})
		.from(report)
		.leftJoin(companyResponse, eq(companyResponse.reportId, report.id))
		.where(
			and(
				...baseConditions(companyId, options.filters),
				tabCondition(options.tab, now),
				after
					? newest
						? sql`(${report.createdAt}, ${report.id}) < (${after.createdAt}, ${after.id})`
						: sql`(${report.createdAt}, ${report.id}) > (${after.createdAt}, ${after.id})`
					: undefined
			)
		)
		.orderBy(
			...(newest
				? [desc(report.createdAt), desc(report.id)]
				: [asc(report.createdAt), asc(report.id)])
		)
		.limit(limit + 1)
		.all();
	const page = rows.slice(0, limit);
	const last = page[page.length - 1];
	return {
		reports: page,
		next: rows.length > limit && last ? `${last.createdAt}-${last.id}` : null
	};
}
