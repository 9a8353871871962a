/**
 * Device cookies (OWASP's proposal against account lock-out): after a successful log-in the
 * browser keeps a signed note "this browser signed in as this user", so failures from elsewhere
 * do not lock it out. See docs/decisions/021-log-in-throttling.md.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';

export const DEVICE_COOKIE = 'device';
const LIFETIME_MS = 365 * 86_400_000;
// One key per server process: a restart forgets the log-in failures (held in memory) and the
// devices alike, so the two never disagree; a stolen cookie dies with the process too.
const key = randomBytes(32);

function sign(userId: string, nonce: string): string {
	return createHmac('sha256', key).update(`${userId}\n${nonce}`).digest('base64url');
}

/** A new cookie value for a user: a random nonce and its signature (the user id is not in it). */
export function issueDeviceToken(userId: string): string {
	const nonce = randomBytes(16).toString('base64url');
	return `${nonce}.${sign(userId, nonce)}`;
}

/** The device's nonce when the cookie was issued to this user by this process, otherwise null. */
export function readDeviceToken(value: string | undefined, userId: string): string | null {
	const [nonce, signature, ...rest] = (value ?? '').split('.');
	if (!nonce || !signature || rest.length) return null;
	const expected = Buffer.from(sign(userId, nonce));
	const given = Buffer.from(signature);
	return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}

/** Marks the browser as one the user has signed in from (log-in, sign-up, password reset). */
export function setDeviceCookie(cookies: Cookies, userId: string, secure: boolean): void {
	cookies.set(DEVICE_COOKIE, issueDeviceToken(userId), {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: new Date(Date.now() + LIFETIME_MS)
	});
}
