/**
 * Log-in under the throttles of decision 021, and the session (with its device cookie) that
 * signing up, logging in and resetting a password all end with.
 */
import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { user, type User } from '../db/schema';
import type { LoginThrottler, RateLimiter } from '../rate-limit';
import { readDeviceToken, setDeviceCookie } from './device-cookie';
import { createSession, generateSessionToken, setSessionTokenCookie } from './session';
import { authenticate } from './users';

/** Starts a session and sets its cookie, and marks the browser as one the user signs in from. */
export function startSession(db: Db, cookies: Cookies, userId: string, secure: boolean): void {
	const token = generateSessionToken();
	const session = createSession(db, token, userId);
	setSessionTokenCookie(cookies, token, session.expiresAt, secure);
	setDeviceCookie(cookies, userId, secure);
}

/** The counters a log-in passes (null when rate limits are off, for load tests). */
export type LoginLimits = {
	perAddress: RateLimiter;
	perAccount: LoginThrottler;
	perDevice: LoginThrottler;
};

export type LogInResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'wrong-password' }
	| { ok: false; reason: 'address-limited' | 'account-locked'; retryAfterSeconds: number };

/**
 * Checks an e-mail and password. A browser holding this user's device cookie is throttled on its
 * own (its failures slow only itself); any other browser is throttled per source address and per
 * account, so guessing from many addresses slows every unknown browser but never the owner's.
 */
export async function attemptLogIn(
	db: Db,
	limits: LoginLimits | null,
	input: { email: string; password: string; address: string; deviceCookie?: string },
	now = Date.now()
): Promise<LogInResult> {
	const account = input.email.trim().toLowerCase();
	const known = db.select({ id: user.id }).from(user).where(eq(user.email, account)).get();
	const device = known ? readDeviceToken(input.deviceCookie, known.id) : null;
	const throttle = device
		? { limiter: limits?.perDevice, key: device }
		: { limiter: limits?.perAccount, key: account };
	if (limits && !device) {
		const fromHere = limits.perAddress.consume(input.address, now);
		if (!fromHere.ok) {
			return {
				ok: false,
				reason: 'address-limited',
				retryAfterSeconds: fromHere.retryAfterSeconds
			};
		}
	}
	const wait = throttle.limiter?.wait(throttle.key, now) ?? 0;
	if (wait) return { ok: false, reason: 'account-locked', retryAfterSeconds: wait };
	const found = await authenticate(db, input.email, input.password);
	if (!found) {
		throttle.limiter?.fail(throttle.key, now);
		return { ok: false, reason: 'wrong-password' };
	}
	// The owner's success from a known browser leaves the account's count: guessing stays slow.
	throttle.limiter?.succeed(throttle.key);
	return { ok: true, user: found };
}
