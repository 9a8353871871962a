/** In-app notices to a user, e.g. "the company answered your report". */
import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notification } from '../db/schema';

export type NotificationKind =
	'response-posted' | 'response-edited' | 'report-hidden' | 'report-restored';

/** Adds a notice; call it in the transaction of the event it tells about. */
export function notify(
	tx: Db,
	input: { userId: string; kind: NotificationKind; reportId: number | null; message: string },
	now = Date.now()
): void {
	tx.insert(notification)
		.values({ ...input, createdAt: now })
		.run();
}

export function countUnread(db: Db, userId: string): number {
	return (
		db
			.select({ n: count() })
			.from(notification)
			.where(and(eq(notification.userId, userId), isNull(notification.readAt)))
			.get()?.n ?? 0
	);
}

/** A user's notices, newest first, keyset-paginated by id. */
export function listNotifications(
	db: Db,
	userId: string,
	options: { before?: number | null; limit?: number } = {}
) {
	const limit = options.limit ?? 30;
	const rows = db
		.select()
		.from(notification)
		.where(
			and(
				eq(notification.userId, userId),
				options.before ? lt(notification.id, options.before) : undefined
			)
		)
		.orderBy(desc(notification.id))
		.limit(limit + 1)
		.all();
	const page = rows.slice(0, limit);
	return {
		notifications: page,
		next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null
	};
}

export function markAllRead(db: Db, userId: string, now = Date.now()): void {
	db.update(notification)
		.set({ readAt: now })
		.where(and(eq(notification.userId, userId), isNull(notification.readAt)))
		.run();
}
