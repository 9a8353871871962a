/** Reports: filing, editing by their author, and reading them back. */
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { statementCache, type Db } from '../db/client';
import {
	company,
	report,
	reportCategory,
	reportChannel,
	reportEscalation,
	reportTrigger,
	user,
	type Company
} from '../db/schema';
import {
	createCompany,
	findCompanyByName,
	searchCompanies,
	type CompanySummary
} from '../companies/companies';
import { renderMarkdown } from '../markdown';
import { redactPersonalData } from '../privacy/redact';
import type { ReportInput } from '../../validation/report';
import {
	caseCategories,
	caseTriggers,
	categories,
	triggers,
	type Category,
	type Outcome,
	type Trigger
} from '../../taxonomy';
import { deriveCaseFigures } from '../../case-timeline';
import { applyReportToRollups } from './rollups';
import { countReport, readTags, responseOf } from './report-figures';
import { flagAmountsForReview } from '../moderation/amount-review';
import { readEvents, saveEvents } from './timeline';

export type CompanyProblem =
	| { field: 'company'; reason: 'not-found'; suggestions: CompanySummary[] }
	| { field: 'company'; reason: 'answered'; company: string }
	| { field: 'website'; reason: 'invalid-website' }
	| { field: 'website'; reason: 'duplicate-domain'; existing: Company };

export type SaveReportResult =
	| { ok: true; id: number }
	| { ok: false; problem: CompanyProblem }
	| { ok: false; problem: 'not-found' | 'forbidden' };

/**
 * The company a report names: an existing one by normalised name, or a new one when the
 * author gives its website. Runs inside the report's transaction.
 */
function resolveCompany(
	tx: Db,
	input: ReportInput,
	userId: string,
	now: number
): { ok: true; company: Company } | { ok: false; problem: CompanyProblem } {
	const existing = findCompanyByName(tx, input.company);
	if (existing) return { ok: true, company: existing };
	if (!input.website) {
		return {
			ok: false,
			problem: {
				field: 'company',
				reason: 'not-found',
				suggestions: searchCompanies(tx, input.company.split(/\s+/)[0] ?? '', 5)
			}
		};
	}
	const created = createCompany(
		tx,
		{ name: input.company, website: input.website, industry: input.industry },
		userId,
		now
	);
	if (created.ok) return created;
	if (created.reason === 'invalid-website') {
		return { ok: false, problem: { field: 'website', reason: 'invalid-website' } };
	}
	// A duplicate name was found above, so only the domain can clash here.
	return {
		ok: false,
		problem: { field: 'website', reason: 'duplicate-domain', existing: created.existing }
	};
}

/**
 * Every category and circumstance of a report, the primary first (decision 028): the report
 * row keeps the first of each, the link tables all of them.
 */
function caseTagsOf(input: ReportInput) {
	return {
		categories: caseCategories(input.category, input.categories),
		triggers: caseTriggers(input.trigger, input.triggers)
	};
}

function reportColumns(input: ReportInput) {
	// Personal data never reaches public text, whatever path the report came by.
	const narrative = redactPersonalData(input.narrative).text;
	const figures = deriveCaseFigures(input.events);
	return {
		title: redactPersonalData(input.title).text,
		product: redactPersonalData(input.product).text,
		category: input.category,
		trigger: caseTagsOf(input).triggers[0] ?? null,
		startedOn: input.startedOn,
		endedOn: input.endedOn,
		contacts: input.contacts,
		contactsAtLeast: input.contacts !== null && input.contactsAtLeast,
		effortMinutes: input.effortMinutes,
		effortAtLeast: input.effortMinutes !== null && input.effortAtLeast,
		agents: input.agents,
		agentsAtLeast: input.agents !== null && input.agentsAtLeast,
		// A timeline with promises counts them; without one, the typed count stands.
		promisesBroken: figures.promisesBroken ?? input.promisesBroken,
		promisesMade: figures.promisesMade,
		currency: input.currency,
		orderValueMinor: input.orderValueMinor,
		amountDisputedMinor: input.amountDisputedMinor,
		amountRecoveredMinor: input.amountRecoveredMinor,
		country: input.country,
		region: input.region,
		outageMinutes: figures.outageMinutes,
		promiseDeltaMinutes: figures.promiseDeltaMinutes,
		resolvedOn: figures.resolvedOn,
		resolvedBy: input.resolvedBy,
		outcome: input.outcome,
		rating: input.rating,
		narrative,
		narrativeHtml: renderMarkdown(narrative),
		language: input.language
	};
}

