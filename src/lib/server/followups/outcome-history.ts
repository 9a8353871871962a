/** A report's outcome over time, from the `outcome_change` rows a trigger writes on every change. */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { followupQuestion, outcomeChange, report } from '../db/schema';
import type { Outcome } from '../../taxonomy';

const DAY_MS = 86_400_000;

export type OutcomeStep = { outcome: Outcome; at: number };

/**
 * The outcome the report was filed with, then each change with its date, oldest first; and the
 * days from filing to the last change to "resolved", when that is where the report stands.
 */
export function readOutcomeHistory(db: Db, reportId: number) {
	const r = db
		.select({ outcome: report.outcome, createdAt: report.createdAt })
		.from(report)
		.where(eq(report.id, reportId))
		.get();
	if (!r) return null;
	const changes = db
		.select()
		.from(outcomeChange)
		.where(eq(outcomeChange.reportId, reportId))
		.orderBy(asc(outcomeChange.changedAt), asc(outcomeChange.id))
		.all();
	const steps: OutcomeStep[] = [
		{ outcome: changes[0]?.fromOutcome ?? r.outcome, at: r.createdAt },
		...changes.map((c) => ({ outcome: c.toOutcome, at: c.changedAt }))
	];
	const last = steps[steps.length - 1]!;
	const daysToResolution =
		r.outcome === 'resolved' && changes.length > 0
			? Math.max(0, Math.floor((last.at - r.createdAt) / DAY_MS))
			: null;
	return { steps, daysToResolution };
}

/** The latest follow-up answer of each report (for exports and the API), by report id. */
export function latestFollowupAnswers(db: Db, reportIds: number[]) {
	const answers = new Map<number, { answer: string; answeredAt: number }>();
	if (reportIds.length === 0) return answers;
	const rows = db
		.select({
			reportId: followupQuestion.reportId,
			answer: followupQuestion.answer,
			answeredAt: followupQuestion.answeredAt
		})
		.from(followupQuestion)
		.where(
			and(inArray(followupQuestion.reportId, reportIds), isNotNull(followupQuestion.answeredAt))
		)
		.orderBy(asc(followupQuestion.answeredAt))
		.all();
	for (const row of rows) {
		if (row.answer && row.answeredAt !== null) {
			answers.set(row.reportId, { answer: row.answer, answeredAt: row.answeredAt });
		}
	}
	return answers;
}
