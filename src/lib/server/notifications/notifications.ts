/** In-app notices to a user, e.g. "the company answered your report", stored as keys and parameters. */
import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Locale } from '$lib/paraglide/runtime';
import type { Db } from '../db/client';
import { notification, user } from '../db/schema';
import { noticeHref, renderNotice, type Notice } from './notices';

/** Adds a notice; call it in the transaction of the event it tells about. */
export function notify(
	tx: Db,
	input: { userId: string; reportId: number | null; notice: Notice },
	now = Date.now()
): void {
	tx.insert(notification)
		.values({
			userId: input.userId,
			reportId: input.reportId,
			key: input.notice.key,
			params: JSON.stringify(input.notice.params),
			createdAt: now
		})
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

/** A user's notices, newest first, keyset-paginated by id, each as a sentence in `locale`. */
export function listNotifications(
	db: Db,
	userId: string,
	locale: Locale,
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
	const page = rows.slice(0, limit).map((row) => ({
		id: row.id,
		text: renderNotice(row, locale),
		href: noticeHref(row.reportId, locale),
		createdAt: row.createdAt,
		readAt: row.readAt
	}));
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

/** Remembers the interface language a user reads in, for what is written to them later (mail). */
export function rememberUserLocale(db: Db, userId: string, locale: Locale): void {
	db.update(user).set({ locale }).where(eq(user.id, userId)).run();
}
