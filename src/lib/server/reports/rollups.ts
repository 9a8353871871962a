/** Roll-ups (histograms per scope) kept in step with reports, in the same transaction as each write. */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { statementCache, type Db } from '../db/client';
import { company, pattern, rollup, type Report } from '../db/schema';
import { parsePatternSlug, patternSlugs } from '../../taxonomy';
import { applyCaseToWorks, applyResponseToWorks, rebuildWorks } from './what-works';

/** The facts of a report that roll-ups count. */
export type RollupFacts = Pick<
	Report,
	| 'companyId'
	| 'category'
	| 'outcome'
	| 'rating'
	| 'trigger'
	| 'contacts'
	| 'effortMinutes'
	| 'agents'
	| 'promisesBroken'
	| 'currency'
	| 'amountDisputedMinor'
	| 'amountRecoveredMinor'
	| 'language'
	| 'createdAt'
	| 'startedOn'
	| 'meTooCount'
	| 'source'
	| 'id'
	| 'resolvedBy'
	| 'resolvedOn'
	| 'country'
> &
	CaseTags & { channels: readonly string[]; escalations: readonly string[] };

/**
 * Every category and circumstance a report names (decision 028): it counts once under each, and
 * in the pattern of each category after each circumstance.
 */
export type CaseTags = { categories: readonly string[]; triggers: readonly string[] };

/** The scopes a report's figures count in: everything, its company, each of its patterns. */
function scopesOf(facts: Pick<RollupFacts, 'companyId'> & CaseTags): {
	scopes: string[];
	slugs: string[];
} {
	const slugs = patternSlugs(facts.categories, facts.triggers);
	return { scopes: [ALL_SCOPE, companyScope(facts.companyId), ...slugs.map(patternScope)], slugs };
}

export const ALL_SCOPE = 'all';
export const companyScope = (companyId: number) => `company:${companyId}`;
export const patternScope = (slug: string) => `pattern:${slug}`;

/** Histogram dimensions read from one report column each. */
export const columnDimensions = {
	outcome: 'outcome',
	rating: 'rating',
	contacts: 'contacts',
	effort_minutes: 'effortMinutes',
	agents: 'agents',
	promises_broken: 'promisesBroken',
	language: 'language',
	currency: 'currency',
	source: 'source'
} as const satisfies Record<string, keyof RollupFacts>;
export type RollupDimension =
	| keyof typeof columnDimensions
	| 'category'
	| 'trigger'
	| 'reports'
	| 'channel'
	| 'escalation'
	| 'day'
	| 'month'
	| 'company'
	| 'disputed'
	| 'recovered'
	| 'me_too'
	| ResponseDimension;

/** Dimensions counted from company responses; keys carry the report's source. */
export type ResponseDimension =
	'responded' | 'response_days' | 'timely' | 'verdict' | 'resolved_after';

type Row = { dimension: RollupDimension; key: string; n: number };

