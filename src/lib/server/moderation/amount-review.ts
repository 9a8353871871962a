/**
 * Amounts above their currency's review threshold (taxonomy's amountReviewMinor): the report is
 * published and counted, and an automatic flag puts it in the moderation queue (decision 019).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { flag } from '../db/schema';
import { amountReviewMinor, isOneOf, currencies } from '../../taxonomy';
import type { ReportInput } from '../../validation/report';

type Amounts = Pick<
	ReportInput,
	'currency' | 'orderValueMinor' | 'amountDisputedMinor' | 'amountRecoveredMinor'
>;

/** Whether any amount of a report is above what moderators should see before it weighs on a sum. */
export function needsAmountReview(input: Amounts): boolean {
	if (!isOneOf(currencies, input.currency)) return false;
	const threshold = amountReviewMinor(input.currency);
	return [input.orderValueMinor, input.amountDisputedMinor, input.amountRecoveredMinor].some(
		(minor) => minor !== null && minor > threshold
	);
}

/** Flags the report for moderators when an amount needs review, once while a flag is open. */
export function flagAmountsForReview(tx: Db, reportId: number, input: Amounts, now: number): void {
	if (!needsAmountReview(input)) return;
	const open = tx
		.select({ id: flag.id })
		.from(flag)
		.where(
			and(
				eq(flag.targetType, 'report'),
				eq(flag.targetId, reportId),
				eq(flag.reason, 'implausible-amount'),
				isNull(flag.reporterId),
				isNull(flag.resolvedAt)
			)
		)
		.get();
	if (open) return;
	tx.insert(flag)
		.values({
			targetType: 'report',
			targetId: reportId,
			reporterId: null,
			reason: 'implausible-amount',
			createdAt: now
		})
		.run();
}
