/** Lucia-style sessions: the cookie holds a random token, the database only its SHA-256. */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { session, user, type Session } from '../db/schema';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
/** A session used when less than this is left is extended to a full lifetime again. */
const RENEW_WITHIN = 15 * DAY;
export const SESSION_COOKIE = 'session';

/** The user columns that are safe to hold in locals: never the password hash. */
export type SessionUser = { id: string; email: string; displayName: string; role: string };
export type SessionValidation =
	{ session: Session; user: SessionUser } | { session: null; user: null };

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Stores a new session for the user; the token itself is never stored. */
export function createSession(db: Db, token: string, userId: string, now = Date.now()): Session {
	const row: Session = { id: sessionIdFromToken(token), userId, expiresAt: now + SESSION_LIFETIME };
	db.insert(session).values(row).run();
	return row;
}

/** Looks the token up, drops it if expired, slides its expiry when it is past half-life. */
export function validateSessionToken(db: Db, token: string, now = Date.now()): SessionValidation {
	const id = sessionIdFromToken(token);
	const row = db
		.select({
			session,
			user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role }
		})
		.from(session)
		.innerJoin(user, eq(session.userId, user.id))
		.where(eq(session.id, id))
		.get();
	if (!row) return { session: null, user: null };
	if (now >= row.session.expiresAt) {
		db.delete(session).where(eq(session.id, id)).run();
		return { session: null, user: null };
	}
	if (now >= row.session.expiresAt - RENEW_WITHIN) {
		row.session.expiresAt = now + SESSION_LIFETIME;
		db.update(session).set({ expiresAt: row.session.expiresAt }).where(eq(session.id, id)).run();
	}
	return row;
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

/** Ends every session of a user (after a password change, for instance). */
export function invalidateUserSessions(db: Db, userId: string): void {
	db.delete(session).where(eq(session.userId, userId)).run();
}

export function setSessionTokenCookie(
	cookies: Cookies,
	token: string,
	expiresAt: number,
	secure: boolean
): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: new Date(expiresAt)
	});
}

export function deleteSessionTokenCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
