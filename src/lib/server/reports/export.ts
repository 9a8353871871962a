/** Reports as open data: the exported columns, and batches read with a keyset so memory stays flat. */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db/client';
import { company, companyResponse, report, reportChannel, reportEscalation } from '../db/schema';
import { exploreConditions, newestMatchingIds, noFilters, type ExploreFilters } from './explore';
import {
	categoryList,
	encodeCursor,
	olderThan,
	primaryFirst,
	triggerList,
	type ReportCursor
} from './reports';
import { categories, triggers } from '../../taxonomy';
import { formatMoneyInput } from '../../report-values';
import { daysToResolution } from '../../case-timeline';

/**
 * Every exported column with its meaning, in order: the CSV header and the data dictionary.
 * Meanings are messages: /about/data shows them in the reader's language, the OpenAPI
 * document in English.
 */
export const exportColumns = [
	['id', m.export_col_id],
	['url', m.export_col_url],
	['source', m.export_col_source],
	['external_id', m.export_col_external_id],
	['company_slug', m.export_col_company_slug],
	['company_name', m.export_col_company_name],
	['industry', m.export_col_industry],
	['title', m.export_col_title],
	['product', m.export_col_product],
	['category', m.export_col_category],
	['trigger', m.export_col_trigger],
	// Every category and circumstance the report names, the primary first (decision 028).
	['categories', m.export_col_categories],
	['triggers', m.export_col_triggers],
	['started_on', m.export_col_started_on],
	['ended_on', m.export_col_ended_on],
	['contacts', m.export_col_contacts],
	['contacts_at_least', m.export_col_contacts_at_least],
	['hours', m.export_col_hours],
	['agents', m.export_col_agents],
	['agents_at_least', m.export_col_agents_at_least],
	['promises_made', m.export_col_promises_made],
	['promises_broken', m.export_col_promises_broken],
	['channels', m.export_col_channels],
	['escalations', m.export_col_escalations],
	['currency', m.export_col_currency],
	['amount_disputed', m.export_col_amount_disputed],
	['amount_recovered', m.export_col_amount_recovered],
	['order_value', m.export_col_order_value],
	// The case's timeline, as derived figures (decision 017).
	['outage_hours', m.export_col_outage_hours],
	['promise_missed_by_hours', m.export_col_promise_missed_by_hours],
	['resolved_on', m.export_col_resolved_on],
	['days_to_resolution', m.export_col_days_to_resolution],
	['resolved_by', m.export_col_resolved_by],
	['outcome', m.export_col_outcome],
	['rating', m.export_col_rating],
	['language', m.export_col_language],
	['country', m.export_col_country],
	['region', m.export_col_region],
	['me_too', m.export_col_me_too],
	['created_at', m.export_col_created_at],
	['updated_at', m.export_col_updated_at],
	['tags', m.export_col_tags],
	['source_details', m.export_col_source_details],
	['narrative', m.export_col_narrative],
	// The company's side: its public response and the consumer's verdict on it.
	['response', m.export_col_response],
	['response_date', m.export_col_response_date],
	['response_timely', m.export_col_response_timely],
	['response_action', m.export_col_response_action],
	['verdict', m.export_col_verdict],
	['verdict_date', m.export_col_verdict_date]
] as const;
export type ExportColumn = (typeof exportColumns)[number][0];
/** A value of a column: JSON keeps booleans and objects; CSV writes them as text. */
export type ExportValue = string | number | boolean | Record<string, unknown> | null;
export type ExportRow = Record<ExportColumn, ExportValue>;

function batchQuery(
	db: Db,
	filters: ExploreFilters,
	before: ReportCursor | null,
	limit: number,
	id?: number
) {
	// Which reports, from the facet index when it can say (any filters, one pass in memory);
	// SQLite's conditions otherwise.
	const ids = id === undefined ? newestMatchingIds(db, filters, limit, before) : null;
	if (ids && !ids.length) return [];
	return (
		db
			.select({
				report,
				companySlug: company.slug,
				companyName: company.name,
				industry: company.industry,
				response: {
					body: companyResponse.body,
					createdAt: companyResponse.createdAt,
					timely: companyResponse.timely,
					action: companyResponse.action,
					verdict: companyResponse.verdict,
					verdictAt: companyResponse.verdictAt
				},
				channels: sql<
					string | null
				>`(select group_concat(${reportChannel.channel}, '|') from ${reportChannel} where ${reportChannel.reportId} = ${report.id})`,
				categories: categoryList,
				triggers: triggerList,
				escalations: sql<
					string | null
				>`(select group_concat(${reportEscalation.escalation}, '|') from ${reportEscalation} where ${reportEscalation.reportId} = ${report.id})`
			})
			.from(report)
			.innerJoin(company, eq(company.id, report.companyId))
			// One response a report at most (unique index); a hidden one is not public.
			.leftJoin(
				companyResponse,
				and(eq(companyResponse.reportId, report.id), isNull(companyResponse.hiddenAt))
			)
			.where(
				ids
					? inArray(report.id, ids)
					: and(
							...exploreConditions(filters),
							id === undefined ? undefined : eq(report.id, id),
							olderThan(before)
						)
			)
			.orderBy(desc(report.createdAt), desc(report.id))
			.limit(limit)
			.all()
	);
}

