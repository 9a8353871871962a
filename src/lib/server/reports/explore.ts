/** Explore: reports filtered by any combination of facts and free text, with counts and breakdowns. */
import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { ReadCache } from '../db/read-cache';
import { company, report, reportChannel, reportEscalation } from '../db/schema';
import {
	categories,
	channels,
	escalations,
	industries,
	outcomes,
	patternSlug,
	reportLanguages,
	reportSources,
	triggers
} from '../../taxonomy';
import {
	describeProblem,
	isoDate,
	many,
	mapped,
	matching,
	one,
	oneOf,
	readParams,
	text,
	type ParamTable,
	type ParamValues,
	type ReadParamsResult
} from '../query-params';
import { countryCodes, regionCodes } from '../places/places';
import { resolutionRoutes } from '../../case-timeline';
import { ALL_SCOPE, companyScope, patternScope, readRollup, type Distribution } from './rollups';
import type { MonthCount } from './scorecard';
import { dayNumber, facetsFor, monthKey, type FacetFilter, type FacetIndex } from './facets';
import {
	listNewestReports,
	decodeCursor,
	encodeCursor,
	visibleReport,
	reportSummariesByIds,
	reportSummaryColumns,
	type ReportCursor,
	type ReportSummary
} from './reports';

/** A company slug as written in addresses; upper case is read as lower case. */
const companySlug = mapped(
	matching(/^[A-Za-z0-9-]{1,80}$/, 'a company slug (letters, digits and hyphens)'),
	(slug) => slug.toLowerCase(),
	'a company slug'
);
const rating = mapped(oneOf(['1', '2', '3', '4', '5'] as const), Number, 'a rating from 1 to 5');

/**
 * The filters of a view of reports, one row per query parameter: explore, its exports and
 * feed, and the API read them from this table and nothing else. A new filter is a new row
 * here, a condition in exploreConditions and one in facetFilter.
 */
export const exploreFilterParams = {
	company: many(companySlug),
	industry: many(oneOf(industries)),
	category: many(oneOf(categories)),
	trigger: many(oneOf(triggers)),
	outcome: many(oneOf(outcomes)),
	channel: many(oneOf(channels)),
	escalation: many(oneOf(escalations)),
	rating: many(rating),
	language: many(oneOf(reportLanguages)),
	/** Where reports come from: written on Recourse, or imported (cfpb). */
	source: many(oneOf(reportSources)),
	/** Where the consumer is: ISO 3166-1 country, ISO 3166-2 first-level region (US-CA, ES-CT). */
	country: many(oneOf(countryCodes)),
	region: many(oneOf(regionCodes)),
	/** What resolved the case, as its author says: the company alone, or an escalation. */
	resolved_by: many(oneOf(resolutionRoutes)),
	/** Incident start dates, inclusive (YYYY-MM-DD). */
	from: one(isoDate),
	to: one(isoDate),
	q: one(text(200), '')
};

export type ExploreFilters = ParamValues<typeof exploreFilterParams>;

/** A position in a newest-first list of reports, as the previous page gave it (`createdAt-id`). */
export const reportCursor = mapped(
	matching(/^\d{1,15}-\d{1,15}$/, 'a cursor given by the previous page'),
	(value) => decodeCursor(value),
	'a cursor given by the previous page'
);

/** The filter state of "every report": what each parameter is when absent. */
export const noFilters: ExploreFilters = Object.freeze(
	Object.fromEntries(
		Object.entries(exploreFilterParams).map(([name, param]) => [name, param.absent])
	) as ExploreFilters
);

/** A filter state from a few filters (for company and pattern feeds, tests). */
export function exploreFilters(filters: Partial<ExploreFilters>): ExploreFilters {
	return { ...noFilters, ...filters };
}

/**
 * Reads a view's filters and the other parameters an address takes (`others`), strictly: an
 * unknown or malformed value is a problem, never dropped (dropping one widens the view to
 * reports the reader did not ask for). A start date after the end date is a problem too, and
 * so is a company no report can name: it would answer an empty view as if the company had no
 * reports, where an unknown category is refused.
 */