function saveTags(tx: Db, reportId: number, input: ReportInput, isNew = false): void {
	if (!isNew) {
		tx.delete(reportCategory).where(eq(reportCategory.reportId, reportId)).run();
		tx.delete(reportTrigger).where(eq(reportTrigger.reportId, reportId)).run();
		tx.delete(reportChannel).where(eq(reportChannel.reportId, reportId)).run();
		tx.delete(reportEscalation).where(eq(reportEscalation.reportId, reportId)).run();
	}
	// Prepared once: building these small inserts through drizzle cost more than running them.
	const cache = statementCache(tx);
	const { categories, triggers } = caseTagsOf(input);
	const addCategory = cache.prepare(
		'insert into report_category (report_id, category) values (?, ?)'
	);
	for (const category of categories) addCategory.run(reportId, category);
	const addTrigger = cache.prepare(
		'insert into report_trigger (report_id, "trigger") values (?, ?)'
	);
	for (const trigger of triggers) addTrigger.run(reportId, trigger);
	const addChannel = cache.prepare('insert into report_channel (report_id, channel) values (?, ?)');
	for (const channel of input.channels) addChannel.run(reportId, channel);
	const addEscalation = cache.prepare(
		'insert into report_escalation (report_id, escalation) values (?, ?)'
	);
	for (const escalation of input.escalations) addEscalation.run(reportId, escalation);
}