type BatchRow = ReturnType<typeof batchQuery>[number];

/** Comma-joined link values as exported: the primary first, separated by | (as channels are). */
const tagList = <T extends string>(
	primary: string | null,
	joined: string | null,
	order: readonly T[]
) => primaryFirst(primary, joined ? joined.split(',') : [], order as never).join('|');
const iso = (ms: number) => new Date(ms).toISOString();
/** Minutes as hours with two decimals (90 → 1.5); null stays null. */
const hours = (minutes: number | null) =>
	minutes === null ? null : Math.round((minutes / 60) * 100) / 100;

function toExportRow(row: BatchRow, origin: string): ExportRow {
	const r = row.report;
	// A left join gives an object of nulls when there is no response.
	const response = row.response?.createdAt == null ? null : row.response;
	return {
		id: r.id,
		url: `${origin}/reports/${r.id}`,
		source: r.source,
		external_id: r.externalId,
		company_slug: row.companySlug,
		company_name: row.companyName,
		industry: row.industry,
		title: r.title,
		product: r.product,
		category: r.category,
		trigger: r.trigger,
		categories: tagList(r.category, row.categories, categories),
		triggers: tagList(r.trigger, row.triggers, triggers),
		started_on: r.startedOn,
		ended_on: r.endedOn,
		contacts: r.contacts,
		contacts_at_least: r.contactsAtLeast,
		hours: hours(r.effortMinutes),
		agents: r.agents,
		agents_at_least: r.agentsAtLeast,
		promises_made: r.promisesMade,
		promises_broken: r.promisesBroken,
		channels: row.channels ?? '',
		escalations: row.escalations ?? '',
		currency: r.currency,
		amount_disputed: formatMoneyInput(r.amountDisputedMinor, r.currency) || null,
		amount_recovered: formatMoneyInput(r.amountRecoveredMinor, r.currency) || null,
		order_value: formatMoneyInput(r.orderValueMinor, r.currency) || null,
		outage_hours: hours(r.outageMinutes),
		promise_missed_by_hours: hours(r.promiseDeltaMinutes),
		resolved_on: r.resolvedOn,
		days_to_resolution: daysToResolution(r.startedOn, r.resolvedOn),
		resolved_by: r.resolvedBy,
		outcome: r.outcome,
		rating: r.rating,
		language: r.language,
		country: r.country,
		region: r.region,
		me_too: r.meTooCount,
		created_at: new Date(r.createdAt).toISOString(),
		updated_at: new Date(r.updatedAt).toISOString(),
		tags: r.tags ? (JSON.parse(r.tags) as string[]).join('|') : '',
		source_details: r.sourceDetails
			? (JSON.parse(r.sourceDetails) as Record<string, unknown>)
			: null,
		narrative: r.narrative,
		response: response?.body ?? null,
		response_date: response ? iso(response.createdAt) : null,
		response_timely: response ? response.timely : null,
		response_action: response?.action ?? null,
		verdict: response?.verdict ?? null,
		verdict_date: response?.verdictAt ? iso(response.verdictAt) : null
	};
}

/**
 * The matching reports, newest first, a batch at a time: each batch is one indexed query, so
 * an export of any size holds one batch in memory and never keeps a statement open.
 */
export function* exportBatches(
	db: Db,
	filters: ExploreFilters,
	origin: string,
	options: { batchSize?: number; max?: number } = {}
): Generator<ExportRow[]> {
	const batchSize = options.batchSize ?? 1000;
	let remaining = options.max ?? Number.POSITIVE_INFINITY;
	let before: ReportCursor | null = null;
	while (remaining > 0) {
		const rows = batchQuery(db, filters, before, Math.min(batchSize, remaining));
		if (!rows.length) return;
		yield rows.map((row) => toExportRow(row, origin));
		remaining -= rows.length;
		const last = rows[rows.length - 1]!.report;
		before = { createdAt: last.createdAt, id: last.id };
		if (rows.length < batchSize) return;
	}
}

/** One page of matching reports for the API, newest first, with the cursor of the next page. */
export function listReportsPage(
	db: Db,
	filters: ExploreFilters,
	origin: string,
	options: { before: ReportCursor | null; limit: number }
): { rows: ExportRow[]; next: string | null } {
	const rows = batchQuery(db, filters, options.before, options.limit + 1);
	const page = rows.slice(0, options.limit);
	const last = page[page.length - 1]?.report;
	return {
		rows: page.map((row) => toExportRow(row, origin)),
		next: rows.length > options.limit && last ? encodeCursor(last) : null
	};
}

/** One report as exported, or undefined. */
export function getExportRow(db: Db, id: number, origin: string): ExportRow | undefined {
	const [row] = batchQuery(db, noFilters, null, 1, id);
	return row ? toExportRow(row, origin) : undefined;
}
