/**
 * "What works" figures (decision 025): which route resolves a case, and how fast, per company,
 * pattern, industry and country. Kept as histograms in the roll-up table, moved by the same
 * calls as every other roll-up (report-figures.ts owns when), rebuilt and recounted with them.
 */
import { sql } from 'drizzle-orm';
import { statementCache, type Db } from '../db/client';
import { ReadCache } from '../db/read-cache';
import type { Report } from '../db/schema';
import { escalations, type Escalation } from '../../taxonomy';
import { industryLabel } from '../../labels';
import { m } from '../../paraglide/messages';
import { companyScope } from './rollups';
import { summariseHistogram, type NumericSummary } from './scorecard';

export const industryScope = (industry: string) => `industry:${industry}`;
export const countryScope = (country: string) => `country:${country}`;
/** Both at once: the figures a guide route (a country's body for an industry) links to. */
export const industryCountryScope = (industry: string, country: string) =>
	`industry-country:${industry}:${country}`;

/** The scope of an industry, a country, both, or neither (every report). */
export function placeScope(industry: string | null, country: string | null): string {
	if (industry && country) return industryCountryScope(industry, country);
	if (industry) return industryScope(industry);
	if (country) return countryScope(country);
	return 'all';
}

/** The roll-up dimensions of this module; all start with `works_`. */
export const worksDimensions = {
	/** Recourse's own reports: the denominator of every share of cases. */
	cases: 'works_cases',
	resolved: 'works_resolved',
	unescalated: 'works_unescalated',
	/** Key: the escalation. */
	escalated: 'works_escalated',
	escalatedResolved: 'works_escalated_resolved',
	/** Key: `<escalation>:<days bucket>`. */
	escalationDays: 'works_escalation_days',
	/** Key: days bucket. */
	resolutionDays: 'works_resolution_days',
	/** Visible company responses to Recourse reports, and those disputed or reported not fixed. */
	responses: 'works_responses',
	responsesFailed: 'works_responses_failed'
} as const;

/** Exact to the day up to two years; beyond, rounded down to a multiple of 30 days. */
export const EXACT_DAYS = 730;
export const COARSE_DAYS = 30;
export function daysBucket(days: number): number {
	return days <= EXACT_DAYS ? days : Math.floor(days / COARSE_DAYS) * COARSE_DAYS;
}
const bucketSql = (days: string) =>
	`(case when ${days} <= ${EXACT_DAYS} then ${days} else (${days} / ${COARSE_DAYS}) * ${COARSE_DAYS} end)`;

const DAY_MS = 86_400_000;
/** Whole days from one ISO date to another. */
function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** The facts of a report these figures read, beyond those every roll-up reads. */
export type WorksFacts = Pick<
	Report,
	'id' | 'companyId' | 'source' | 'outcome' | 'resolvedBy' | 'resolvedOn' | 'startedOn' | 'country'
> & { escalations: readonly string[] };

/** Every works scope a report counts in, beside `all`, its company's and its pattern's. */
function placeScopes(tx: Db, companyId: number, country: string | null): string[] {
	const industry = statementCache(tx)
		.prepare('select industry from company where id = ?')
		.pluck()
		.get(companyId) as string | null | undefined;
	const scopes: string[] = [];
	if (industry) scopes.push(industryScope(industry));
	if (country) scopes.push(countryScope(country));
	if (industry && country) scopes.push(industryCountryScope(industry, country));
	return scopes;
}

type Row = { dimension: string; key: string; n: number };

/** A case's escalations, each with its first date on the timeline (null when it has none). */
function escalationDates(tx: Db, facts: WorksFacts): Map<string, string | null> {
	const dates = new Map<string, string | null>(facts.escalations.map((e) => [e, null]));
	const events = statementCache(tx)
		.prepare(
			`select escalation_to, min(occurred_on) from report_event
			where report_id = ? and kind = 'escalation' and escalation_to is not null group by 1`
		)
		.raw()
		.all(facts.id) as [string, string][];
	for (const [escalation, on] of events) dates.set(escalation, on);
	return dates;
}

