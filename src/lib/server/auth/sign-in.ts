/** Starts a session for a user and sets its cookie: the last step of sign-up and log-in. */
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { createSession, generateSessionToken, setSessionTokenCookie } from './session';

export function startSession(db: Db, cookies: Cookies, userId: string, secure: boolean): void {
	const token = generateSessionToken();
	const session = createSession(db, token, userId);
	setSessionTokenCookie(cookies, token, session.expiresAt, secure);
}
