/** The audit trail: every moderation and administration action, append-only, newest first. */
import { desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, user } from '../db/schema';

export type AuditInput = {
	/** Null for actions taken from the command line. */
	actorId: string | null;
	action: string;
	targetType: string;
	targetId: string | number;
	reason?: string | null;
	details?: Record<string, unknown>;
};

/** Appends one entry; call it in the same transaction as the action it records. */
export function recordAudit(tx: Db, entry: AuditInput, now = Date.now()): void {
	tx.insert(auditLog)
		.values({
			actorId: entry.actorId,
			action: entry.action,
			targetType: entry.targetType,
			targetId: String(entry.targetId),
			reason: entry.reason ?? null,
			details: entry.details ? JSON.stringify(entry.details) : null,
			createdAt: now
		})
		.run();
}

/** One page of the trail, newest first, with each actor's public name. */
export function listAudit(db: Db, options: { before?: number | null; limit?: number } = {}) {
	const limit = options.limit ?? 50;
	const rows = db
		.select({
			id: auditLog.id,
			action: auditLog.action,
			targetType: auditLog.targetType,
			targetId: auditLog.targetId,
			reason: auditLog.reason,
			details: auditLog.details,
			createdAt: auditLog.createdAt,
			actorName: user.displayName
		})
		.from(auditLog)
		.leftJoin(user, eq(auditLog.actorId, user.id))
		.where(options.before ? lt(auditLog.id, options.before) : undefined)
		.orderBy(desc(auditLog.id))
		.limit(limit + 1)
		.all();
	const page = rows.slice(0, limit);
	return { entries: page, next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}
