/**
 * The "what works" figures recounted by brute force from the base tables (every report, its
 * escalations, timeline and response), for tests and the browser suite's drift check: what
 * getWhatWorks reads from roll-ups must be exactly this, for every scope.
 */
import type { Connection } from '../db/client';
import { escalations, patternSlugs } from '../../taxonomy';
import {
	countryScope,
	daysBucket,
	getWhatWorks,
	industryCountryScope,
	industryScope,
	type WhatWorks
} from '../reports/what-works';
import type { NumericSummary } from '../reports/scorecard';

type Case = {
	id: number;
	companyId: number;
	industry: string | null;
	/** Every category and circumstance the case names (decision 028). */
	categories: string[];
	triggers: string[];
	country: string | null;
	outcome: string;
	resolvedBy: string | null;
	resolvedOn: string | null;
	startedOn: string;
	/** Escalation → its first timeline date, or null. */
	escalations: Map<string, string | null>;
	/** The visible response's verdict, or undefined without one. */
	response?: { verdict: string | null };
};

type Tally = {
	cases: number;
	resolved: number;
	unescalated: number;
	resolutionDays: number[];
	escalated: Map<string, { n: number; resolved: number; days: number[] }>;
	responses: number;
	failed: number;
};

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 864e5);

function summary(values: number[]): NumericSummary {
	const sorted = values.map(daysBucket).sort((a, b) => a - b);
	const n = sorted.length;
	const sum = sorted.reduce((s, v) => s + v, 0);
	if (!n) return { n, sum, mean: null, median: null };
	const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
	return { n, sum, mean: sum / n, median };
}

function readCases(conn: Connection): Case[] {
	const client = conn.$client;
	const cases = new Map<number, Case>();
	const rows = client
		.prepare(
			`select r.id, r.company_id as companyId, c.industry, r.country, r.outcome, r.resolved_by as resolvedBy, r.resolved_on as resolvedOn,
				r.started_on as startedOn
			from report r join company c on c.id = r.company_id
			where r.hidden_at is null and r.source = 'recourse'`
		)
		.all() as Omit<Case, 'escalations' | 'categories' | 'triggers'>[];
	for (const row of rows) {
		cases.set(row.id, { ...row, categories: [], triggers: [], escalations: new Map() });
	}
	for (const [table, list] of [
		['report_category', 'categories'],
		['report_trigger', 'triggers']
	] as const) {
		for (const [id, name] of client.prepare(`select * from ${table}`).raw().all() as [
			number,
			string
		][]) {
			cases.get(id)?.[list].push(name);
		}
	}
	const listed = client.prepare('select report_id, escalation from report_escalation').raw().all();
	for (const [id, escalation] of listed as [number, string][]) {
		const c = cases.get(id);
		if (c && !c.escalations.has(escalation)) c.escalations.set(escalation, null);
	}
	const events = client
		.prepare(
			`select report_id, escalation_to, occurred_on from report_event
			where kind = 'escalation' and escalation_to is not null`
		)
		.raw()
		.all() as [number, string, string][];
	for (const [id, escalation, on] of events) {
		const c = cases.get(id);
		if (!c) continue;
		const known = c.escalations.get(escalation);
		if (!known || on < known) c.escalations.set(escalation, on);
	}
	const responses = client
		.prepare('select report_id, verdict from company_response where hidden_at is null')
		.raw()
		.all() as [number, string | null][];
	for (const [id, verdict] of responses) {
		const c = cases.get(id);
		if (c) c.response = { verdict };
	}
	return [...cases.values()];
}

function scopesOf(c: Case): string[] {
	const scopes = ['all', `company:${c.companyId}`];
	for (const slug of patternSlugs(c.categories, c.triggers)) scopes.push(`pattern:${slug}`);
	if (c.industry) scopes.push(industryScope(c.industry));
	if (c.country) scopes.push(countryScope(c.country));
	if (c.industry && c.country) scopes.push(industryCountryScope(c.industry, c.country));
	return scopes;
}

function tallyCase(t: Tally, c: Case) {
	t.cases++;
	const resolved = c.outcome === 'resolved';
	if (resolved) {
		t.resolved++;
		if (c.resolvedBy === 'company' || (c.resolvedBy === null && c.escalations.size === 0)) {
			t.unescalated++;
		}
		if (c.resolvedOn && c.resolvedOn >= c.startedOn) {
			t.resolutionDays.push(days(c.startedOn, c.resolvedOn));
		}
	}
	for (const [escalation, on] of c.escalations) {
		let e = t.escalated.get(escalation);
		if (!e) t.escalated.set(escalation, (e = { n: 0, resolved: 0, days: [] }));
		e.n++;
		if (!resolved || (on && c.resolvedOn && on > c.resolvedOn)) continue;
		e.resolved++;
		if (on && c.resolvedOn) e.days.push(days(on, c.resolvedOn));
	}
	if (c.response) {
		t.responses++;
		const v = c.response.verdict;
		if (v === 'disputed' || (v !== null && c.outcome === 'unresolved')) t.failed++;
	}
}

/** Every scope's figures, recounted from the base tables. */
export function recountWhatWorks(conn: Connection): Map<string, WhatWorks> {
	const tallies = new Map<string, Tally>();
	for (const c of readCases(conn)) {
		for (const scope of scopesOf(c)) {
			let t = tallies.get(scope);
			if (!t) {
				tallies.set(
					scope,
					(t = {
						cases: 0,
						resolved: 0,
						unescalated: 0,
						resolutionDays: [],
						escalated: new Map(),
						responses: 0,
						failed: 0
					})
				);
			}
			tallyCase(t, c);
		}
	}
	const figures = new Map<string, WhatWorks>();
	for (const [scope, t] of tallies) {
		figures.set(scope, {
			cases: t.cases,
			resolved: t.resolved,
			resolvedWithoutEscalation: { count: t.unescalated, n: t.cases },
			resolutionDays: summary(t.resolutionDays),
			escalations: escalations
				.filter((e) => t.escalated.has(e))
				.map((escalation) => {
					const e = t.escalated.get(escalation)!;
					return {
						escalation,
						resolvedAfter: { count: e.resolved, n: e.n },
						days: summary(e.days)
					};
				}),
			responsesFailed: { count: t.failed, n: t.responses }
		});
	}
	return figures;
}

/**
 * Each scope whose figures, as pages read them, differ from the recount (empty when all are
 * exact): every scope the recount finds and every scope with stored works rows.
 */
export function whatWorksDrift(conn: Connection): string[] {
	const recount = recountWhatWorks(conn);
	const stored = conn.$client
		.prepare(`select distinct scope from rollup where dimension = 'works_cases'`)
		.pluck()
		.all() as string[];
	const drift: string[] = [];
	for (const scope of new Set([...recount.keys(), ...stored])) {
		const read = JSON.stringify(getWhatWorks(conn, scope));
		const want = JSON.stringify(recount.get(scope) ?? getWhatWorks(conn, 'none:'));
		if (read !== want) drift.push(`what works ${scope}: read ${read}, recount ${want}`);
	}
	return drift;
}
