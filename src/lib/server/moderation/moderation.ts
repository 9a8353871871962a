/**
 * Flags and moderation: anyone signed in flags a report or a response with a reason; moderators
 * hide it, restore it, or dismiss the flags, each with a note; removing for good takes two
 * moderators (one proposes, the item is hidden meanwhile; another confirms or turns it down).
 * Hidden content leaves every public view and figure; its author and its flaggers are told, in
 * their language; every decision goes into the audit trail. Authors may delete their own reports.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, companyResponse, flag, removalReview, report, user } from '../db/schema';
import { canModerate, type Actor } from '../auth/roles';
import { notify } from '../notifications/notifications';
import type { Notice } from '../notifications/notices';
import { applyResponseToRollups } from '../reports/rollups';
import { countReport, factsOf } from '../reports/report-figures';
import { readReport } from '../responses/responses';
import { recordAudit } from './audit';
import type { FlagReason } from '../../taxonomy';
import { moderationActions, type ModerationAction } from '../../validation/moderation';

export { moderationActions, type ModerationAction };

export type TargetType = 'report' | 'response';
/** The decisions that take an item out of public view, and so need a reason. */
export const actionsNeedingReason: readonly ModerationAction[] = ['hide', 'remove'];

function countResponse(tx: Db, responseId: number, sign: 1 | -1) {
	const response = tx
		.select()
		.from(companyResponse)
		.where(eq(companyResponse.id, responseId))
		.get();
	if (!response) return;
	const facts = readReport(tx, response.reportId);
	if (facts && facts.hiddenAt === null)
		applyResponseToRollups(tx, factsOf(tx, facts, response), sign);
}

/** Deletes a report for good: its figures first, then the row (channels, me-too, response cascade). */
function deleteReportRow(tx: Db, reportId: number) {
	const row = tx
		.select({ hiddenAt: report.hiddenAt })
		.from(report)
		.where(eq(report.id, reportId))
		.get();
	if (!row) return false;
	countReport(tx, reportId, -1);
	tx.delete(report).where(eq(report.id, reportId)).run();
	return true;
}

export type FlagResult =
	{ ok: true } | { ok: false; reason: 'not-found' | 'already-flagged' | 'already-hidden' };

/**
 * A signed-in user flags a visible report or response; one open flag per user and target. A
 * hidden one is already out of public view (moderators have seen it): `already-hidden`.
 */