export function readExploreQuery<T extends ParamTable>(
	db: Db,
	params: URLSearchParams,
	others: T,
	options: { unknownNames: 'refuse' | 'ignore' }
): ReadParamsResult<typeof exploreFilterParams & T> {
	const result = readViewParams(params, others, options);
	const slugs = result.values.company;
	// Checked against the data only when the values could be read (no 21 problems for 21 slugs).
	if (slugs.length && !result.problems.some((p) => p.parameter === 'company')) {
		const known = new Set(
			db
				.select({ slug: company.slug })
				.from(company)
				.where(inArray(company.slug, slugs))
				.all()
				.map((row) => row.slug)
		);
		for (const slug of slugs) {
			if (!known.has(slug)) {
				result.problems.push({
					parameter: 'company',
					value: slug,
					reason: 'unknown-value',
					expected: 'the slug of a listed company (/api/v1/companies)'
				});
			}
		}
	}
	return result;
}

/** readExploreQuery without the companies' check against the data. */
function readViewParams<T extends ParamTable>(
	params: URLSearchParams,
	others: T,
	options: { unknownNames: 'refuse' | 'ignore' }
): ReadParamsResult<typeof exploreFilterParams & T> {
	const result = readParams(params, { ...exploreFilterParams, ...others }, options);
	const { from, to } = result.values;
	if (from && to && from > to) {
		result.problems.push({
			parameter: 'to',
			value: to,
			reason: 'out-of-range',
			expected: `a date on or after from (${from})`
		});
	}
	return result;
}

/**
 * The filters of a query string that must be valid (tests, internal links): throws on any
 * problem. Requests go through readExploreQuery, which reports problems to the reader.
 */
export function parseExploreFilters(params: URLSearchParams | string): ExploreFilters {
	const { values, problems } = readViewParams(
		typeof params === 'string' ? new URLSearchParams(params) : params,
		{},
		{ unknownNames: 'refuse' }
	);
	if (problems.length) throw new Error(problems.map(describeProblem).join(' '));
	return values;
}

/** The query string of a filter state: the permalink of a view. */
export function filtersToSearchParams(filters: ExploreFilters): URLSearchParams {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(filters)) {
		if (Array.isArray(value)) for (const v of value) params.append(name, String(v));
		else if (value) params.set(name, value);
	}
	return params;
}

/** Case, diacritics and the letters the index folds (ё→е, ł→l), as the FTS index sees words. */
function foldWord(word: string): string {
	return word
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/ё/g, 'е')
		.replace(/ł/g, 'l');
}

function queryWords(text: string): string[] {
	// The same folds as the report_fts triggers (drizzle/0001_report_search.sql).
	const folded = text.replace(/ё/g, 'е').replace(/Ё/g, 'Е').replace(/ł/g, 'l').replace(/Ł/g, 'L');
	return folded.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
}

/**
 * A user's words as an FTS5 query that cannot be a syntax error: every word quoted (so
 * AND, OR, NEAR and punctuation are plain words), all required, the last one as a prefix.
 */
export function toFtsQuery(text: string): string | null {
	const terms = ftsTerms(text);
	return terms.length ? terms.join(' ') : null;
}

/** The parts of toFtsQuery's query, each one word (`"word"`, the last `"word"*`); FTS5 ANDs them. */
export function ftsTerms(text: string): string[] {
	const words = queryWords(text);
	return words.map((w, i) => `"${w}"${i === words.length - 1 && w.length >= 3 ? '*' : ''}`);
}

/**
 * Where the words occur in a text: about `width` characters around the first match, matches
 * marked between \u0002 and \u0003, cut at word boundaries. Null when no word occurs.
 */
