/**
 * One report's share of every figure: its own facts and its visible company response's, added
 * or taken away together by every write path (editing, moderation, deletion), never while hidden.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
	companyResponse,
	report,
	reportCategory,
	reportChannel,
	reportEscalation,
	reportTrigger
} from '../db/schema';
import type { CompanyResponse, Report } from '../db/schema';
import {
	applyReportToRollups,
	applyResponseToRollups,
	type CaseTags,
	type ResponseFacts
} from './rollups';

/** A report's categories and circumstances (all of them, the primary first), as roll-ups count them. */
export function readCaseTags(tx: Db, reportId: number): CaseTags {
	return {
		categories: tx
			.select({ v: reportCategory.category })
			.from(reportCategory)
			.where(eq(reportCategory.reportId, reportId))
			.all()
			.map((r) => r.v),
		triggers: tx
			.select({ v: reportTrigger.trigger })
			.from(reportTrigger)
			.where(eq(reportTrigger.reportId, reportId))
			.all()
			.map((r) => r.v)
	};
}

/** A report's categories, circumstances, channels and escalations, as roll-ups count them. */
export function readTags(tx: Db, reportId: number) {
	return {
		...readCaseTags(tx, reportId),
		channels: tx
			.select({ v: reportChannel.channel })
			.from(reportChannel)
			.where(eq(reportChannel.reportId, reportId))
			.all()
			.map((r) => r.v),
		escalations: tx
			.select({ v: reportEscalation.escalation })
			.from(reportEscalation)
			.where(eq(reportEscalation.reportId, reportId))
			.all()
			.map((r) => r.v)
	};
}

/** The company response to a report, hidden or not. */
export function responseOf(tx: Db, reportId: number): CompanyResponse | undefined {
	return tx.select().from(companyResponse).where(eq(companyResponse.reportId, reportId)).get();
}

/** The roll-up facts of a response: counted in its report's scopes (company, patterns). */
export function factsOf(
	tx: Db,
	r: Pick<Report, 'id' | 'companyId' | 'source' | 'createdAt' | 'country' | 'outcome'>,
	response: CompanyResponse
): ResponseFacts {
	return {
		...readCaseTags(tx, r.id),
		companyId: r.companyId,
		source: r.source,
		reportCreatedAt: r.createdAt,
		createdAt: response.createdAt,
		timely: response.timely,
		verdict: response.verdict,
		resolvedAfter: response.resolvedAfter,
		country: r.country,
		outcome: r.outcome
	};
}

/**
 * Adds (1) or takes away (-1) a visible report's facts, and its visible response's, from every
 * figure; a hidden report counts for nothing, so nothing moves while it is hidden.
 */
export function countReport(tx: Db, reportId: number, sign: 1 | -1): void {
	const row = tx.select().from(report).where(eq(report.id, reportId)).get();
	if (!row || row.hiddenAt !== null) return;
	applyReportToRollups(tx, { ...row, ...readTags(tx, reportId) }, sign);
	const response = responseOf(tx, reportId);
	if (response && response.hiddenAt === null) {
		applyResponseToRollups(tx, factsOf(tx, row, response), sign);
	}
}
