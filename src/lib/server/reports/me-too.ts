/** "This happened to me too": a signed-in user joins a report once, and may take it back. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { report, reportMeToo } from '../db/schema';
import { applyMeTooToRollups } from './rollups';
import { readCaseTags } from './report-figures';

export type MeTooResult =
	{ ok: true; count: number; joined: boolean } | { ok: false; reason: 'not-found' | 'own-report' };

/**
 * Adds (join = true) or removes the user's "me too" on a visible report; counts move in the same
 * transaction.
 */
export function setMeToo(
	db: Db,
	reportId: number,
	userId: string,
	join: boolean,
	now = Date.now()
): MeTooResult {
	return db.transaction(
		(tx) => {
			const target = tx
				.select({
					authorId: report.authorId,
					companyId: report.companyId,
					meTooCount: report.meTooCount,
					hiddenAt: report.hiddenAt
				})
				.from(report)
				.where(eq(report.id, reportId))
				.get();
			// A hidden report is not there for anyone saying "me too" (its page is a 404), and its
			// count must stay what restoring it adds back.
			if (!target || target.hiddenAt !== null) return { ok: false, reason: 'not-found' } as const;
			if (target.authorId === userId) return { ok: false, reason: 'own-report' } as const;
			const changed = join
				? tx
						.insert(reportMeToo)
						.values({ reportId, userId, createdAt: now })
						.onConflictDoNothing()
						.run().changes
				: tx
						.delete(reportMeToo)
						.where(and(eq(reportMeToo.reportId, reportId), eq(reportMeToo.userId, userId)))
						.run().changes;
			if (!changed) return { ok: true, count: target.meTooCount, joined: join } as const;
			const delta = join ? 1 : -1;
			tx.update(report)
				.set({ meTooCount: sql`${report.meTooCount} + ${delta}` })
				.where(eq(report.id, reportId))
				.run();
			applyMeTooToRollups(tx, { ...target, ...readCaseTags(tx, reportId) }, delta);
			return { ok: true, count: target.meTooCount + delta, joined: join } as const;
		},
		{ behavior: 'immediate' }
	);
}

/** Whether this user has said "me too" to this report. */
export function hasMeToo(db: Db, reportId: number, userId: string): boolean {
	return !!db
		.select({ one: sql`1` })
		.from(reportMeToo)
		.where(and(eq(reportMeToo.reportId, reportId), eq(reportMeToo.userId, userId)))
		.get();
}
