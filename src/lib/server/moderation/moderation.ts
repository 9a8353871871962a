/**
 * Flags and moderation: anyone signed in flags a report or a response with a reason; moderators
 * hide, restore or remove it with a reason, or dismiss the flags. Hidden content leaves every
 * public view and figure, its author is told why, and every action goes into the audit trail.
 * Authors may also delete their own reports.
 */
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, companyResponse, flag, report } from '../db/schema';
import { canModerate, type Actor } from '../auth/roles';
import { notify } from '../notifications/notifications';
import { applyReportToRollups, applyResponseToRollups } from '../reports/rollups';
import { readTags } from '../reports/reports';
import { factsOf, readReport, responseOf } from '../responses/responses';
import { recordAudit } from './audit';
import type { FlagReason } from '../../taxonomy';

export type TargetType = 'report' | 'response';
export type ModerationAction = 'hide' | 'restore' | 'remove' | 'dismiss';
export const moderationActions = ['hide', 'restore', 'remove', 'dismiss'] as const;

/** Adds or removes one report's facts (and its visible response's) from every figure. */
function countReport(tx: Db, reportId: number, sign: 1 | -1) {
	const row = tx.select().from(report).where(eq(report.id, reportId)).get();
	if (!row) return;
	applyReportToRollups(tx, { ...row, ...readTags(tx, reportId) }, sign);
	const response = responseOf(tx, reportId);
	// The report row read above carries every fact the response's figures need.
	if (response && response.hiddenAt === null) {
		applyResponseToRollups(tx, factsOf(row, response), sign);
	}
}

function countResponse(tx: Db, responseId: number, sign: 1 | -1) {
	const response = tx
		.select()
		.from(companyResponse)
		.where(eq(companyResponse.id, responseId))
		.get();
	if (!response) return;
	const facts = readReport(tx, response.reportId);
	if (facts && facts.hiddenAt === null) applyResponseToRollups(tx, factsOf(facts, response), sign);
}

/** Deletes a report for good: its figures first, then the row (channels, me-too, response cascade). */
function deleteReportRow(tx: Db, reportId: number) {
	const row = tx
		.select({ hiddenAt: report.hiddenAt })
		.from(report)
		.where(eq(report.id, reportId))
		.get();
	if (!row) return false;
	if (row.hiddenAt === null) countReport(tx, reportId, -1);
	tx.delete(report).where(eq(report.id, reportId)).run();
	return true;
}

export type FlagResult = { ok: true } | { ok: false; reason: 'not-found' | 'already-flagged' };