function caseRows(tx: Db, facts: WorksFacts): Row[] {
	const d = worksDimensions;
	const rows: Row[] = [{ dimension: d.cases, key: '', n: 1 }];
	const resolved = facts.outcome === 'resolved';
	const dates = escalationDates(tx, facts);
	if (resolved) {
		rows.push({ dimension: d.resolved, key: '', n: 1 });
		if (facts.resolvedBy === 'company' || (facts.resolvedBy === null && dates.size === 0)) {
			rows.push({ dimension: d.unescalated, key: '', n: 1 });
		}
		if (facts.resolvedOn && facts.resolvedOn >= facts.startedOn) {
			const days = daysBetween(facts.startedOn, facts.resolvedOn);
			rows.push({ dimension: d.resolutionDays, key: String(daysBucket(days)), n: 1 });
		}
	}
	for (const [escalation, on] of dates) {
		rows.push({ dimension: d.escalated, key: escalation, n: 1 });
		// Resolved after it: resolved, and not escalated only after the resolution date.
		if (!resolved || (on && facts.resolvedOn && on > facts.resolvedOn)) continue;
		rows.push({ dimension: d.escalatedResolved, key: escalation, n: 1 });
		if (on && facts.resolvedOn) {
			const days = daysBucket(daysBetween(on, facts.resolvedOn));
			rows.push({ dimension: d.escalationDays, key: `${escalation}:${days}`, n: 1 });
		}
	}
	return rows;
}

type Upsert = (scope: string, dimension: string, key: string, n: number) => void;

/**
 * Adds (1) or removes (-1) one report's case figures in `scopes` (all, company, pattern) and
 * its industry's and country's. Only Recourse's own reports count: imports carry no route.
 */
export function applyCaseToWorks(
	tx: Db,
	facts: WorksFacts,
	scopes: readonly string[],
	sign: 1 | -1,
	upsert: Upsert
): string[] {
	if (facts.source !== 'recourse') return [];
	return applyRows(tx, facts, scopes, caseRows(tx, facts), sign, upsert);
}

/** Adds rows in `scopes` and the place scopes of a report; returns every scope touched. */
function applyRows(
	tx: Db,
	facts: { companyId: number; country: string | null },
	scopes: readonly string[],
	rows: Row[],
	sign: 1 | -1,
	upsert: Upsert
): string[] {
	const all = [...scopes, ...placeScopes(tx, facts.companyId, facts.country)];
	for (const scope of all) for (const r of rows) upsert(scope, r.dimension, r.key, r.n * sign);
	return all;
}

/** The facts of a company response these figures read. */
export type WorksResponseFacts = {
	companyId: number;
	source: string;
	country: string | null;
	/** The report's outcome now: a response answered with "unresolved" was not a fix. */
	outcome: string;
	verdict: string | null;
};

/** A response the consumer disputed, or answered saying the case is still unresolved. */
export function responseFailed(facts: Pick<WorksResponseFacts, 'outcome' | 'verdict'>): boolean {
	return facts.verdict === 'disputed' || (facts.verdict !== null && facts.outcome === 'unresolved');
}

/** Adds (1) or removes (-1) one visible response to a Recourse report. */
export function applyResponseToWorks(
	tx: Db,
	facts: WorksResponseFacts,
	scopes: readonly string[],
	sign: 1 | -1,
	upsert: Upsert
): string[] {
	if (facts.source !== 'recourse') return [];
	const rows: Row[] = [{ dimension: worksDimensions.responses, key: '', n: 1 }];
	if (responseFailed(facts))
		rows.push({ dimension: worksDimensions.responsesFailed, key: '', n: 1 });
	return applyRows(tx, facts, scopes, rows, sign, upsert);
}

/**
 * Recomputes every works row from the base tables (inside rebuildRollups' transaction, after
 * it emptied the table): the reference the incremental rows are checked against.
 */