export function searchSnippet(text: string, query: string, width = 200): string | null {
	const words = queryWords(query).map(foldWord);
	if (!words.length) return null;
	const last = words.length - 1;
	const matches = (token: string) => {
		const folded = foldWord(token);
		return words.some(
			(w, i) => folded === w || (i === last && w.length >= 3 && folded.startsWith(w))
		);
	};
	const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
	const first = tokens.findIndex((t) => matches(t[0]));
	if (first < 0) return null;
	const anchor = tokens[first]!.index!;
	let start = Math.max(0, anchor - Math.floor(width / 3));
	let end = Math.min(text.length, start + width);
	// Never cut a word in half.
	const startToken = tokens.find((t) => t.index! + t[0].length > start);
	if (startToken && startToken.index! < start) start = startToken.index! + startToken[0].length;
	const endToken = tokens.find((t) => t.index! < end && t.index! + t[0].length > end);
	if (endToken) end = endToken.index!;
	let out = start > 0 ? '…' : '';
	let cursor = start;
	for (const t of tokens) {
		const at = t.index!;
		if (at < start || at + t[0].length > end) continue;
		if (!matches(t[0])) continue;
		out += text.slice(cursor, at) + '\u0002' + t[0] + '\u0003';
		cursor = at + t[0].length;
	}
	out += text.slice(cursor, end) + (end < text.length ? '…' : '');
	return out.replace(/\s+/g, ' ');
}

/** The WHERE conditions of a filter state, shared by explore, export, the API and feeds. */
export function exploreConditions(filters: ExploreFilters): SQL[] {
	const where: SQL[] = [visibleReport];
	if (filters.company.length) {
		where.push(
			inArray(
				report.companyId,
				sql`(select ${company.id} from ${company} where ${inArray(company.slug, filters.company)})`
			)
		);
	}
	if (filters.industry.length) {
		where.push(
			inArray(
				report.companyId,
				sql`(select ${company.id} from ${company} where ${inArray(company.industry, filters.industry as (typeof industries)[number][])})`
			)
		);
	}
	if (filters.category.length) {
		where.push(inArray(report.category, filters.category as (typeof categories)[number][]));
	}
	if (filters.trigger.length) {
		where.push(inArray(report.trigger, filters.trigger as (typeof triggers)[number][]));
	}
	if (filters.outcome.length) {
		where.push(inArray(report.outcome, filters.outcome as (typeof outcomes)[number][]));
	}
	if (filters.rating.length) where.push(inArray(report.rating, filters.rating));
	if (filters.language.length) where.push(inArray(report.language, filters.language));
	if (filters.source.length) {
		where.push(inArray(report.source, filters.source as (typeof reportSources)[number][]));
	}
	if (filters.country.length) where.push(inArray(report.country, filters.country));
	if (filters.region.length) where.push(inArray(report.region, filters.region));
	if (filters.resolved_by.length) {
		where.push(
			inArray(report.resolvedBy, filters.resolved_by as (typeof resolutionRoutes)[number][])
		);
	}
	if (filters.channel.length) {
		where.push(
			sql`exists (select 1 from ${reportChannel} where ${reportChannel.reportId} = ${report.id} and ${inArray(reportChannel.channel, filters.channel as (typeof channels)[number][])})`
		);
	}
	if (filters.escalation.length) {
		where.push(
			sql`exists (select 1 from ${reportEscalation} where ${reportEscalation.reportId} = ${report.id} and ${inArray(reportEscalation.escalation, filters.escalation as (typeof escalations)[number][])})`
		);
	}
	if (filters.from) where.push(gte(report.startedOn, filters.from));
	if (filters.to) where.push(lte(report.startedOn, filters.to));
	const fts = toFtsQuery(filters.q);
	if (fts) {
		where.push(sql`${report.id} in (select rowid from report_fts where report_fts match ${fts})`);
	} else if (filters.q) {
		// Words with no letters or digits match nothing rather than everything.
		where.push(sql`0`);
	}
	return where;
}

/** The roll-up scope that holds exactly the reports these filters select, if there is one. */
function scopeFor(db: Db, filters: ExploreFilters): string | null {
	const { company: companies, category, trigger, ...rest } = filters;
	const others = Object.values(rest).some((v) => (Array.isArray(v) ? v.length : v));
	if (others) return null;
	if (!companies.length && !category.length && !trigger.length) return ALL_SCOPE;
	if (companies.length === 1 && !category.length && !trigger.length) {
		const row = db
			.select({ id: company.id })
			.from(company)
			.where(eq(company.slug, companies[0]!))
			.get();
		return row ? companyScope(row.id) : null;
	}
	if (!companies.length && category.length === 1 && trigger.length === 1) {
		const slug = patternSlug(category[0]!, trigger[0]!);
		return slug ? patternScope(slug) : null;
	}
	return null;
}