/** Files a report for the author; its company's roll-ups change in the same transaction. */
export function createReport(
	db: Db,
	input: ReportInput,
	authorId: string,
	now = Date.now()
): SaveReportResult {
	return db.transaction(
		(tx) => {
			const resolved = resolveCompany(tx, input, authorId, now);
			// Resolving fails before it writes anything, so there is nothing to roll back.
			if (!resolved.ok) return resolved;
			const row = tx
				.insert(report)
				.values({
					...reportColumns(input),
					companyId: resolved.company.id,
					authorId,
					createdAt: now,
					updatedAt: now
				})
				.returning()
				.get();
			saveTags(tx, row.id, input, true);
			saveEvents(tx, row.id, input.events, true);
			flagAmountsForReview(tx, row.id, input, now);
			applyReportToRollups(
				tx,
				{
					...row,
					...caseTagsOf(input),
					channels: input.channels,
					escalations: input.escalations
				},
				1
			);
			return { ok: true, id: row.id };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Replaces a report's content; only its author may (imported records have none, so nobody
 * may), and roll-ups move with the change (none while it is hidden). Once a company has
 * answered, the report stays about that company (decision 019): the answer is that company's.
 */
export function updateReport(
	db: Db,
	id: number,
	input: ReportInput,
	actorId: string,
	now = Date.now()
): SaveReportResult {
	return db.transaction(
		(tx) => {
			const before = tx.select().from(report).where(eq(report.id, id)).get();
			if (!before) return { ok: false, problem: 'not-found' } as const;
			if (before.source !== 'recourse' || before.authorId !== actorId) {
				return { ok: false, problem: 'forbidden' } as const;
			}
			// Checked before resolving, which may create a company.
			if (responseOf(tx, id) && findCompanyByName(tx, input.company)?.id !== before.companyId) {
				const name = tx
					.select({ name: company.name })
					.from(company)
					.where(eq(company.id, before.companyId))
					.get()!.name;
				return { ok: false, problem: { field: 'company', reason: 'answered', company: name } };
			}
			const resolved = resolveCompany(tx, input, actorId, now);
			// Resolving fails before it writes anything, so there is nothing to roll back.
			if (!resolved.ok) return resolved;
			countReport(tx, id, -1);
			tx.update(report)
				.set({ ...reportColumns(input), companyId: resolved.company.id, updatedAt: now })
				.where(eq(report.id, id))
				.run();
			saveTags(tx, id, input);
			saveEvents(tx, id, input.events);
			countReport(tx, id, 1);
			flagAmountsForReview(tx, id, input, now);
			return { ok: true, id } as const;
		},
		{ behavior: 'immediate' }
	);
}

/** Changes only a report's outcome (the author's answer to a company response), roll-ups included. */
export function setReportOutcome(tx: Db, id: number, outcome: Outcome, now = Date.now()): void {
	const before = tx.select().from(report).where(eq(report.id, id)).get();
	if (!before || before.outcome === outcome) return;
	const tags = readTags(tx, id);
	if (before.hiddenAt === null) applyReportToRollups(tx, { ...before, ...tags }, -1);
	const after = tx
		.update(report)
		.set({ outcome, updatedAt: now })
		.where(eq(report.id, id))
		.returning()
		.get();
	if (after.hiddenAt === null) applyReportToRollups(tx, { ...after, ...tags }, 1);
}

/** A report's categories and circumstances, joined by commas, for a select list. */
export const categoryList = sql<
	string | null
>`(select group_concat(category, ',') from ${reportCategory} where ${reportCategory.reportId} = ${report.id})`;
export const triggerList = sql<
	string | null
>`(select group_concat("trigger", ',') from ${reportTrigger} where ${reportTrigger.reportId} = ${report.id})`;
const channelList = sql<
	string | null
>`(select group_concat(channel, ',') from ${reportChannel} where ${reportChannel.reportId} = ${report.id})`;
const escalationList = sql<
	string | null
>`(select group_concat(escalation, ',') from ${reportEscalation} where ${reportEscalation.reportId} = ${report.id})`;

/** A report's categories or circumstances as lists show them: the primary first, then taxonomy order. */
export function primaryFirst<T extends Category | Trigger>(
	primary: string | null,
	names: string[],
	order: readonly T[]
): T[] {
	return order
		.filter((name) => names.includes(name))
		.sort((a, b) => Number(b === primary) - Number(a === primary));
}

/** A report with its company, author's public name, channels and escalations (one query), and its timeline. */
export function getReport(db: Db, id: number) {
	const row = db
		.select({
			report,
			company: {
				id: company.id,
				slug: company.slug,
				name: company.name,
				industry: company.industry
			},
			authorName: user.displayName,
			categories: categoryList,
			triggers: triggerList,
			channels: channelList,
			escalations: escalationList
		})
		.from(report)
		.innerJoin(company, eq(report.companyId, company.id))
		.leftJoin(user, eq(report.authorId, user.id))
		.where(eq(report.id, id))
		.get();
	if (!row) return undefined;
	const list = (value: string | null) => (value ? value.split(',') : []);
	return {
		...row,
		// The primary first, then the others in taxonomy order: the order of the form's boxes.
		categories: primaryFirst(row.report.category, list(row.categories), categories),
		triggers: primaryFirst(row.report.trigger, list(row.triggers), triggers),
		channels: row.channels ? row.channels.split(',') : [],
		escalations: row.escalations ? row.escalations.split(',') : [],
		events: readEvents(db, id)
	};
}
export type ReportDetail = NonNullable<ReturnType<typeof getReport>>;

/** Reports a moderator hid are in no public list, search, export, feed or figure. */
export const visibleReport = isNull(report.hiddenAt);

/** The columns of a report in lists (joined with its company). */
export const reportSummaryColumns = {
	id: report.id,
	title: report.title,
	category: report.category,
	outcome: report.outcome,
	rating: report.rating,
	language: report.language,
	meTooCount: report.meTooCount,
	source: report.source,
	createdAt: report.createdAt,
	companySlug: company.slug,
	companyName: company.name
};

/**
 * The list rows of these reports, in the order of `ids` (ids of missing reports are left out),
 * with the narrative when asked (for search snippets), else ''. One query, however many.
 */
export function reportSummariesByIds(
	db: Db,
	ids: readonly number[],
	options: { narrative?: boolean } = {}
): (ReportSummary & { narrative: string })[] {
	if (!ids.length) return [];
	const rows = db
		.select({
			...reportSummaryColumns,
			narrative: options.narrative ? report.narrative : sql<string>`''`
		})
		.from(report)
		.innerJoin(company, eq(report.companyId, company.id))
		.where(inArray(report.id, [...ids]))
		.all();
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The newest reports across all companies. */
export function listLatestReports(db: Db, limit = 10) {
	return db
		.select(reportSummaryColumns)
		.from(report)
		.innerJoin(company, eq(report.companyId, company.id))
		.where(visibleReport)
		.orderBy(desc(report.createdAt), desc(report.id))
		.limit(limit)
		.all();
}
export type ReportSummary = ReturnType<typeof listLatestReports>[number];

/** Position in a newest-first list: the creation time and id of the last report shown. */
export type ReportCursor = { createdAt: number; id: number };

export function encodeCursor(c: ReportCursor): string {
	return `${c.createdAt}-${c.id}`;
}

export function decodeCursor(value: string | null): ReportCursor | null {
	const match = value?.match(/^(\d{1,15})-(\d{1,15})$/);
	return match ? { createdAt: Number(match[1]), id: Number(match[2]) } : null;
}

/** Rows strictly after a cursor in newest-first order (none when there is no cursor). */
export function olderThan(cursor: ReportCursor | null | undefined): SQL | undefined {
	return cursor
		? sql`(${report.createdAt}, ${report.id}) < (${cursor.createdAt}, ${cursor.id})`
		: undefined;
}

/** One page of report summaries matching the conditions, newest first, keyset-paginated. */
export function listNewestReports(
	db: Db,
	conditions: (SQL | undefined)[],
	options: { before?: ReportCursor | null; limit?: number } = {}
): { reports: ReportSummary[]; next: string | null } {
	const limit = options.limit ?? 20;
	const rows = db
		.select(reportSummaryColumns)
		.from(report)
		.innerJoin(company, eq(report.companyId, company.id))
		.where(and(visibleReport, ...conditions, olderThan(options.before)))
		.orderBy(desc(report.createdAt), desc(report.id))
		.limit(limit + 1)
		.all();
	const page = rows.slice(0, limit);
	const last = page[page.length - 1];
	return { reports: page, next: rows.length > limit && last ? encodeCursor(last) : null };
}

/** One page of a company's reports, newest first, keyset-paginated. */
export function listReportsForCompany(
	db: Db,
	companyId: number,
	options: { before?: ReportCursor | null; limit?: number } = {}
): { reports: ReportSummary[]; next: string | null } {
	return listNewestReports(db, [eq(report.companyId, companyId)], options);
}