export function rebuildWorks(tx: Db, patternScopes: string): void {
	for (const statement of worksRebuildSql(patternScopes)) tx.run(sql.raw(statement));
}

/**
 * The statements of rebuildWorks (migration 0009 ran them, with one pattern per report, on
 * existing databases); `patternScopes` selects (id, scope) for every pattern of each report: each
 * case's facts once into temporary tables, one row per case and scope, then one grouped insert
 * per dimension: a few passes over narrow tables instead of one scan of `report` per scope.
 */
export function worksRebuildSql(patternScopes: string): string[] {
	const d = worksDimensions;
	const days = (from: string, to: string) =>
		bucketSql(`cast(round(julianday(${to}) - julianday(${from})) as integer)`);
	const resolvedAfter = `k.resolved and (e.on_date is null or k.resolved_on is null
		or e.on_date <= k.resolved_on)`;
	const insert = (dimension: string, key: string, from: string, where = '1') =>
		`insert into rollup (scope, dimension, key, n)
		select s.scope, '${dimension}', ${key}, count(*)
		from works_scope s join works_case k on k.id = s.id ${from}
		where ${where}
		group by 1, 3`;
	const escalations = 'join works_escalation e on e.report_id = k.id';
	return [
		'drop table if exists temp.works_case',
		'drop table if exists temp.works_escalation',
		'drop table if exists temp.works_scope',
		// Recourse's own visible reports, with what every dimension reads.
		`create temp table works_case as
		select r.id, r.company_id, c.industry, r.country, r.resolved_on,
			r.outcome = 'resolved' as resolved,
			r.outcome = 'resolved' and (r.resolved_by = 'company' or (r.resolved_by is null
				and not exists (select 1 from report_escalation x where x.report_id = r.id)
				and not exists (select 1 from report_event x where x.report_id = r.id
					and x.kind = 'escalation' and x.escalation_to is not null))) as unescalated,
			case when r.outcome = 'resolved' and r.resolved_on >= r.started_on
				then ${days('r.started_on', 'r.resolved_on')} end as days
		from report r join company c on c.id = r.company_id
		where r.hidden_at is null and r.source = 'recourse'`,
		// Each escalation of a case (listed or on the timeline) with its first timeline date.
		`create temp table works_escalation as
		select report_id, escalation, min(on_date) as on_date from (
			select report_id, escalation, null as on_date from report_escalation
			union all
			select report_id, escalation_to, occurred_on from report_event
			where kind = 'escalation' and escalation_to is not null
		) group by 1, 2`,
		'create index temp.works_case_id on works_case (id)',
		'create index temp.works_escalation_report on works_escalation (report_id)',
		`create temp table works_scope as
		select id, 'all' as scope from works_case
		union all select id, 'company:' || company_id from works_case
		union all select k.id, p.scope from works_case k join (${patternScopes}) p on p.id = k.id
		union all select id, 'industry:' || industry from works_case where industry is not null
		union all select id, 'country:' || country from works_case where country is not null
		union all select id, 'industry-country:' || industry || ':' || country from works_case
			where industry is not null and country is not null`,
		insert(d.cases, `''`, ''),
		insert(d.resolved, `''`, '', 'k.resolved'),
		insert(d.unescalated, `''`, '', 'k.unescalated'),
		insert(d.resolutionDays, 'cast(k.days as text)', '', 'k.days is not null'),
		insert(d.escalated, 'e.escalation', escalations),
		insert(d.escalatedResolved, 'e.escalation', escalations, resolvedAfter),
		insert(
			d.escalationDays,
			`e.escalation || ':' || ${days('e.on_date', 'k.resolved_on')}`,
			escalations,
			`${resolvedAfter} and e.on_date is not null and k.resolved_on is not null`
		),
		insert(
			d.responses,
			`''`,
			'join company_response x on x.report_id = k.id and x.hidden_at is null'
		),
		insert(
			d.responsesFailed,
			`''`,
			`join company_response x on x.report_id = k.id and x.hidden_at is null
			join report r on r.id = k.id`,
			`x.verdict = 'disputed' or (x.verdict is not null and r.outcome = 'unresolved')`
		),
		'drop table temp.works_case',
		'drop table temp.works_escalation',
		'drop table temp.works_scope'
	];
}