/** The UTC calendar day of a timestamp, as the `day` dimension's key. */
export function dayKey(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

function rowsFor(facts: RollupFacts): Row[] {
	const rows: Row[] = [
		{ dimension: 'reports', key: '', n: 1 },
		// Days of filing (what is rising lately); months of the incident, as every filter reads dates.
		{ dimension: 'day', key: dayKey(facts.createdAt), n: 1 },
		{ dimension: 'month', key: facts.startedOn.slice(0, 7), n: 1 }
	];
	for (const [dimension, column] of Object.entries(columnDimensions)) {
		const value = facts[column];
		if (value !== null && value !== undefined) {
			rows.push({ dimension: dimension as RollupDimension, key: String(value), n: 1 });
		}
	}
	for (const category of facts.categories)
		rows.push({ dimension: 'category', key: category, n: 1 });
	for (const trigger of facts.triggers) rows.push({ dimension: 'trigger', key: trigger, n: 1 });
	for (const channel of facts.channels) rows.push({ dimension: 'channel', key: channel, n: 1 });
	for (const escalation of facts.escalations) {
		rows.push({ dimension: 'escalation', key: escalation, n: 1 });
	}
	if (facts.currency) {
		rows.push({ dimension: 'disputed', key: facts.currency, n: facts.amountDisputedMinor ?? 0 });
		rows.push({ dimension: 'recovered', key: facts.currency, n: facts.amountRecoveredMinor ?? 0 });
	}
	if (facts.meTooCount) rows.push({ dimension: 'me_too', key: '', n: facts.meTooCount });
	// A zero adds nothing; leaving it out keeps "no row" and "zero" the same thing.
	return rows.filter((row) => row.n !== 0);
}

/** Adds n to one roll-up row, creating it. */
function upserter(tx: Db) {
	// One prepared upsert run per row: a report touches ~60 rows, and a 60-row statement built
	// and prepared per report cost a millisecond of each submission.
	const upsert = statementCache(tx).prepare(
		`insert into rollup (scope, dimension, key, n) values (?, ?, ?, ?)
		on conflict (scope, dimension, key) do update set n = n + excluded.n`
	);
	return (scope: string, dimension: string, key: string, n: number) => {
		upsert.run(scope, dimension, key, n);
	};
}

function addRows(tx: Db, rows: { scope: string; dimension: string; key: string; n: number }[]) {
	const upsert = upserter(tx);
	for (const row of rows) upsert(row.scope, row.dimension, row.key, row.n);
}

function dropEmptyRows(tx: Db, scopes: string[]) {
	tx.delete(rollup)
		.where(and(inArray(rollup.scope, scopes), lte(rollup.n, 0)))
		.run();
}

/** Adds (sign 1) or removes (sign -1) one report's facts from every roll-up it belongs to. */
export function applyReportToRollups(tx: Db, facts: RollupFacts, sign: 1 | -1): void {
	const { scopes, slugs } = scopesOf(facts);
	const rows = rowsFor(facts);
	addRows(
		tx,
		scopes.flatMap((scope) => rows.map((row) => ({ scope, ...row, n: row.n * sign })))
	);
	tx.update(company)
		.set({ reportCount: sql`${company.reportCount} + ${sign}` })
		.where(eq(company.id, facts.companyId))
		.run();
	for (const slug of slugs) applyToPattern(tx, slug, facts, sign);
	const works = applyCaseToWorks(tx, facts, scopes, sign, upserter(tx));
	if (sign < 0) dropEmptyRows(tx, [...new Set([...scopes, ...works])]);
}

function applyToPattern(tx: Db, slug: string, facts: RollupFacts, sign: 1 | -1) {
	const scope = patternScope(slug);
	const { category, trigger } = parsePatternSlug(slug)!;
	const [companyRow] = tx
		.insert(rollup)
		.values({ scope, dimension: 'company', key: String(facts.companyId), n: sign })
		.onConflictDoUpdate({
			target: [rollup.scope, rollup.dimension, rollup.key],
			set: { n: sql`${rollup.n} + excluded.n` }
		})
		.returning({ n: rollup.n })
		.all();
	// The company joins the pattern with its first report and leaves it with its last.
	const companyDelta =
		sign > 0 && companyRow?.n === 1 ? 1 : sign < 0 && companyRow?.n === 0 ? -1 : 0;
	tx.insert(pattern)
		.values({
			slug,
			category,
			trigger,
			reportCount: sign,
			companyCount: companyDelta,
			meTooCount: sign * facts.meTooCount
		})
		.onConflictDoUpdate({
			target: pattern.slug,
			set: {
				reportCount: sql`${pattern.reportCount} + ${sign}`,
				companyCount: sql`${pattern.companyCount} + ${companyDelta}`,
				meTooCount: sql`${pattern.meTooCount} + ${sign * facts.meTooCount}`
			}
		})
		.run();
}

/** Moves the "me too" count of one report by delta in every scope it belongs to. */
export function applyMeTooToRollups(
	tx: Db,
	facts: Pick<RollupFacts, 'companyId'> & CaseTags,
	delta: 1 | -1
): void {
	const { scopes, slugs } = scopesOf(facts);
	addRows(
		tx,
		scopes.map((scope) => ({ scope, dimension: 'me_too', key: '', n: delta }))
	);
	if (slugs.length) {
		tx.update(pattern)
			.set({ meTooCount: sql`${pattern.meTooCount} + ${delta}` })
			.where(inArray(pattern.slug, slugs))
			.run();
	}
	if (delta < 0) dropEmptyRows(tx, scopes);
}

/** The facts of a company response that roll-ups count, with its report's scope facts. */
export type ResponseFacts = CaseTags & {
	companyId: number;
	source: string;
	/** When the report was filed and when the response came: days between them are counted. */
	reportCreatedAt: number;
	createdAt: number;
	timely: boolean;
	verdict: string | null;
	resolvedAfter: boolean;
	/** The report's country and outcome now (what-works.ts). */
	country: string | null;
	outcome: string;
};

const DAY_MS = 86_400_000;

/** Whole days from a report to its response: the unit of "time to first response". */
export function responseDays(reportCreatedAt: number, respondedAt: number): number {
	return Math.max(0, Math.floor((respondedAt - reportCreatedAt) / DAY_MS));
}

function responseRows(facts: ResponseFacts): Row[] {
	const { source } = facts;
	const rows: Row[] = [
		{ dimension: 'responded', key: source, n: 1 },
		{ dimension: 'timely', key: `${source}:${facts.timely ? 'yes' : 'no'}`, n: 1 }
	];
	// Imported records say whether the answer was timely, not when it came.
	if (source === 'recourse') {
		rows.push({
			dimension: 'response_days',
			key: String(responseDays(facts.reportCreatedAt, facts.createdAt)),
			n: 1
		});
	}
	if (facts.verdict) rows.push({ dimension: 'verdict', key: `${source}:${facts.verdict}`, n: 1 });
	if (facts.resolvedAfter) rows.push({ dimension: 'resolved_after', key: source, n: 1 });
	return rows;
}

/** Adds (sign 1) or removes (sign -1) one visible company response from its report's scopes. */
export function applyResponseToRollups(tx: Db, facts: ResponseFacts, sign: 1 | -1): void {
	const { scopes } = scopesOf(facts);
	const rows = responseRows(facts);
	addRows(
		tx,
		scopes.flatMap((scope) => rows.map((row) => ({ scope, ...row, n: row.n * sign })))
	);
	const works = applyResponseToWorks(tx, facts, scopes, sign, upserter(tx));
	if (sign < 0) dropEmptyRows(tx, [...new Set([...scopes, ...works])]);
}

/**
 * Joins a report row `r` to each of its patterns (every category after every circumstance but
 * "none"), mirroring patternSlugs() in taxonomy.ts: `pc.category`, `pt."trigger"`, `${patternSlugSql}`.
 */
const patternJoin = `join report_category pc on pc.report_id = r.id
	join report_trigger pt on pt.report_id = r.id and pt."trigger" <> 'none'`;
const patternSlugSql = `pc.category || '-after-' || pt."trigger"`;
/** Hidden reports leave every roll-up. */
const visible = 'r.hidden_at is null';
const responseJoin = 'join company_response x on x.report_id = r.id and x.hidden_at is null';

/**
 * Recomputes every roll-up from the reports themselves: for bulk loads, and as the reference
 * the incremental updates are tested against.
 */
export function rebuildRollups(db: Db): void {
	const scopes = [
		{ scope: `'${ALL_SCOPE}'`, from: '' },
		{ scope: `'company:' || r.company_id`, from: '' },
		{ scope: `'pattern:' || ${patternSlugSql}`, from: patternJoin }
	];
	const dayExpr = `strftime('%Y-%m-%d', r.created_at / 1000, 'unixepoch')`;
	const dimensions: { name: string; key: string; n: string; from?: string; where?: string }[] = [
		{ name: 'reports', key: `''`, n: 'count(*)' },
		{ name: 'day', key: dayExpr, n: 'count(*)' },
		{ name: 'month', key: `substr(r.started_on, 1, 7)`, n: 'count(*)' },
		{
			name: 'category',
			key: 'x.category',
			n: 'count(*)',
			from: 'join report_category x on x.report_id = r.id'
		},
		{
			name: 'trigger',
			key: 'x."trigger"',
			n: 'count(*)',
			from: 'join report_trigger x on x.report_id = r.id'
		},
		...Object.entries(columnDimensions).map(([name, column]) => {
			const col = `r."${column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`;
			return { name, key: `cast(${col} as text)`, n: 'count(*)', where: `${col} is not null` };
		}),
		{
			name: 'channel',
			key: 'x.channel',
			n: 'count(*)',
			from: 'join report_channel x on x.report_id = r.id'
		},
		{
			name: 'escalation',
			key: 'x.escalation',
			n: 'count(*)',
			from: 'join report_escalation x on x.report_id = r.id'
		},
		{
			name: 'disputed',
			key: 'r.currency',
			n: 'coalesce(sum(r.amount_disputed_minor), 0)',
			where: 'r.currency is not null'
		},
		{
			name: 'recovered',
			key: 'r.currency',
			n: 'coalesce(sum(r.amount_recovered_minor), 0)',
			where: 'r.currency is not null'
		},
		{ name: 'me_too', key: `''`, n: 'sum(r.me_too_count)', where: 'r.me_too_count > 0' },
		// Company responses (hidden ones count for nothing), keyed by the report's source.
		{ name: 'responded', key: 'r.source', n: 'count(*)', from: responseJoin },
		{
			name: 'timely',
			key: `r.source || ':' || case when x.timely then 'yes' else 'no' end`,
			n: 'count(*)',
			from: responseJoin
		},
		{
			name: 'response_days',
			key: `cast(max(0, (x.created_at - r.created_at) / ${DAY_MS}) as text)`,
			n: 'count(*)',
			from: responseJoin,
			where: `r.source = 'recourse'`
		},
		{
			name: 'verdict',
			key: `r.source || ':' || x.verdict`,
			n: 'count(*)',
			from: responseJoin,
			where: 'x.verdict is not null'
		},
		{
			name: 'resolved_after',
			key: 'r.source',
			n: 'count(*)',
			from: responseJoin,
			where: 'x.resolved_after'
		}
	];
	db.transaction((tx) => {
		tx.run(sql`delete from rollup`);
		tx.run(sql`delete from pattern`);
		for (const s of scopes) {
			for (const d of dimensions) {
				tx.run(
					sql.raw(`insert into rollup (scope, dimension, key, n)
						select ${s.scope}, '${d.name}', ${d.key}, ${d.n}
						from report r ${s.from} ${d.from ?? ''}
						where ${visible} and ${d.where ?? '1'}
						group by 1, 3 having ${d.n} <> 0`)
				);
			}
		}
		tx.run(
			sql.raw(`insert into rollup (scope, dimension, key, n)
				select 'pattern:' || ${patternSlugSql}, 'company', cast(r.company_id as text), count(*)
				from report r ${patternJoin} where ${visible} group by 1, 3`)
		);
		tx.run(
			sql.raw(`insert into pattern (slug, category, "trigger", report_count, company_count, me_too_count)
				select ${patternSlugSql}, pc.category, pt."trigger", count(*), count(distinct r.company_id),
					sum(r.me_too_count)
				from report r ${patternJoin} where ${visible} group by 1`)
		);
		rebuildWorks(
			tx,
			`select r.id, 'pattern:' || ${patternSlugSql} as scope from report r ${patternJoin}`
		);
		tx.run(sql`update company set report_count =
			coalesce((select count(*) from report
				where report.company_id = company.id and report.hidden_at is null), 0)`);
	});
}

export type Distribution = { key: string; n: number }[];

/**
 * Every histogram of a scope, in one indexed read: dimension → rows (n > 0). Leaves out the
 * per-day rows (a thousand and more per scope: series read `month`, and pattern growth reads
 * `day` by key range) and a pattern's per-company rows (thousands; getPattern ranks them itself).
 */
export function readRollup(db: Db, scope: string): Map<string, Distribution> {
	// Plain rows, without the query builder's per-row mapping: this runs for every figure view.
	const rows = db.values<[string, string, number]>(
		sql`select dimension, key, n from rollup
			where scope = ${scope} and dimension not in ('company', 'day') and n > 0
				and substr(dimension, 1, 6) <> 'works_'`
	);
	const byDimension = new Map<string, Distribution>();
	for (const [dimension, key, n] of rows) {
		let list = byDimension.get(dimension);
		if (!list) byDimension.set(dimension, (list = []));
		list.push({ key, n });
	}
	return byDimension;
}
