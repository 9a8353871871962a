/** Reports as open data: the exported columns, and batches read with a keyset so memory stays flat. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { company, report, reportChannel, reportEscalation } from '../db/schema';
import { exploreConditions, parseExploreFilters, type ExploreFilters } from './explore';

const parseAll = parseExploreFilters(new URLSearchParams());
import { encodeCursor, olderThan, type ReportCursor } from './reports';
import { formatMoneyInput } from '../../report-values';

/** Every exported column with its meaning, in order: the CSV header and the data dictionary. */
export const exportColumns = [
	['id', 'Report number; the report is at /reports/{id}'],
	['url', 'Permanent address of the report'],
	[
		'source',
		'Where the report comes from: recourse (written here) or cfpb (imported from the CFPB Consumer Complaint Database)'
	],
	[
		'external_id',
		'The record’s id in its source (the CFPB complaint ID); empty for Recourse reports'
	],
	['company_slug', 'Stable identifier of the company; its scorecard is at /companies/{slug}'],
	['company_name', 'Company name as listed'],
	['industry', 'Industry of the company (slug), if known'],
	['title', 'Title written by the consumer'],
	['product', 'Product or service concerned'],
	['category', 'What failed (slug, see the taxonomy)'],
	['trigger', 'Life event that triggered the failure (slug), empty if not given'],
	['started_on', 'Date the failure started (YYYY-MM-DD)'],
	['ended_on', 'Date it ended (YYYY-MM-DD), empty if still going on'],
	['contacts', 'Number of contacts with the company, empty if not given'],
	['hours', 'Hours the consumer spent, empty if not given'],
	['agents', 'Distinct agents spoken to, empty if not given'],
	['promises_broken', 'Promises or deadlines the company broke, empty if not given'],
	['channels', 'Channels tried, separated by |'],
	['escalations', 'Escalations tried, separated by |'],
	['currency', 'ISO 4217 currency of the amounts'],
	['amount_disputed', 'Amount in dispute, in the currency (decimal point)'],
	['amount_recovered', 'Amount recovered, in the currency (decimal point)'],
	['outcome', 'unresolved, partly-resolved or resolved'],
	[
		'rating',
		'The consumer’s rating of the company, 1 (worst) to 5 (best); empty for imported records'
	],
	['language', 'Language of the report (BCP 47)'],
	['me_too', 'Users who said the same happened to them'],
	['created_at', 'When the report was published (ISO 8601, UTC)'],
	['updated_at', 'When it was last edited (ISO 8601, UTC)'],
	['tags', 'Vulnerability tags separated by | (older-american, servicemember), from the source'],
	[
		'source_details',
		'Facts as the source published them, as a JSON object (CFPB: product, sub-product, issue, sub-issue, state, ZIP code, submitted via, company response…); empty for Recourse reports'
	],
	['narrative', 'The consumer’s account: Markdown on Recourse, plain text from the CFPB']
] as const;
export type ExportColumn = (typeof exportColumns)[number][0];
export type ExportRow = Record<ExportColumn, string | number | null>;

function batchQuery(
	db: Db,
	filters: ExploreFilters,
	before: ReportCursor | null,
	limit: number,
	id?: number
) {
	return db
		.select({
			report,
			companySlug: company.slug,
			companyName: company.name,
			industry: company.industry,
			channels: sql<
				string | null
			>`(select group_concat(${reportChannel.channel}, '|') from ${reportChannel} where ${reportChannel.reportId} = ${report.id})`,
			escalations: sql<
				string | null
			>`(select group_concat(${reportEscalation.escalation}, '|') from ${reportEscalation} where ${reportEscalation.reportId} = ${report.id})`
		})
		.from(report)
		.innerJoin(company, eq(company.id, report.companyId))
		.where(
			and(
				...exploreConditions(filters),
				id === undefined ? undefined : eq(report.id, id),
				olderThan(before)
			)
		)
		.orderBy(desc(report.createdAt), desc(report.id))
		.limit(limit)
		.all();
}

type BatchRow = ReturnType<typeof batchQuery>[number];

function toExportRow(row: BatchRow, origin: string): ExportRow {
	const r = row.report;
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
		started_on: r.startedOn,
		ended_on: r.endedOn,
		contacts: r.contacts,
		hours: r.effortMinutes === null ? null : Math.round((r.effortMinutes / 60) * 100) / 100,
		agents: r.agents,
		promises_broken: r.promisesBroken,
		channels: row.channels ?? '',
		escalations: row.escalations ?? '',
		currency: r.currency,
		amount_disputed: formatMoneyInput(r.amountDisputedMinor, r.currency) || null,
		amount_recovered: formatMoneyInput(r.amountRecoveredMinor, r.currency) || null,
		outcome: r.outcome,
		rating: r.rating,
		language: r.language,
		me_too: r.meTooCount,
		created_at: new Date(r.createdAt).toISOString(),
		updated_at: new Date(r.updatedAt).toISOString(),
		tags: r.tags ? (JSON.parse(r.tags) as string[]).join('|') : '',
		source_details: r.sourceDetails,
		narrative: r.narrative
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
	const [row] = batchQuery(db, parseAll, null, 1, id);
	return row ? toExportRow(row, origin) : undefined;
}