/** A signed-in user flags a visible report or response; one open flag per user and target. */
export function flagContent(
	db: Db,
	actor: Actor,
	input: { targetType: TargetType; targetId: number; reason: FlagReason; note: string },
	now = Date.now()
): FlagResult {
	return db.transaction(
		(tx): FlagResult => {
			const visible =
				input.targetType === 'report'
					? tx
							.select({ id: report.id })
							.from(report)
							.where(and(eq(report.id, input.targetId), isNull(report.hiddenAt)))
							.get()
					: tx
							.select({ id: companyResponse.id })
							.from(companyResponse)
							.where(and(eq(companyResponse.id, input.targetId), isNull(companyResponse.hiddenAt)))
							.get();
			if (!visible) return { ok: false, reason: 'not-found' };
			const open = tx
				.select({ id: flag.id })
				.from(flag)
				.where(
					and(
						eq(flag.targetType, input.targetType),
						eq(flag.targetId, input.targetId),
						eq(flag.reporterId, actor.id),
						isNull(flag.resolvedAt)
					)
				)
				.get();
			if (open) return { ok: false, reason: 'already-flagged' };
			tx.insert(flag)
				.values({
					targetType: input.targetType,
					targetId: input.targetId,
					reporterId: actor.id,
					reason: input.reason,
					note: input.note || null,
					createdAt: now
				})
				.run();
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

/** Flagged content waiting for a moderator, one row per target, oldest flag first. */
export function listModerationQueue(db: Db, limit = 50) {
	return db
		.select({
			targetType: flag.targetType,
			targetId: flag.targetId,
			firstFlaggedAt: sql<number>`min(${flag.createdAt})`,
			flags: count(),
			reasons: sql<string>`group_concat(distinct ${flag.reason})`,
			notes: sql<string | null>`group_concat(${flag.note}, ' | ')`,
			reportId: sql<
				number | null
			>`coalesce(${report.id}, (select ${companyResponse.reportId} from ${companyResponse} where ${companyResponse.id} = ${flag.targetId}))`,
			title: report.title,
			hiddenAt: sql<
				number | null
			>`coalesce(${report.hiddenAt}, (select ${companyResponse.hiddenAt} from ${companyResponse} where ${companyResponse.id} = ${flag.targetId} and ${flag.targetType} = 'response'))`
		})
		.from(flag)
		.leftJoin(report, and(eq(flag.targetType, 'report'), eq(report.id, flag.targetId)))
		.where(isNull(flag.resolvedAt))
		.groupBy(flag.targetType, flag.targetId)
		.orderBy(asc(sql`min(${flag.createdAt})`))
		.limit(limit)
		.all();
}

export type ModerateResult =
	{ ok: true } | { ok: false; reason: 'forbidden' | 'not-found' | 'no-change' };

/**
 * A moderator's decision on a report or response, with a reason: hide (out of every public view
 * and figure; the author is told why), restore, remove for good, or dismiss the flags.
 */
export function moderate(
	db: Db,
	actor: Actor,
	input: {
		targetType: TargetType;
		targetId: number;
		action: ModerationAction;
		reason: FlagReason;
		note: string;
	},
	now = Date.now()
): ModerateResult {
	if (!canModerate(actor)) return { ok: false, reason: 'forbidden' };
	return db.transaction(
		(tx): ModerateResult => {
			const target = locate(tx, input.targetType, input.targetId);
			if (!target) return { ok: false, reason: 'not-found' };
			const hidden = target.hiddenAt !== null;
			if ((input.action === 'hide' && hidden) || (input.action === 'restore' && !hidden)) {
				return { ok: false, reason: 'no-change' };
			}
			const isReport = input.targetType === 'report';
			if (input.action === 'hide') {
				if (isReport) {
					countReport(tx, input.targetId, -1);
					tx.update(report)
						.set({ hiddenAt: now, hiddenReason: input.reason })
						.where(eq(report.id, input.targetId))
						.run();
				} else {
					countResponse(tx, input.targetId, -1);
					tx.update(companyResponse)
						.set({ hiddenAt: now, hiddenReason: input.reason })
						.where(eq(companyResponse.id, input.targetId))
						.run();
				}
			} else if (input.action === 'restore') {
				if (isReport) {
					tx.update(report)
						.set({ hiddenAt: null, hiddenReason: null })
						.where(eq(report.id, input.targetId))
						.run();
					countReport(tx, input.targetId, 1);
				} else {
					tx.update(companyResponse)
						.set({ hiddenAt: null, hiddenReason: null })
						.where(eq(companyResponse.id, input.targetId))
						.run();
					countResponse(tx, input.targetId, 1);
				}
			} else if (input.action === 'remove') {
				if (isReport) deleteReportRow(tx, input.targetId);
				else {
					if (!hidden) countResponse(tx, input.targetId, -1);
					tx.delete(companyResponse).where(eq(companyResponse.id, input.targetId)).run();
				}
			}
			if (target.authorId && input.action !== 'dismiss') {
				notify(
					tx,
					{
						userId: target.authorId,
						kind: input.action === 'restore' ? 'report-restored' : 'report-hidden',
						// A removed report takes its notices with it: this one must not point at it.
						reportId: input.action === 'remove' && isReport ? null : target.reportId,
						message: moderationNotice(input.action, target.title, input.reason, input.note)
					},
					now
				);
			}
			tx.update(flag)
				.set({
					resolvedAt: now,
					resolvedBy: actor.id,
					resolution:
						input.action === 'hide'
							? 'hidden'
							: input.action === 'restore'
								? 'restored'
								: input.action === 'remove'
									? 'removed'
									: 'dismissed'
				})
				.where(
					and(
						eq(flag.targetType, input.targetType),
						eq(flag.targetId, input.targetId),
						isNull(flag.resolvedAt)
					)
				)
				.run();
			recordAudit(
				tx,
				{
					actorId: actor.id,
					action: `${input.targetType}.${input.action}`,
					targetType: input.targetType,
					targetId: input.targetId,
					reason: input.reason,
					details: { note: input.note || undefined, reportId: target.reportId, title: target.title }
				},
				now
			);
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

function moderationNotice(
	action: ModerationAction,
	title: string,
	reason: FlagReason,
	note: string
) {
	const why = note ? `${reason} (${note})` : reason;
	if (action === 'restore') return `Moderators restored “${title}”: it is public again.`;
	if (action === 'remove') return `Moderators removed “${title}”. Reason: ${why}.`;
	return `Moderators hid “${title}” from public view. Reason: ${why}.`;
}

/** The report or response a moderation acts on, with who wrote it and what to call it. */
function locate(tx: Db, targetType: TargetType, targetId: number) {
	if (targetType === 'report') {
		const row = tx
			.select({ authorId: report.authorId, title: report.title, hiddenAt: report.hiddenAt })
			.from(report)
			.where(eq(report.id, targetId))
			.get();
		return row ? { ...row, reportId: targetId } : undefined;
	}
	const row = tx
		.select({
			authorId: companyResponse.authorId,
			hiddenAt: companyResponse.hiddenAt,
			reportId: companyResponse.reportId,
			title: report.title
		})
		.from(companyResponse)
		.innerJoin(report, eq(report.id, companyResponse.reportId))
		.where(eq(companyResponse.id, targetId))
		.get();
	return row ? { ...row, title: `Response to “${row.title}”` } : undefined;
}

/** The author deletes their own report: it leaves every page, search, export, feed and figure. */
export function deleteOwnReport(
	db: Db,
	actor: Actor,
	reportId: number,
	now = Date.now()
): { ok: true } | { ok: false; reason: 'not-found' | 'forbidden' } {
	return db.transaction(
		(tx) => {
			const row = tx
				.select({ authorId: report.authorId })
				.from(report)
				.where(eq(report.id, reportId))
				.get();
			if (!row) return { ok: false, reason: 'not-found' } as const;
			if (!row.authorId || row.authorId !== actor.id)
				return { ok: false, reason: 'forbidden' } as const;
			deleteReportRow(tx, reportId);
			recordAudit(
				tx,
				{
					actorId: actor.id,
					action: 'report.deleted-by-author',
					targetType: 'report',
					targetId: reportId
				},
				now
			);
			return { ok: true } as const;
		},
		{ behavior: 'immediate' }
	);
}

/** Public transparency figures: flags by reason, and moderators' decisions by action and reason. */
export function getModerationStats(db: Db) {
	const flags = db
		.select({ reason: flag.reason, n: count() })
		.from(flag)
		.groupBy(flag.reason)
		.all();
	const actions = db
		.select({ action: auditLog.action, reason: auditLog.reason, n: count() })
		.from(auditLog)
		.where(inArray(auditLog.action, moderationAuditActions))
		.groupBy(auditLog.action, auditLog.reason)
		.all();
	return { flags, actions };
}

const moderationAuditActions = (['report', 'response'] as const).flatMap((type) =>
	moderationActions.map((action) => `${type}.${action}`)
);