export type ExploreSummary = {
	total: number;
	months: MonthCount[];
	categories: Distribution;
	companies: { slug: string; name: string; n: number }[];
};

/** Count, reports per month, and breakdowns by category and by company of the matching reports. */
export function summariseExplore(db: Db, filters: ExploreFilters): ExploreSummary {
	const scope = scopeFor(db, filters);
	if (scope) {
		// Whole scopes come from roll-ups: no report row is read.
		const h = readRollup(db, scope);
		const get = (d: string) => h.get(d) ?? [];
		const companyRows = scope.startsWith('company:')
			? []
			: scope === ALL_SCOPE
				? db
						.select({ slug: company.slug, name: company.name, n: company.reportCount })
						.from(company)
						.orderBy(desc(company.reportCount))
						.limit(10)
						.all()
						.filter((c) => c.n > 0)
				: topCompaniesFromRollup(db, scope);
		return {
			total: get('reports').reduce((s, r) => s + r.n, 0),
			months: get('month')
				.map(({ key, n }) => ({ month: key, n }))
				.sort((a, b) => a.month.localeCompare(b.month)),
			categories: [...get('category')].sort((a, b) => b.n - a.n),
			companies: scope.startsWith('company:')
				? singleCompany(db, filters.company[0]!, h)
				: companyRows
		};
	}
	const index = facetsFor(db);
	if (index) {
		const filter = facetFilter(db, index, filters);
		if (!filter) return { total: 0, months: [], categories: [], companies: [] };
		const found = index.summarise(filter);
		const names = companyNames(
			db,
			found.topCompanies.map((c) => c.companyId)
		);
		return {
			total: found.total,
			months: found.months.map(({ month, n }) => ({ month: monthKey(month), n })),
			categories: found.categories.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
			companies: found.topCompanies
				.map(({ companyId, n }) => ({
					slug: names.get(companyId)?.slug ?? '',
					name: names.get(companyId)?.name ?? '',
					n
				}))
				.sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
		};
	}
	// While the facet index loads: one scan of the matching reports, grouped finely, and the
	// breakdowns summed here (four grouped queries would cost four scans).
	// Months of the incident, as every date filter reads them.
	const monthExpr = sql<string>`substr(${report.startedOn}, 1, 7)`;
	const groups = db
		.select({
			month: monthExpr,
			category: report.category,
			companyId: report.companyId,
			n: count()
		})
		.from(report)
		.where(and(...exploreConditions(filters)))
		.groupBy(monthExpr, report.category, report.companyId)
		.all();
	let total = 0;
	const months = new Map<string, number>();
	const byCategory = new Map<string, number>();
	const byCompany = new Map<number, number>();
	for (const g of groups) {
		total += g.n;
		months.set(g.month, (months.get(g.month) ?? 0) + g.n);
		byCategory.set(g.category, (byCategory.get(g.category) ?? 0) + g.n);
		byCompany.set(g.companyId, (byCompany.get(g.companyId) ?? 0) + g.n);
	}
	const top = [...byCompany].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10);
	const nameOf = companyNames(
		db,
		top.map(([id]) => id)
	);
	return {
		total,
		months: [...months]
			.map(([month, n]) => ({ month, n }))
			.sort((a, b) => a.month.localeCompare(b.month)),
		categories: [...byCategory]
			.map(([key, n]) => ({ key, n }))
			.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
		companies: top
			.map(([id, n]) => ({ slug: nameOf.get(id)?.slug ?? '', name: nameOf.get(id)?.name ?? '', n }))
			.sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
	};
}

function companyNames(db: Db, ids: number[]) {
	const rows = ids.length
		? db
				.select({ id: company.id, slug: company.slug, name: company.name })
				.from(company)
				.where(inArray(company.id, ids))
				.all()
		: [];
	return new Map(rows.map((c) => [c.id, c]));
}

/** The ids of the companies a company or industry filter names. */
const companyIds = new ReadCache<number[]>(64);