/** A share: how many of n. */
export type Share = { count: number; n: number };

export type EscalationWorks = {
	escalation: Escalation;
	/** Cases escalated to it, and of them those resolved after it. */
	resolvedAfter: Share;
	/** Days from the escalation's timeline date to resolution (n: cases with both dates). */
	days: NumericSummary;
};

/** Everything "what works" shows for one scope. */
export type WhatWorks = {
	cases: number;
	resolved: number;
	/** Of all cases: resolved without any escalation (or, as the author says, by the company). */
	resolvedWithoutEscalation: Share;
	/** Days from the start of the problem to resolution (n: resolved cases with a date). */
	resolutionDays: NumericSummary;
	/** Escalations with at least one case, in taxonomy order. */
	escalations: EscalationWorks[];
	/** Company responses disputed or reported not fixed, of all visible responses. */
	responsesFailed: Share;
};

const cache = new ReadCache<WhatWorks>(1000);

/** The works figures of a scope, from its roll-up rows only (frozen: callers share it). */
export function getWhatWorks(db: Db, scope: string): WhatWorks {
	return cache.read(db, scope, () => computeWhatWorks(db, scope));
}

function computeWhatWorks(db: Db, scope: string): WhatWorks {
	const rows = db.values<[string, string, number]>(
		sql`select dimension, key, n from rollup
			where scope = ${scope} and dimension >= 'works_' and dimension < 'works~' and n > 0`
	);
	const d = worksDimensions;
	const single = new Map<string, number>();
	const byKey = new Map<string, Map<string, number>>();
	for (const [dimension, key, n] of rows) {
		if (key === '') single.set(dimension, n);
		let m = byKey.get(dimension);
		if (!m) byKey.set(dimension, (m = new Map()));
		m.set(key, n);
	}
	const keyed = (dimension: string) => byKey.get(dimension) ?? new Map<string, number>();
	const histogram = (m: Map<string, number>) => [...m].map(([key, n]) => ({ key, n }));
	const cases = single.get(d.cases) ?? 0;
	const daysByEscalation = new Map<string, { key: string; n: number }[]>();
	for (const [key, n] of keyed(d.escalationDays)) {
		const at = key.lastIndexOf(':');
		const escalation = key.slice(0, at);
		let list = daysByEscalation.get(escalation);
		if (!list) daysByEscalation.set(escalation, (list = []));
		list.push({ key: key.slice(at + 1), n });
	}
	return {
		cases,
		resolved: single.get(d.resolved) ?? 0,
		resolvedWithoutEscalation: { count: single.get(d.unescalated) ?? 0, n: cases },
		resolutionDays: summariseHistogram(histogram(keyed(d.resolutionDays))),
		escalations: escalations
			.filter((e) => keyed(d.escalated).has(e))
			.map((escalation) => ({
				escalation,
				resolvedAfter: {
					count: keyed(d.escalatedResolved).get(escalation) ?? 0,
					n: keyed(d.escalated).get(escalation)!
				},
				days: summariseHistogram(daysByEscalation.get(escalation) ?? [])
			})),
		responsesFailed: {
			count: single.get(d.responsesFailed) ?? 0,
			n: single.get(d.responses) ?? 0
		}
	};
}

/** A company's column and its industry's beside it, labelled for the page's language. */
export function companyWorks(
	db: Db,
	companyId: number,
	company: { name: string; industry: string | null }
): { label: string; works: WhatWorks }[] {
	const columns = [{ label: company.name, works: getWhatWorks(db, companyScope(companyId)) }];
	if (company.industry) {
		columns.push({
			label: m.works_industry_column({ industry: industryLabel(company.industry) }),
			works: getWhatWorks(db, industryScope(company.industry))
		});
	}
	return columns;
}
