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
import type { MailTransport } from '../mail/mail';
import { hashPassword, verifyPassword } from './password';

export const RESET_LIFETIME = 60 * 60_000;

function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * Mails a reset link if an account uses the address. Says nothing either way: the page shows
 * the same answer, so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
	db: Db,
	mail: MailTransport,
	email: string,
	origin: string,
	now = Date.now()
): Promise<void> {
	const account = db
		.select({ id: user.id, email: user.email })
		.from(user)
		.where(eq(user.email, email.trim().toLowerCase()))
		.get();
	if (!account) return;
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	const token = encodeBase32LowerCaseNoPadding(bytes);
	db.insert(passwordReset)
		.values({
			id: hashToken(token),
			userId: account.id,
			createdAt: now,
			expiresAt: now + RESET_LIFETIME
		})
		.run();
	await mail.send({
		to: account.email,
		// In the language of the page the link was asked for from, and leading back to it.
		subject: m.mail_reset_subject(),
		text: m.mail_reset_text({ url: origin + localizeHref(`/password/reset?token=${token}`) })
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