/** The facet filter of a filter state; null when nothing can match (e.g. words with no letters). */
export function facetFilter(
	db: Db,
	index: FacetIndex,
	filters: ExploreFilters
): FacetFilter | null {
	let companies: Uint8Array | null = null;
	const allow = (ids: readonly number[]) => {
		// A loop, not Math.max(...ids): an industry may hold more companies than a call takes arguments.
		const mask = new Uint8Array(ids.reduce((max, id) => (id > max ? id : max), 0) + 1);
		for (const id of ids) if (!companies || companies[id] === 1) mask[id] = 1;
		companies = mask;
	};
	// Kept until a write: a page asks twice (its summary, then its list), and so do its visitors.
	if (filters.company.length) {
		allow(
			companyIds.read(db, `company:${JSON.stringify(filters.company)}`, () =>
				db
					.select({ id: company.id })
					.from(company)
					.where(inArray(company.slug, filters.company))
					.all()
					.map((c) => c.id)
			)
		);
	}
	if (filters.industry.length) {
		allow(
			companyIds.read(db, `industry:${JSON.stringify(filters.industry)}`, () =>
				db
					.select({ id: company.id })
					.from(company)
					.where(inArray(company.industry, filters.industry as (typeof industries)[number][]))
					.all()
					.map((c) => c.id)
			)
		);
	}
	let text: Uint32Array | null = null;
	if (filters.q) {
		const terms = ftsTerms(filters.q);
		if (!terms.length) return null;
		text = index.textMatches(terms);
	}
	return {
		key: JSON.stringify(filters),
		companies,
		category: filters.category,
		trigger: filters.trigger,
		outcome: filters.outcome,
		rating: filters.rating,
		language: filters.language,
		source: filters.source,
		channel: filters.channel,
		escalation: filters.escalation,
		country: filters.country,
		region: filters.region,
		resolvedBy: filters.resolved_by,
		fromDay: filters.from ? dayNumber(filters.from) : null,
		toDay: filters.to ? dayNumber(filters.to) : null,
		text
	};
}

function topCompaniesFromRollup(db: Db, scope: string) {
	return db
		.select({ slug: company.slug, name: company.name, n: sql<number>`rollup.n` })
		.from(sql`rollup`)
		.innerJoin(company, sql`${company.id} = cast(rollup.key as integer)`)
		.where(sql`rollup.scope = ${scope} and rollup.dimension = 'company' and rollup.n > 0`)
		.orderBy(sql`rollup.n desc`)
		.limit(10)
		.all();
}

function singleCompany(db: Db, slug: string, h: Map<string, Distribution>) {
	const row = db
		.select({ slug: company.slug, name: company.name })
		.from(company)
		.where(eq(company.slug, slug))
		.get();
	const n = (h.get('reports') ?? []).reduce((s, r) => s + r.n, 0);
	return row && n ? [{ ...row, n }] : [];
}

export type ExploreReport = ReportSummary & {
	/** With a text search: where the words matched, marked between \u0002 and \u0003. */
	snippet: string | null;
};

/**
 * A text search is ranked by relevance by default when at most this many reports match it
 * (words and filters): FTS5's bm25 costs about 2 µs a report ranked (5,000: 10 ms; the 160,000
 * reports of one common word in a million: 0.1–0.2 s), on top of reading the word's matches
 * once. More are listed newest first unless the reader asks for relevance (`order=relevance`).
 */
export const RANKED_MAX = 5_000;

export type ExploreList = {
	reports: ExploreReport[];
	/** The next page: a page number when ranked, a cursor when newest first; null on the last. */
	next: string | null;
	order: 'relevance' | 'newest';
};

/**
 * One page of matching reports. Without text: newest first, keyset-paginated. With text: most
 * relevant first (FTS5 bm25), with highlighted snippets, paginated by page number, when at
 * most RANKED_MAX reports match (ranking 160,000 matches of one word in a million reports
 * takes 0.1–0.2 s); more matches are listed newest first, and the page says so.
 */
