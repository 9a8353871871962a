/**
 * Device cookies (OWASP's proposal against account lock-out): after a successful log-in the
 * browser keeps a signed note "this browser signed in as this user", so failures from elsewhere
 * do not lock it out. See docs/decisions/021-log-in-throttling.md.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { config } from '../config';

export const DEVICE_COOKIE = 'device';
const LIFETIME_MS = 365 * 86_400_000;
/**
 * Device cookies signed with `keyHex`, or with a random key when it is null. One key per server
 * run: a restart forgets the log-in failures (held in memory) and the devices alike, so the two
 * never disagree; a stolen cookie dies with the run too. Several workers share the key their
 * primary made (DEVICE_COOKIE_KEY, decision 026), so a cookie is honoured by each.
 */
export function deviceTokens(keyHex: string | null) {
	const key = keyHex ? Buffer.from(keyHex, 'hex') : randomBytes(32);
	const sign = (userId: string, nonce: string) =>
		createHmac('sha256', key).update(`${userId}\n${nonce}`).digest('base64url');
	return {
		/** A new cookie value for a user: a random nonce and its signature (the user id is not in it). */
		issue(userId: string): string {
			const nonce = randomBytes(16).toString('base64url');
			return `${nonce}.${sign(userId, nonce)}`;
		},
		/** The device's nonce when the cookie was issued to this user with this key, otherwise null. */
		read(value: string | undefined, userId: string): string | null {
			const [nonce, signature, ...rest] = (value ?? '').split('.');
			if (!nonce || !signature || rest.length) return null;
			const expected = Buffer.from(sign(userId, nonce));
			const given = Buffer.from(signature);
			return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
		}
	};
}

const tokens = deviceTokens(config.deviceCookieKey);
/** A new cookie value for a user (this server run's key). */
export const issueDeviceToken = tokens.issue;
/** The device's nonce when the cookie was issued to this user in this server run, otherwise null. */
export const readDeviceToken = tokens.read;

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
