/** A consumer's own reports, each with where it stands: outcome, the company's answer, their verdict. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { company, companyResponse, report } from '../db/schema';
import { openQuestionsOf } from '../followups/followups';

/**
 * The reports a user wrote, newest first (keyset by creation time and id), hidden ones included
 * (their author sees them with the reason). `awaitingVerdict`: the company answered in public and
 * the author has not yet accepted or disputed the answer. `followup`: the "Is it fixed?" question
 * waiting for the author's answer, if any.
 */
export function listMyReports(
	db: Db,
	authorId: string,
	options: {
		before?: { createdAt: number; id: number } | null;
		limit?: number;
		now?: number;
	} = {}
) {
	const limit = options.limit ?? 30;
	const rows = db
		.select({
			id: report.id,
			title: report.title,
			language: report.language,
			outcome: report.outcome,
			createdAt: report.createdAt,
			hiddenAt: report.hiddenAt,
			hiddenReason: report.hiddenReason,
			companyName: company.name,
			companySlug: company.slug,
			responseAction: companyResponse.action,
			responseAt: companyResponse.createdAt,
			responseHiddenAt: companyResponse.hiddenAt,
			verdict: companyResponse.verdict
		})
		.from(report)
		.innerJoin(company, eq(company.id, report.companyId))
		.leftJoin(companyResponse, eq(companyResponse.reportId, report.id))
		.where(
			and(
				eq(report.authorId, authorId),
				options.before
					? sql`(${report.createdAt}, ${report.id}) < (${options.before.createdAt}, ${options.before.id})`
					: undefined
			)
		)
		.orderBy(desc(report.createdAt), desc(report.id))
		.limit(limit + 1)
		.all();
	const questions = openQuestionsOf(
		db,
		rows.slice(0, limit).map((row) => row.id),
		options.now ?? Date.now()
	);
	const page = rows.slice(0, limit).map((row) => {
		const answered = row.responseAt !== null && row.responseHiddenAt === null;
		return {
			id: row.id,
			title: row.title,
			language: row.language,
			outcome: row.outcome,
			createdAt: row.createdAt,
			hiddenAt: row.hiddenAt,
			hiddenReason: row.hiddenReason,
			company: { name: row.companyName, slug: row.companySlug },
			response: answered ? { action: row.responseAction, createdAt: row.responseAt! } : null,
			verdict: answered ? row.verdict : null,
			awaitingVerdict: answered && row.verdict === null && row.hiddenAt === null,
			followup: row.hiddenAt === null ? (questions.get(row.id) ?? null) : null
		};
	});
	const last = page[page.length - 1];
	return {
		reports: page,
		next: rows.length > limit && last ? `${last.createdAt}-${last.id}` : null
	};
}
