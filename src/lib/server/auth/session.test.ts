import { beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Connection } from '../db/client';
import { session } from '../db/schema';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import {
	SESSION_LIFETIME,
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	validateSessionToken
} from './session';

const DAY = 24 * 3600 * 1000;
let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

describe('sessions', () => {
	it('store only the SHA-256 of the token', async () => {
		const user = await makeUser(db);
		const token = generateSessionToken();
		createSession(db, token, user.id);
		const [row] = db.select().from(session).all();
		expect(row!.id).not.toContain(token);
		expect(row!.id).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode(token))));
	});

	it('resolve a valid token to the user without the password hash', async () => {
		const user = await makeUser(db);
		const token = generateSessionToken();
		createSession(db, token, user.id);
		const result = validateSessionToken(db, token);
		expect(result.user).toEqual({
			id: user.id,
			email: user.email,
			displayName: user.displayName,
			role: 'user'
		});
		expect(JSON.stringify(result)).not.toContain(user.passwordHash);
	});

	it('reject unknown tokens', () => {
		expect(validateSessionToken(db, 'not-a-token')).toEqual({ session: null, user: null });
	});

	it('expire after 30 days unused, and are deleted', async () => {
		const user = await makeUser(db);
		const token = generateSessionToken();
		const start = Date.UTC(2026, 0, 1);
		createSession(db, token, user.id, start);
		expect(validateSessionToken(db, token, start + SESSION_LIFETIME).session).toBeNull();
		expect(db.select().from(session).all()).toHaveLength(0);
	});

	it('slide: a session used after 15 days is extended to 30 days from then', async () => {
		const user = await makeUser(db);
		const token = generateSessionToken();
		const start = Date.UTC(2026, 0, 1);
		createSession(db, token, user.id, start);
		const early = validateSessionToken(db, token, start + 10 * DAY);
		expect(early.session!.expiresAt).toBe(start + SESSION_LIFETIME);
		const later = validateSessionToken(db, token, start + 20 * DAY);
		expect(later.session!.expiresAt).toBe(start + 20 * DAY + SESSION_LIFETIME);
		expect(validateSessionToken(db, token, start + 45 * DAY).user?.id).toBe(user.id);
	});

	it('end one session, or all of a user', async () => {
		const user = await makeUser(db);
		const [a, b] = [generateSessionToken(), generateSessionToken()];
		const first = createSession(db, a, user.id);
		createSession(db, b, user.id);
		invalidateSession(db, first.id);
		expect(validateSessionToken(db, a).session).toBeNull();
		expect(validateSessionToken(db, b).session).not.toBeNull();
		invalidateUserSessions(db, user.id);
		expect(validateSessionToken(db, b).session).toBeNull();
	});
});
