/**
 * Imports the CFPB Consumer Complaint Database: streams the official CSV (or its .zip), turns
 * each complaint into a report with source "cfpb", and upserts it by complaint ID in batched
 * transactions, so that a re-run updates instead of duplicating.
 */
import { isRegionOf } from '../places/places';
import { pipeline, type Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { slugifyCompanyName } from '../companies/names';
import { deferInsertTriggers, finishBulkLoad, tunePragmas } from '../db/bulk';
import type { Connection } from '../db/client';
import { renderPlainText } from '../markdown';
import {
	applyReportToRollups,
	applyResponseToRollups,
	type CaseTags,
	type RollupFacts
} from '../reports/rollups';
import type { Category, Outcome, ResponseAction, Trigger, Verdict } from '../../taxonomy';
import { readCfpbHeader, readCfpbRow, type CfpbComplaint, type CfpbHeader } from './cfpb-record';
import { prepareImportedNarrative, redactNarrative, type Redactor } from './narrative';
import { openSourceFile } from './source-file';

/** A CFPB state as its ISO 3166-2 region ("TX" → "US-TX"); military addresses (AA, AE, AP) have none. */
function usRegion(state: string | null): string | null {
	return state && isRegionOf(`US-${state}`, 'US') ? `US-${state}` : null;
}

/**
 * How roll-ups follow the import: `incremental` applies each report in its batch's transaction
 * (cost grows with the rows imported); `rebuild` recomputes every roll-up once at the end
 * (cost grows with the whole database). `auto` picks by the estimated number of rows.
 */
export type RollupMode = 'incremental' | 'rebuild' | 'auto';

export type ImportProgress = {
	rowsRead: number;
	imported: number;
	updated: number;
	unchanged: number;
	skipped: number;
	bytes: number;
	totalBytes: number | null;
};

export type ImportStage = 'rows' | 'roll-ups' | 'statistics';

export type CfpbImportOptions = {
	rollups?: RollupMode;
	/** Rows per transaction. */
	batchSize?: number;
	/** Size of the CSV in bytes, when known: for progress and for choosing the roll-up mode. */
	totalBytes?: number | null;
	/** Personal-data redaction of narratives (see narrative.ts); the site's own by default. */
	redact?: Redactor;
	/** Called after each batch. */
	onProgress?: (progress: ImportProgress) => void;
	onStage?: (stage: ImportStage) => void;
	now?: number;
};

export type SkipReason = { reason: string; count: number; lines: number[] };

export type CfpbImportSummary = {
	/** Data rows read (the header not counted), skipped ones included. */
	rowsRead: number;
	imported: number;
	updated: number;
	/** Rows already imported with the same facts: nothing written. */
	unchanged: number;
	skipped: number;
	skippedReasons: SkipReason[];
	/** "Company response to consumer" values the mapping does not know: imported without a response. */
	unknownResponses: { value: string; count: number }[];
	companiesCreated: number;
	rollups: 'incremental' | 'rebuild';
};

/** Bytes per row of a typical export (a fifth of rows with a narrative), for estimates only. */
const BYTES_PER_ROW = 500;
/** Up to this many rows (estimated), roll-ups are applied as rows are written, whatever the cost. */
const INCREMENTAL_ALWAYS_ROWS = 5_000;
/** Measured (bench/RESULTS.md): applying one report's roll-ups, and rebuilding per report held. */
const INCREMENTAL_MS_PER_ROW = 0.65;
const REBUILD_MS_PER_REPORT = 0.055;
/** Line numbers kept per skip reason, to show where to look. */
const LINES_KEPT = 10;
/** A field or row beyond this is broken input (CFPB narratives stay far below), not data. */
const MAX_RECORD_BYTES = 4 << 20;

/**
 * Incremental when the file is small, or when applying its rows one by one costs less than one
 * rebuild of every roll-up (which grows with the whole database), else a rebuild at the end.
 */
export function chooseRollupMode(
	estimatedRows: number,
	existingReports: number
): 'incremental' | 'rebuild' {
	if (estimatedRows <= INCREMENTAL_ALWAYS_ROWS) return 'incremental';
	const incremental = estimatedRows * INCREMENTAL_MS_PER_ROW;
	const rebuild = (existingReports + estimatedRows) * REBUILD_MS_PER_REPORT;
	return incremental < rebuild ? 'incremental' : 'rebuild';
}

/** Imports a CFPB export file (.csv or .zip holding one). */
export async function importCfpbFile(
	conn: Connection,
	path: string,
	options: CfpbImportOptions = {}
): Promise<CfpbImportSummary> {
	const source = await openSourceFile(path);
	return importCfpbStream(conn, source.stream, { totalBytes: source.totalBytes, ...options });
}

/** Imports a CFPB export from a stream of CSV bytes. */
export async function importCfpbStream(
	conn: Connection,
	input: Readable,
	options: CfpbImportOptions = {}
): Promise<CfpbImportSummary> {
	const sqlite = conn.$client;
	const batchSize = options.batchSize ?? 2_000;
	const totalBytes = options.totalBytes ?? null;
	const existingReports = sqlite.prepare('select count(*) from report').pluck().get() as number;
	const mode =
		options.rollups && options.rollups !== 'auto'
			? options.rollups
			: chooseRollupMode(Math.ceil((totalBytes ?? 0) / BYTES_PER_ROW), existingReports);
	const writer = new ComplaintWriter(conn, {
		incremental: mode === 'incremental',
		redact: options.redact ?? redactNarrative,
		now: options.now ?? Date.now()
	});

	const skips = new Map<string, SkipReason>();
	const unknownResponses = new Map<string, number>();
	let rowsRead = 0;
	const skip = (reason: string, line: number) => {
		const entry = skips.get(reason) ?? { reason, count: 0, lines: [] };
		entry.count += 1;
		if (entry.lines.length < LINES_KEPT) entry.lines.push(line);
		skips.set(reason, entry);
	};

	const parser = parse({
		bom: true,
		info: true,
		// Rows with too few or too many fields are reported and skipped here, not by the parser.
		relax_column_count: true,
		// A stray quote inside an unquoted field is kept as a character, not a fatal error.
		relax_quotes: true,
		skip_empty_lines: true,
		skip_records_with_error: true,
		max_record_size: MAX_RECORD_BYTES
	});
	// Rows the parser cannot read at all: an unterminated quote (a truncated file), an oversize row.
	parser.on('skip', (error: CsvError) => {
		rowsRead += 1;
		const reason =
			error.code === 'CSV_QUOTE_NOT_CLOSED'
				? 'unterminated quoted field (truncated row?)'
				: error.code === 'CSV_MAX_RECORD_SIZE'
					? `row larger than ${MAX_RECORD_BYTES >> 20} MB`
					: `unreadable CSV (${error.code})`;
		skip(reason, (error as CsvError & { lines?: number }).lines ?? 0);
	});
	// pipeline passes read errors (a damaged archive) on to the parser, and so to the loop below.
	pipeline(input, parser, () => {});

	const progress = (): ImportProgress => ({
		rowsRead,
		...writer.counts,
		skipped: [...skips.values()].reduce((s, r) => s + r.count, 0),
		bytes: parser.info.bytes,
		totalBytes
	});

	// A larger page cache while loading: the report indexes outgrow the default 2 MB early, and
	// every insert then reads index pages back from the file. Bounded, and restored afterwards.
	const restorePragmas = tunePragmas(sqlite, { cache_size: -65_536 });
	try {
		await readAndWrite();
	} finally {
		restorePragmas();
	}

	const counts = writer.counts;
	if (mode === 'rebuild' && counts.imported + counts.updated > 0) {
		finishBulkLoad(conn, options.onStage);
	}
	const skippedReasons = [...skips.values()].sort((a, b) => b.count - a.count);
	return {
		rowsRead,
		...counts,
		skipped: skippedReasons.reduce((s, r) => s + r.count, 0),
		skippedReasons,
		unknownResponses: [...unknownResponses].map(([value, count]) => ({ value, count })),
		companiesCreated: writer.companiesCreated,
		rollups: mode
	};

	async function readAndWrite(): Promise<void> {
		options.onStage?.('rows');
		let header: CfpbHeader | null = null;
		let batch: CfpbComplaint[] = [];
		const flush = () => {
			if (batch.length) writer.writeBatch(batch);
			batch = [];
			options.onProgress?.(progress());
		};
		for await (const { record, info } of parser as AsyncIterable<{
			record: string[];
			info: { lines: number };
		}>) {
			if (!header) {
				header = readCfpbHeader(record);
				continue;
			}
			rowsRead += 1;
			const result = readCfpbRow(header, record);
			if (!result.ok) {
				skip(result.reason, info.lines);
				continue;
			}
			const unknown = result.complaint.unknownResponse;
			if (unknown) unknownResponses.set(unknown, (unknownResponses.get(unknown) ?? 0) + 1);
			batch.push(result.complaint);
			if (batch.length >= batchSize) flush();
		}
		if (!header) throw new Error('The file is empty: no CFPB header row');
		flush();
	}
}

type StoredReport = Omit<RollupFacts, 'channels' | 'escalations' | keyof CaseTags> & {
	id: number;
	title: string;
	product: string;
	startedOn: string;
	narrative: string;
	sourceDetails: string | null;
	tags: string | null;
	/** Set when a moderator hid the report: it then counts in no figure, and stays hidden. */
	hiddenAt: number | null;
};

type StoredResponse = {
	source: string;
	companyId: number;
	action: ResponseAction | null;
	timely: number;
	verdict: Verdict | null;
	body: string | null;
	createdAt: number;
	resolvedAfter: number;
	hiddenAt: number | null;
};

/** Report rows as written for a complaint (without id and counts). */
type ReportValues = {
	companyId: number;
	title: string;
	product: string;
	category: Category;
	trigger: Trigger | null;
	startedOn: string;
	outcome: Outcome;
	narrative: string;
	sourceDetails: string;
	tags: string | null;
	createdAt: number;
};

/** Writes complaints with prepared statements, a batch per transaction; companies cached by key. */
class ComplaintWriter {
	counts = { imported: 0, updated: 0, unchanged: 0 };
	companiesCreated = 0;
	private readonly companies = new Map<string, number>();
	private readonly slugs = new Set<string>();
	private readonly statements;

	constructor(
		private readonly conn: Connection,
		private readonly options: { incremental: boolean; redact: Redactor; now: number }
	) {
		const sqlite = conn.$client;
		for (const row of sqlite.prepare('select id, name_key as key, slug from company').all() as {
			id: number;
			key: string;
			slug: string;
		}[]) {
			this.companies.set(row.key, row.id);
			this.slugs.add(row.slug);
		}
		this.statements = {
			findReport: sqlite.prepare(
				`select id, company_id as companyId, category, "trigger", outcome, rating, contacts,
					effort_minutes as effortMinutes, agents, promises_broken as promisesBroken, currency,
					amount_disputed_minor as amountDisputedMinor,
					amount_recovered_minor as amountRecoveredMinor, language, created_at as createdAt,
					me_too_count as meTooCount, source, title, product, started_on as startedOn, narrative,
					source_details as sourceDetails, tags, hidden_at as hiddenAt
				from report where source = 'cfpb' and external_id = ?`
			),
			findResponse: sqlite.prepare(
				`select source, company_id as companyId, action, timely, verdict, body,
					created_at as createdAt, resolved_after as resolvedAfter, hidden_at as hiddenAt
				from company_response where report_id = ?`
			),
			insertReport: sqlite.prepare(
				`insert into report (company_id, author_id, title, product, category, "trigger",
					started_on, outcome, rating, narrative, narrative_html, language, source, external_id,
					source_details, tags, country, region, created_at, updated_at)
				values (@companyId, null, @title, @product, @category, @trigger, @startedOn, @outcome,
					null, @narrative, @narrativeHtml, 'en', 'cfpb', @externalId, @sourceDetails, @tags,
					'US', @region, @createdAt, @createdAt)`
			),
			updateReport: sqlite.prepare(
				`update report set company_id = @companyId, title = @title, product = @product,
					category = @category, "trigger" = @trigger, started_on = @startedOn,
					outcome = @outcome, narrative = @narrative, narrative_html = @narrativeHtml,
					source_details = @sourceDetails, tags = @tags, country = 'US', region = @region,
					created_at = @createdAt, updated_at = @updatedAt
				where id = @id`
			),
			// An imported record names one category and at most one circumstance (decision 028).
			clearCategories: sqlite.prepare('delete from report_category where report_id = ?'),
			clearTriggers: sqlite.prepare('delete from report_trigger where report_id = ?'),
			addCategory: sqlite.prepare(
				'insert into report_category (report_id, category) values (?, ?)'
			),
			addTrigger: sqlite.prepare('insert into report_trigger (report_id, "trigger") values (?, ?)'),
			// A response written on Recourse (by a company representative) is never overwritten.
			upsertResponse: sqlite.prepare(
				`insert into company_response (report_id, company_id, author_id, source, body, body_html,
					action, timely, created_at, verdict)
				values (@reportId, @companyId, null, 'cfpb', @body, @bodyHtml, @action, @timely,
					@createdAt, @verdict)
				on conflict (report_id) do update set company_id = excluded.company_id,
					body = excluded.body, body_html = excluded.body_html, action = excluded.action,
					timely = excluded.timely, created_at = excluded.created_at, verdict = excluded.verdict
				where company_response.source = 'cfpb'`
			),
			deleteResponse: sqlite.prepare(
				`delete from company_response where report_id = ? and source = 'cfpb'`
			),
			maxReportId: sqlite.prepare('select coalesce(max(id), 0) from report').pluck(),
			findCompany: sqlite.prepare('select id from company where name_key = ?').pluck(),
			slugTaken: sqlite.prepare('select 1 from company where slug = ?').pluck(),
			insertCompany: sqlite.prepare(
				`insert into company (slug, name, name_key, created_at) values (?, ?, ?, ?)`
			)
		};
	}

	/**
	 * Writes one batch in one transaction: all of it, or (on an error) none of it. The search
	 * index of the new reports is written once per batch rather than row by row (decision 004),
	 * its trigger dropped and recreated inside the same transaction.
	 */
	writeBatch(complaints: CfpbComplaint[]): void {
		const sqlite = this.conn.$client;
		sqlite
			.transaction(() => {
				const firstNewId = (this.statements.maxReportId.get() as number) + 1;
				const deferred = deferInsertTriggers(sqlite, 'report');
				for (const complaint of complaints) this.write(complaint);
				deferred.replay(firstNewId);
			})
			.immediate();
	}

	/**
	 * The company's id: from the cache, else from the database (another import may have added it
	 * since the cache was filled), else a new company without website.
	 */
	private companyId(complaint: CfpbComplaint): number {
		const key = complaint.companyKey;
		const cached = this.companies.get(key);
		if (cached !== undefined) return cached;
		const { findCompany, slugTaken, insertCompany } = this.statements;
		let id = findCompany.get(key) as number | undefined;
		if (id === undefined) {
			const base = slugifyCompanyName(complaint.companyName);
			let slug = base;
			for (let i = 2; this.slugs.has(slug) || slugTaken.get(slug); i++) slug = `${base}-${i}`;
			id = Number(
				insertCompany.run(slug, complaint.companyName, key, this.options.now).lastInsertRowid
			);
			this.slugs.add(slug);
			this.companiesCreated += 1;
		}
		this.companies.set(key, id);
		return id;
	}

	private write(complaint: CfpbComplaint): void {
		const { narrative, narrativeHtml } = prepareImportedNarrative(
			complaint.rawNarrative,
			this.options.redact
		);
		const values: ReportValues = {
			companyId: this.companyId(complaint),
			title: complaint.title,
			product: complaint.product,
			category: complaint.category,
			trigger: complaint.trigger,
			startedOn: complaint.startedOn,
			outcome: complaint.outcome,
			narrative,
			sourceDetails: JSON.stringify(complaint.details),
			tags: complaint.tags.length ? JSON.stringify(complaint.tags) : null,
			createdAt: complaint.createdAt
		};
		const before = this.statements.findReport.get(complaint.externalId) as StoredReport | undefined;
		// Roll-ups move with the write when applied incrementally, unless a moderator hid the report.
		const counted = this.options.incremental && (!before || before.hiddenAt === null);
		let reportId: number;
		if (!before) {
			reportId = Number(
				this.statements.insertReport.run({
					...values,
					region: usRegion(complaint.details.state),
					narrativeHtml,
					externalId: complaint.externalId
				}).lastInsertRowid
			);
			this.counts.imported += 1;
		} else {
			const response = this.statements.findResponse.get(before.id) as StoredResponse | undefined;
			if (sameReport(before, values) && sameResponse(response, complaint, values.companyId)) {
				this.counts.unchanged += 1;
				return;
			}
			reportId = before.id;
			if (counted) {
				applyReportToRollups(this.conn, facts(before), -1);
				this.countResponse(before, response, -1);
			}
			this.statements.updateReport.run({
				...values,
				region: usRegion(complaint.details.state),
				narrativeHtml,
				updatedAt: this.options.now,
				id: reportId
			});
			this.counts.updated += 1;
		}
		if (!before || before.category !== values.category || before.trigger !== values.trigger) {
			if (before) {
				this.statements.clearCategories.run(reportId);
				this.statements.clearTriggers.run(reportId);
			}
			this.statements.addCategory.run(reportId, values.category);
			if (values.trigger) this.statements.addTrigger.run(reportId, values.trigger);
		}
		if (complaint.response) {
			const r = complaint.response;
			this.statements.upsertResponse.run({
				reportId,
				companyId: values.companyId,
				body: r.body,
				bodyHtml: r.body === null ? null : renderPlainText(r.body),
				action: r.action,
				timely: r.timely ? 1 : 0,
				createdAt: r.createdAt,
				verdict: r.verdict
			});
		} else {
			this.statements.deleteResponse.run(reportId);
		}
		if (counted) {
			const after = facts({
				...values,
				rating: null,
				contacts: null,
				effortMinutes: null,
				agents: null,
				promisesBroken: null,
				currency: null,
				amountDisputedMinor: null,
				amountRecoveredMinor: null,
				language: 'en',
				meTooCount: before?.meTooCount ?? 0,
				source: 'cfpb',
				// Imported records carry no timeline: "what works" leaves them out (decision 025).
				id: reportId,
				country: 'US',
				resolvedOn: null,
				resolvedBy: null
			});
			applyReportToRollups(this.conn, after, 1);
			const response =
				complaint.response || before ? this.statements.findResponse.get(reportId) : undefined;
			this.countResponse(after, response as StoredResponse | undefined, 1);
		}
	}

	/** Adds or removes a visible response's figures, in the scopes of its report's facts. */
	private countResponse(
		report: Pick<RollupFacts, 'companyId' | 'category' | 'trigger' | 'createdAt' | 'outcome'>,
		response: StoredResponse | undefined,
		sign: 1 | -1
	) {
		if (!response || response.hiddenAt !== null) return;
		applyResponseToRollups(
			this.conn,
			{
				...caseTags(report),
				companyId: report.companyId,
				source: 'cfpb',
				reportCreatedAt: report.createdAt,
				createdAt: response.createdAt,
				timely: !!response.timely,
				verdict: response.verdict,
				resolvedAfter: !!response.resolvedAfter,
				country: 'US',
				outcome: report.outcome
			},
			sign
		);
	}
}

/** An imported record's one category and circumstance, as its link rows hold them. */
function caseTags(row: Pick<RollupFacts, 'category' | 'trigger'>): CaseTags {
	return { categories: [row.category], triggers: row.trigger ? [row.trigger] : [] };
}

function facts(row: Omit<RollupFacts, 'channels' | 'escalations' | keyof CaseTags>): RollupFacts {
	// Imported reports have no channels or escalations.
	return { ...row, ...caseTags(row), channels: [], escalations: [] };
}

function sameReport(before: StoredReport, values: ReportValues): boolean {
	return (
		before.companyId === values.companyId &&
		before.title === values.title &&
		before.product === values.product &&
		before.category === values.category &&
		before.trigger === values.trigger &&
		before.startedOn === values.startedOn &&
		before.outcome === values.outcome &&
		before.narrative === values.narrative &&
		before.sourceDetails === values.sourceDetails &&
		before.tags === values.tags &&
		before.createdAt === values.createdAt
	);
}

function sameResponse(
	stored: StoredResponse | undefined,
	complaint: CfpbComplaint,
	companyId: number
): boolean {
	// Recourse's own responses are left alone, so they never make a row "changed".
	if (stored && stored.source !== 'cfpb') return true;
	const r = complaint.response;
	if (!stored || !r) return !stored && !r;
	return (
		stored.companyId === companyId &&
		stored.action === r.action &&
		stored.timely === (r.timely ? 1 : 0) &&
		stored.verdict === r.verdict &&
		stored.body === r.body &&
		stored.createdAt === r.createdAt
	);
}