export function listExploreReports(
	db: Db,
	filters: ExploreFilters,
	options: {
		before?: ReportCursor | null;
		page?: number;
		limit?: number;
		/** Rank a text search by relevance however many reports match. */
		rank?: boolean;
		/** Up to how many matches a text search is ranked by default (RANKED_MAX). */
		rankedMax?: number;
		/** Newest first even with a text search (feeds follow what is new). */
		newest?: boolean;
	} = {}
): ExploreList {
	const limit = options.limit ?? 20;
	// Newest first: the text condition filters, nothing ranks.
	const fts = options.newest ? null : toFtsQuery(filters.q);
	const page = Math.max(1, Math.min(options.page ?? 1, 50));
	const index = sqlListsInOrder(filters) ? null : facetsFor(db);
	if (index) {
		const filter = facetFilter(db, index, filters);
		if (!filter) return { reports: [], next: null, order: filters.q ? 'relevance' : 'newest' };
		const matching = fts ? index.count(filter) : 0;
		if (fts && (options.rank || matching <= (options.rankedMax ?? RANKED_MAX))) {
			if (!matching) return { reports: [], next: null, order: 'relevance' };
			{
				// `+rowid`: SQLite must not hand the list to FTS5, which would run the whole match
				// again for each id (seconds); the matches are read once and checked against it.
				const candidates = JSON.stringify(index.select(filter));
				const ranked = db
					.all<{ id: number }>(
						sql`select rowid as id from report_fts
							where report_fts match ${fts} and +rowid in (select value from json_each(${candidates}))
							order by bm25(report_fts, 10.0, 4.0, 1.0), rowid desc
							limit ${limit + 1} offset ${(page - 1) * limit}`
					)
					.map((r) => r.id);
				return {
					reports: summariesByIds(db, ranked.slice(0, limit), filters.q),
					next: ranked.length > limit && page < 50 ? String(page + 1) : null,
					order: 'relevance'
				};
			}
		}
		const ids = index.newest(filter, limit + 1, options.before ?? null);
		const reports = summariesByIds(db, ids.slice(0, limit), filters.q);
		const last = reports[reports.length - 1];
		return {
			reports,
			next: ids.length > limit && last ? encodeCursor(last) : null,
			order: 'newest'
		};
	}
	// While the facet index loads, SQLite answers alone.
	if (fts) {
		const rows = db
			.select({ ...reportSummaryColumns, narrative: report.narrative })
			.from(sql`report_fts`)
			.innerJoin(report, sql`${report.id} = report_fts.rowid`)
			.innerJoin(company, eq(report.companyId, company.id))
			.where(and(sql`report_fts match ${fts}`, ...exploreConditions({ ...filters, q: '' })))
			.orderBy(sql`bm25(report_fts, 10.0, 4.0, 1.0)`, desc(report.id))
			.limit(limit + 1)
			.offset((page - 1) * limit)
			.all()
			.map(({ narrative, ...row }) => ({ ...row, snippet: searchSnippet(narrative, filters.q) }));
		return {
			reports: rows.slice(0, limit),
			next: rows.length > limit && page < 50 ? String(page + 1) : null,
			order: 'relevance'
		};
	}
	const newest = listNewestReports(db, exploreConditions(filters), options);
	return {
		reports: newest.reports.map((r) => ({ ...r, snippet: null })),
		next: newest.next,
		order: 'newest'
	};
}

/**
 * The ids of the newest `limit` matching reports under a cursor, from the facet index; null
 * when SQLite should answer (no filter: an index has them in order; or the index is loading).
 */
export function newestMatchingIds(
	db: Db,
	filters: ExploreFilters,
	limit: number,
	before: ReportCursor | null
): number[] | null {
	if (sqlListsInOrder(filters)) return null;
	const index = facetsFor(db);
	if (!index) return null;
	const filter = facetFilter(db, index, filters);
	return filter ? index.newest(filter, limit, before) : [];
}

/**
 * Whether an index lists these filters' reports newest first, so that SQLite reads only the
 * page (0.3 ms) where the facet index would pass over every report (5–15 ms): no filter, one
 * category or one company (report_category_created_idx, report_company_created_idx).
 */
function sqlListsInOrder(filters: ExploreFilters): boolean {
	const { category, company: companies, ...rest } = filters;
	const others = Object.values(rest).some((v) => (Array.isArray(v) ? v.length : v));
	return !others && category.length + companies.length <= 1;
}

/** Report summaries in the order of their ids, with snippets when there is a text query. */
function summariesByIds(db: Db, ids: number[], q: string): ExploreReport[] {
	return reportSummariesByIds(db, ids, { narrative: !!q }).map(({ narrative, ...summary }) => ({
		...summary,
		snippet: q ? searchSnippet(narrative, q) : null
	}));
}
