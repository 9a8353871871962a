/** Accounts: sign-up and credential checks. */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { user, type User } from '../db/schema';
import { hashPassword, verifyPassword } from './password';

export function generateId(bytes = 15): string {
	const random = new Uint8Array(bytes);
	crypto.getRandomValues(random);
	return encodeBase32LowerCaseNoPadding(random);
}

/** A default public name that reveals nothing about the person. */
export function generatePseudonym(): string {
	const n = new Uint32Array(1);
	crypto.getRandomValues(n);
	return `Consumer ${(n[0]! % 1_000_000).toString().padStart(6, '0')}`;
}

export type CreateUserResult = { ok: true; user: User } | { ok: false; reason: 'email-taken' };

/**
 * Creates an account; a taken e-mail address is an expected outcome, not an exception. The
 * password is hashed first, so that a taken address takes as long to answer as a free one.
 */
export async function createUser(
	db: Db,
	input: { email: string; password: string; displayName?: string | null },
	now = Date.now()
): Promise<CreateUserResult> {
	const email = input.email.trim().toLowerCase();
	const passwordHash = await hashPassword(input.password);
	if (db.select({ id: user.id }).from(user).where(eq(user.email, email)).get()) {
		return { ok: false, reason: 'email-taken' };
	}
	const row: User = {
		id: generateId(),
		email,
		passwordHash,
		displayName: input.displayName?.trim() || generatePseudonym(),
		role: 'user',
		locale: null,
		createdAt: now
	};
	const inserted = db.insert(user).values(row).onConflictDoNothing().returning().get();
	// Two sign-ups racing for one address: the loser is told it is taken.
	return inserted ? { ok: true, user: inserted } : { ok: false, reason: 'email-taken' };
}

/** Returns the user whose credentials match, or null; takes as long for unknown e-mails. */
export async function authenticate(db: Db, email: string, password: string): Promise<User | null> {
	const row = db.select().from(user).where(eq(user.email, email.trim().toLowerCase())).get();
	if (!row) {
		await hashPassword(password);
		return null;
	}
	return (await verifyPassword(row.passwordHash, password)) ? row : null;
}