export function flagContent(
	db: Db,
	actor: Actor,
	input: { targetType: TargetType; targetId: number; reason: FlagReason; note: string },
	now = Date.now()
): FlagResult {
	return db.transaction(
		(tx): FlagResult => {
			const target = locate(tx, input.targetType, input.targetId);
			if (!target) return { ok: false, reason: 'not-found' };
			if (target.hiddenAt !== null) return { ok: false, reason: 'already-hidden' };
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

export type ModerationInput = {
	targetType: TargetType;
	targetId: number;
	action: ModerationAction;
	/** Required to hide or propose a removal; kept for the record otherwise. */
	reason: FlagReason | null;
	/** Why, in the moderator's words: every decision has one (shown to the author). */
	note: string;
};

export type ModerateResult =
	| { ok: true }
	| {
			ok: false;
			reason:
				| 'forbidden'
				| 'not-found'
				| 'no-change'
				| 'note-required'
				| 'reason-required'
				| 'no-proposal'
				| 'already-proposed'
				| 'same-moderator';
	  };

type Target = NonNullable<ReturnType<typeof locate>>;

/** Takes the target out of public view and out of every figure. */
function hideTarget(tx: Db, input: ModerationInput, reason: FlagReason, now: number) {
	if (input.targetType === 'report') {
		countReport(tx, input.targetId, -1);
		tx.update(report)
			.set({ hiddenAt: now, hiddenReason: reason })
			.where(eq(report.id, input.targetId))
			.run();
	} else {
		countResponse(tx, input.targetId, -1);
		tx.update(companyResponse)
			.set({ hiddenAt: now, hiddenReason: reason })
			.where(eq(companyResponse.id, input.targetId))
			.run();
	}
}

function restoreTarget(tx: Db, input: ModerationInput) {
	if (input.targetType === 'report') {
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
}

function openProposal(tx: Db, targetType: TargetType, targetId: number) {
	return tx
		.select()
		.from(removalReview)
		.where(
			and(
				eq(removalReview.targetType, targetType),
				eq(removalReview.targetId, targetId),
				isNull(removalReview.decidedAt)
			)
		)
		.get();
}

/**
 * A moderator's decision on a report or response, always with a note: hide (out of every
 * public view and figure), restore, propose removing it for good (hidden until a second
 * moderator confirms or turns it down), or dismiss the flags. The author and the flaggers
 * are told; the decision goes into the audit trail.
 */
export function moderate(
	db: Db,
	actor: Actor,
	input: ModerationInput,
	now = Date.now()
): ModerateResult {
	if (!canModerate(actor)) return { ok: false, reason: 'forbidden' };
	const note = input.note.trim();
	if (!note) return { ok: false, reason: 'note-required' };
	if (actionsNeedingReason.includes(input.action) && !input.reason) {
		return { ok: false, reason: 'reason-required' };
	}
	return db.transaction(
		(tx): ModerateResult => {
			const target = locate(tx, input.targetType, input.targetId);
			if (!target) return { ok: false, reason: 'not-found' };
			const hidden = target.hiddenAt !== null;
			const proposal = openProposal(tx, input.targetType, input.targetId);
			const type = input.targetType;
			let authorNotice: Notice['key'] | null = null;
			let flagOutcome: 'hidden' | 'restored' | 'removed' | 'dismissed' | null = null;
			let auditAction: string = `${type}.${input.action}`;
			let reason: FlagReason | null = input.reason;
			switch (input.action) {
				case 'hide':
					if (hidden) return { ok: false, reason: 'no-change' };
					hideTarget(tx, input, input.reason!, now);
					authorNotice = `${type}-hidden`;
					flagOutcome = 'hidden';
					break;
				case 'restore':
					if (!hidden) return { ok: false, reason: 'no-change' };
					restoreTarget(tx, input);
					// Restoring answers a pending removal too: the item is public again.
					if (proposal) closeProposal(tx, proposal.id, actor, 'rejected', note, now);
					authorNotice = `${type}-restored`;
					flagOutcome = 'restored';
					break;
				case 'remove':
					if (proposal) return { ok: false, reason: 'already-proposed' };
					if (!hidden) hideTarget(tx, input, input.reason!, now);
					tx.insert(removalReview)
						.values({
							targetType: type,
							targetId: input.targetId,
							title: target.title,
							reportId: target.reportId,
							reason: input.reason!,
							note,
							proposedBy: actor.id,
							createdAt: now
						})
						.run();
					auditAction = `${type}.remove-proposed`;
					// The author learns it is hidden now; whether it goes for good, once decided.
					if (!hidden) authorNotice = `${type}-hidden`;
					flagOutcome = 'hidden';
					break;
				case 'confirm-removal':
					if (!proposal) return { ok: false, reason: 'no-proposal' };
					if (proposal.proposedBy === actor.id) return { ok: false, reason: 'same-moderator' };
					closeProposal(tx, proposal.id, actor, 'confirmed', note, now);
					if (type === 'report') deleteReportRow(tx, input.targetId);
					else {
						if (!hidden) countResponse(tx, input.targetId, -1);
						tx.delete(companyResponse).where(eq(companyResponse.id, input.targetId)).run();
					}
					auditAction = `${type}.remove`;
					reason = proposal.reason;
					authorNotice = `${type}-removed`;
					flagOutcome = 'removed';
					break;
				case 'reject-removal':
					if (!proposal) return { ok: false, reason: 'no-proposal' };
					if (proposal.proposedBy === actor.id) return { ok: false, reason: 'same-moderator' };
					closeProposal(tx, proposal.id, actor, 'rejected', note, now);
					auditAction = `${type}.remove-rejected`;
					reason = proposal.reason;
					break;
				case 'dismiss':
					flagOutcome = 'dismissed';
					break;
			}
			const removedReport = input.action === 'confirm-removal' && type === 'report';
			if (target.authorId && authorNotice) {
				notify(
					tx,
					{
						userId: target.authorId,
						// A removed report takes its notices with it: this one must not point at it.
						reportId: removedReport ? null : target.reportId,
						notice: authorNoticeOf(authorNotice, target, reason, note)
					},
					now
				);
			}
			if (flagOutcome) resolveFlags(tx, actor, input, target, flagOutcome, note, now);
			recordAudit(
				tx,
				{
					actorId: actor.id,
					action: auditAction,
					targetType: type,
					targetId: input.targetId,
					reason,
					note,
					details: { reportId: target.reportId, title: target.title }
				},
				now
			);
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

function authorNoticeOf(
	key: Notice['key'],
	target: Target,
	reason: FlagReason | null,
	note: string
): Notice {
	const title = target.reportTitle;
	if (key === 'report-restored' || key === 'response-restored') {
		return { key, params: { title, note } };
	}
	if (
		key === 'legacy' ||
		key === 'response-posted' ||
		key === 'flag-upheld' ||
		key === 'flag-declined'
	) {
		throw new Error(`not a moderation notice: ${key}`);
	}
	return { key, params: { title, reason: reason ?? '', note } };
}

function closeProposal(
	tx: Db,
	id: number,
	actor: Actor,
	decision: 'confirmed' | 'rejected',
	note: string,
	now: number
) {
	tx.update(removalReview)
		.set({ decision, decidedBy: actor.id, decidedAt: now, decisionNote: note })
		.where(eq(removalReview.id, id))
		.run();
}

/** Closes the open flags on the target, and tells each flagger what came of theirs. */
function resolveFlags(
	tx: Db,
	actor: Actor,
	input: ModerationInput,
	target: Target,
	resolution: 'hidden' | 'restored' | 'removed' | 'dismissed',
	note: string,
	now: number
) {
	const where = and(
		eq(flag.targetType, input.targetType),
		eq(flag.targetId, input.targetId),
		isNull(flag.resolvedAt)
	);
	const flaggers = tx
		.selectDistinct({ id: flag.reporterId })
		.from(flag)
		.where(where)
		.all()
		.map((f) => f.id)
		.filter((id): id is string => id !== null && id !== target.authorId);
	tx.update(flag).set({ resolvedAt: now, resolvedBy: actor.id, resolution }).where(where).run();
	const upheld = resolution === 'hidden' || resolution === 'removed';
	const removedReport = resolution === 'removed' && input.targetType === 'report';
	for (const userId of flaggers) {
		notify(
			tx,
			{
				userId,
				// A flagger may not open a hidden report: only a public one is linked.
				reportId: upheld || removedReport ? null : target.reportId,
				notice: {
					key: upheld ? 'flag-upheld' : 'flag-declined',
					params: { title: target.reportTitle, note }
				}
			},
			now
		);
	}
}

/** The report or response a moderation acts on, with who wrote it and what to call it. */
function locate(tx: Db, targetType: TargetType, targetId: number) {
	if (targetType === 'report') {
		const row = tx
			.select({ authorId: report.authorId, title: report.title, hiddenAt: report.hiddenAt })
			.from(report)
			.where(eq(report.id, targetId))
			.get();
		return row ? { ...row, reportId: targetId, reportTitle: row.title } : undefined;
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
	return row ? { ...row, title: `Response to “${row.title}”`, reportTitle: row.title } : undefined;
}

/** The moderation state of one report and its response, for the controls on the report page. */
export function moderationStateOf(db: Db, reportId: number) {
	const row = db
		.select({ hiddenAt: report.hiddenAt, hiddenReason: report.hiddenReason })
		.from(report)
		.where(eq(report.id, reportId))
		.get();
	if (!row) return undefined;
	const response = db
		.select({
			id: companyResponse.id,
			hiddenAt: companyResponse.hiddenAt,
			hiddenReason: companyResponse.hiddenReason
		})
		.from(companyResponse)
		.where(eq(companyResponse.reportId, reportId))
		.get();
	const proposalOf = (type: TargetType, id: number) => {
		const p = openProposal(db, type, id);
		if (!p) return null;
		const by = p.proposedBy
			? db.select({ name: user.displayName }).from(user).where(eq(user.id, p.proposedBy)).get()
			: undefined;
		return {
			proposedBy: p.proposedBy,
			proposerName: by?.name ?? null,
			reason: p.reason,
			note: p.note,
			createdAt: p.createdAt
		};
	};
	return {
		report: { ...row, id: reportId, proposal: proposalOf('report', reportId) },
		response: response ? { ...response, proposal: proposalOf('response', response.id) } : null
	};
}

export type HiddenFilters = {
	reason?: FlagReason | null;
	moderatorId?: string | null;
	/** UTC ms, inclusive. */
	from?: number | null;
	/** UTC ms, exclusive. */
	to?: number | null;
};

const hidingActions = (type: TargetType) => [`${type}.hide`, `${type}.remove-proposed`];

/**
 * Reports and responses out of public view now, newest first, with who hid them, when, why and
 * their note, and any removal awaiting a second moderator. Read from the audit trail (small),
 * not by scanning every report for a hidden one.
 */
export function listHidden(db: Db, filters: HiddenFilters = {}, limit = 100) {
	const rows = (['report', 'response'] as const).flatMap((type) => {
		const hidden = type === 'report' ? report : companyResponse;
		const latest = db
			.select({
				targetId: auditLog.targetId,
				lastId: sql<number>`max(${auditLog.id})`.as('last_id')
			})
			.from(auditLog)
			.where(and(eq(auditLog.targetType, type), inArray(auditLog.action, hidingActions(type))))
			.groupBy(auditLog.targetId)
			.as('latest');
		return db
			.select({
				targetId: hidden.id,
				hiddenAt: sql<number>`${hidden.hiddenAt}`,
				reason: hidden.hiddenReason,
				note: auditLog.note,
				moderatorId: auditLog.actorId,
				moderatorName: user.displayName,
				details: auditLog.details
			})
			.from(latest)
			.innerJoin(auditLog, eq(auditLog.id, latest.lastId))
			.innerJoin(hidden, eq(hidden.id, sql`cast(${latest.targetId} as integer)`))
			.leftJoin(user, eq(user.id, auditLog.actorId))
			.where(
				and(
					sql`${hidden.hiddenAt} is not null`,
					filters.reason ? eq(hidden.hiddenReason, filters.reason) : undefined,
					filters.moderatorId ? eq(auditLog.actorId, filters.moderatorId) : undefined,
					filters.from ? gte(hidden.hiddenAt, filters.from) : undefined,
					filters.to ? lt(hidden.hiddenAt, filters.to) : undefined
				)
			)
			.orderBy(desc(hidden.hiddenAt))
			.limit(limit)
			.all()
			.map((row) => {
				const details = parseDetails(row.details);
				return {
					targetType: type,
					targetId: row.targetId,
					reportId: typeof details.reportId === 'number' ? details.reportId : null,
					title: String(details.title ?? ''),
					hiddenAt: row.hiddenAt,
					reason: row.reason,
					note: row.note,
					moderatorId: row.moderatorId,
					moderatorName: row.moderatorName
				};
			});
	});
	rows.sort((a, b) => b.hiddenAt - a.hiddenAt);
	const page = rows.slice(0, limit);
	const proposals = openProposals(db);
	return page.map((row) => ({
		...row,
		proposal: proposals.get(`${row.targetType}:${row.targetId}`) ?? null
	}));
}

function openProposals(db: Db) {
	const rows = db
		.select({
			targetType: removalReview.targetType,
			targetId: removalReview.targetId,
			proposedBy: removalReview.proposedBy,
			proposerName: user.displayName,
			reason: removalReview.reason,
			note: removalReview.note,
			createdAt: removalReview.createdAt
		})
		.from(removalReview)
		.leftJoin(user, eq(user.id, removalReview.proposedBy))
		.where(isNull(removalReview.decidedAt))
		.all();
	return new Map(rows.map((r) => [`${r.targetType}:${r.targetId}`, r]));
}

/** Items removed for good (after two moderators), newest first: the record is all that is left. */
export function listRemoved(db: Db, filters: HiddenFilters = {}, limit = 100) {
	return db
		.select({
			id: removalReview.id,
			targetType: removalReview.targetType,
			title: removalReview.title,
			reason: removalReview.reason,
			note: removalReview.note,
			proposedBy: removalReview.proposedBy,
			proposerName: sql<
				string | null
			>`(select ${user.displayName} from ${user} where ${user.id} = ${removalReview.proposedBy})`,
			decidedBy: removalReview.decidedBy,
			deciderName: sql<
				string | null
			>`(select ${user.displayName} from ${user} where ${user.id} = ${removalReview.decidedBy})`,
			decisionNote: removalReview.decisionNote,
			decidedAt: sql<number>`${removalReview.decidedAt}`
		})
		.from(removalReview)
		.where(
			and(
				eq(removalReview.decision, 'confirmed'),
				filters.reason ? eq(removalReview.reason, filters.reason) : undefined,
				filters.moderatorId
					? or(
							eq(removalReview.proposedBy, filters.moderatorId),
							eq(removalReview.decidedBy, filters.moderatorId)
						)
					: undefined,
				filters.from ? gte(removalReview.decidedAt, filters.from) : undefined,
				filters.to ? lt(removalReview.decidedAt, filters.to) : undefined
			)
		)
		.orderBy(desc(removalReview.decidedAt))
		.limit(limit)
		.all();
}

/** Moderators and administrators, by name: the choices of the "moderator" filter. */
export function listModerators(db: Db) {
	return db
		.select({ id: user.id, name: user.displayName, role: user.role })
		.from(user)
		.where(inArray(user.role, ['moderator', 'admin']))
		.orderBy(asc(user.displayName))
		.all();
}

function parseDetails(json: string | null): Record<string, unknown> {
	if (!json) return {};
	try {
		const value: unknown = JSON.parse(json);
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
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

// `remove` is recorded when a second moderator confirms a removal: the decisions that took effect.
const moderationAuditActions = (['report', 'response'] as const).flatMap((type) =>
	(['hide', 'restore', 'remove', 'dismiss'] as const).map((action) => `${type}.${action}`)
);
