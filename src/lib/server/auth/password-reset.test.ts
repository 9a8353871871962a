import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Connection } from '../db/client';
import { mailOutbox, session } from '../db/schema';
import { outboxTransport } from '../mail/mail';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createSession, generateSessionToken } from './session';
import { authenticate } from './users';
import {
	changePassword,
	checkResetToken,
	requestPasswordReset,
	resetPassword,
	RESET_LIFETIME
} from './password-reset';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});
const T0 = Date.UTC(2026, 5, 1);

function tokenFromMail(): string {
	const text = db.select().from(mailOutbox).all().at(-1)?.text ?? '';
	const token = text.match(/token=([a-z0-9]+)/)?.[1];
	if (!token) throw new Error(`no link in: ${text}`);
	return token;
}

describe('password reset by e-mail', () => {
	it('mails a single-use link that sets the password and ends every session', async () => {
		const account = await makeUser(db, { password: 'the old long password' });
		const s1 = createSession(db, generateSessionToken(), account.id, T0);
		await requestPasswordReset(
			db,
			outboxTransport(db),
			account.email.toUpperCase(),
			'https://recourse.test',
			T0
		);
		const mail = db.select().from(mailOutbox).get()!;
		expect(mail.to).toBe(account.email);
		expect(mail.text).toContain('https://recourse.test/password/reset?token=');
		const token = tokenFromMail();
		// Only the hash is stored.
		expect(JSON.stringify(db.$client.prepare('select * from password_reset').all())).not.toContain(
			token
		);

		expect(await resetPassword(db, token, 'a brand new passphrase', T0 + 1000)).toEqual({
			ok: true,
			userId: account.id
		});
		expect(await authenticate(db, account.email, 'a brand new passphrase')).not.toBeNull();
		expect(await authenticate(db, account.email, 'the old long password')).toBeNull();
		expect(db.select().from(session).where(eq(session.id, s1.id)).get()).toBeUndefined();
		// Used once: never again.
		expect(await resetPassword(db, token, 'another new passphrase', T0 + 2000)).toEqual({
			ok: false
		});
	});

	it('refuses expired and unknown links, and says nothing about unknown addresses', async () => {
		const account = await makeUser(db);
		await requestPasswordReset(db, outboxTransport(db), 'nobody@example.test', '', T0);
		// The stranger's mail holds no link: only how to create an account.
		expect(
			db
				.select()
				.from(mailOutbox)
				.all()
				.map((mail) => mail.text)
		).toEqual([expect.not.stringContaining('token=')]);
		await requestPasswordReset(db, outboxTransport(db), account.email, '', T0);
		const token = tokenFromMail();
		expect(checkResetToken(db, token, T0 + RESET_LIFETIME - 1)).toEqual({ userId: account.id });
		expect(
			await resetPassword(db, token, 'a brand new passphrase', T0 + RESET_LIFETIME + 1)
		).toEqual({ ok: false });
		expect(await resetPassword(db, 'not-a-token', 'a brand new passphrase', T0)).toEqual({
			ok: false
		});
	});
});

describe('changing the password', () => {
	it('needs the current password and ends the other sessions only', async () => {
		const account = await makeUser(db, { password: 'the old long password' });
		const here = createSession(db, generateSessionToken(), account.id);
		const elsewhere = createSession(db, generateSessionToken(), account.id);
		expect(
			await changePassword(db, {
				userId: account.id,
				current: 'wrong one',
				next: 'a brand new passphrase',
				keepSessionId: here.id
			})
		).toEqual({ ok: false, reason: 'wrong-password' });
		expect(
			await changePassword(db, {
				userId: account.id,
				current: 'the old long password',
				next: 'a brand new passphrase',
				keepSessionId: here.id
			})
		).toEqual({ ok: true });
		const left = db
			.select({ id: session.id })
			.from(session)
			.where(eq(session.userId, account.id))
			.all();
		expect(left).toEqual([{ id: here.id }]);
		expect(left).not.toContainEqual({ id: elsewhere.id });
	});
});

describe('a new password voids every outstanding reset link', () => {
	async function twoLinks(email: string): Promise<[string, string]> {
		await requestPasswordReset(db, outboxTransport(db), email, '', T0);
		const first = tokenFromMail();
		await requestPasswordReset(db, outboxTransport(db), email, '', T0 + 10);
		return [first, tokenFromMail()];
	}

	it('after a reset through one link, the other link no longer opens the account', async () => {
		const account = await makeUser(db, { password: 'the old long password' });
		const [first, second] = await twoLinks(account.email);
		expect(await resetPassword(db, second, 'a brand new passphrase', T0 + 1000)).toMatchObject({
			ok: true
		});
		expect(checkResetToken(db, first, T0 + 2000)).toBeNull();
		expect(await resetPassword(db, first, 'the attacker passphrase', T0 + 2000)).toEqual({
			ok: false
		});
		expect(await authenticate(db, account.email, 'a brand new passphrase')).not.toBeNull();
	});

	it('after a password change, links asked for before it no longer open the account', async () => {
		const account = await makeUser(db, { password: 'the old long password' });
		const [first, second] = await twoLinks(account.email);
		const here = createSession(db, generateSessionToken(), account.id);
		await changePassword(db, {
			userId: account.id,
			current: 'the old long password',
			next: 'a brand new passphrase',
			keepSessionId: here.id
		});
		for (const token of [first, second]) {
			expect(checkResetToken(db, token, T0 + 2000)).toBeNull();
			expect(await resetPassword(db, token, 'the attacker passphrase', T0 + 2000)).toEqual({
				ok: false
			});
		}
		expect(await authenticate(db, account.email, 'a brand new passphrase')).not.toBeNull();
	});
});
