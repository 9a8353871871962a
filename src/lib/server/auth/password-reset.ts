/**
 * Password reset by e-mailed link (single use, one hour) and password change. Either ends the
 * user's other sessions and voids every reset link still outstanding: whoever knew the old
 * password, or read an older mail, is locked out.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passwordReset, session, user } from '../db/schema';
import { sameOriginPath } from '../http/same-origin';
import type { MailTransport } from '../mail/mail';
import { hashPassword, verifyPassword } from './password';

export const RESET_LIFETIME = 60 * 60_000;

function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * A new single-use link that lets whoever reads it choose the account's password, valid for an
 * hour; only its hash is stored. `redirectTo` (a path of this site) is where the page goes after.
 */
export function issueResetLink(
	db: Db,
	userId: string,
	origin: string,
	redirectTo: string | null,
	now = Date.now()
): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	const token = encodeBase32LowerCaseNoPadding(bytes);
	db.insert(passwordReset)
		.values({ id: hashToken(token), userId, createdAt: now, expiresAt: now + RESET_LIFETIME })
		.run();
	const back = redirectTo === null ? null : sameOriginPath(redirectTo);
	const query = `token=${token}` + (back ? `&redirectTo=${encodeURIComponent(back)}` : '');
	// In the language of the page the link was asked for from, and leading back to it.
	return origin + localizeHref(`/password/reset?${query}`);
}

/**
 * Mails a reset link to the account that uses the address, or, when none does, a note on how
 * to create one. The page shows the same answer and the request does the same work either way
 * (one message handed to the transport, which queues SMTP), so the form tells no one who has an
 * account.
 */
export async function requestPasswordReset(
	db: Db,
	mail: MailTransport,
	email: string,
	origin: string,
	now = Date.now()
): Promise<void> {
	const address = email.trim().toLowerCase();
	const account = db.select({ id: user.id }).from(user).where(eq(user.email, address)).get();
	if (!account) {
		await mail.send({
			to: address,
			subject: m.mail_reset_subject(),
			text: m.mail_reset_unknown_text({ url: origin + localizeHref('/signup') })
		});
		return;
	}
	const url = issueResetLink(db, account.id, origin, null, now);
	await mail.send({
		to: address,
		subject: m.mail_reset_subject(),
		text: m.mail_reset_text({ url })
	});
}

/** The account a reset token opens, if it is unused and unexpired. */
export function checkResetToken(
	db: Db,
	token: string,
	now = Date.now()
): { userId: string } | null {
	const row = db
		.select()
		.from(passwordReset)
		.where(and(eq(passwordReset.id, hashToken(token)), isNull(passwordReset.usedAt)))
		.get();
	return row && row.expiresAt > now ? { userId: row.userId } : null;
}

/** Every unused reset link of the user stops working (a new password makes them all stale). */
function voidResetLinks(tx: Pick<Db, 'update'>, userId: string, now: number): void {
	tx.update(passwordReset)
		.set({ usedAt: now })
		.where(and(eq(passwordReset.userId, userId), isNull(passwordReset.usedAt)))
		.run();
}

/** Sets the new password through a valid token, uses the token up and ends every session. */
export async function resetPassword(
	db: Db,
	token: string,
	newPassword: string,
	now = Date.now()
): Promise<{ ok: true; userId: string } | { ok: false }> {
	const found = checkResetToken(db, token, now);
	if (!found) return { ok: false };
	const passwordHash = await hashPassword(newPassword);
	return db.transaction((tx) => {
		// Used up in the same transaction: two submissions of one link cannot both succeed.
		const used = tx
			.update(passwordReset)
			.set({ usedAt: now })
			.where(and(eq(passwordReset.id, hashToken(token)), isNull(passwordReset.usedAt)))
			.run().changes;
		if (!used) return { ok: false } as const;
		tx.update(user).set({ passwordHash }).where(eq(user.id, found.userId)).run();
		voidResetLinks(tx, found.userId, now);
		tx.delete(session).where(eq(session.userId, found.userId)).run();
		return { ok: true, userId: found.userId } as const;
	});
}

/** Changes the password after checking the current one; every other session and reset link ends. */
export async function changePassword(
	db: Db,
	input: { userId: string; current: string; next: string; keepSessionId: string },
	now = Date.now()
): Promise<{ ok: true } | { ok: false; reason: 'wrong-password' }> {
	const row = db
		.select({ hash: user.passwordHash })
		.from(user)
		.where(eq(user.id, input.userId))
		.get();
	if (!row || !(await verifyPassword(row.hash, input.current))) {
		return { ok: false, reason: 'wrong-password' };
	}
	const passwordHash = await hashPassword(input.next);
	db.transaction((tx) => {
		tx.update(user).set({ passwordHash }).where(eq(user.id, input.userId)).run();
		voidResetLinks(tx, input.userId, now);
		tx.delete(session)
			.where(and(eq(session.userId, input.userId), ne(session.id, input.keepSessionId)))
			.run();
	});
	return { ok: true };
}
