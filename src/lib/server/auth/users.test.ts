import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { createTestDb } from '../testing/db';
import { authenticate, createUser } from './users';
import { safeRedirectTarget } from './guard';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

describe('accounts', () => {
	it('hash passwords with Argon2id and authenticate case-insensitively by e-mail', async () => {
		const created = await createUser(db, {
			email: 'Ana@Example.test',
			password: 'a long password'
		});
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		expect(created.user.passwordHash).toMatch(/^\$argon2id\$/);
		expect(created.user.displayName).toMatch(/^Consumer \d{6}$/);
		expect((await authenticate(db, ' ana@example.TEST ', 'a long password'))?.id).toBe(
			created.user.id
		);
		expect(await authenticate(db, 'ana@example.test', 'wrong password')).toBeNull();
		expect(await authenticate(db, 'nobody@example.test', 'a long password')).toBeNull();
	});

	it('refuse a second account for the same address', async () => {
		await createUser(db, { email: 'ana@example.test', password: 'a long password' });
		expect(await createUser(db, { email: 'ANA@example.test', password: 'another one!' })).toEqual({
			ok: false,
			reason: 'email-taken'
		});
	});
});

describe('safeRedirectTarget', () => {
	it('keeps same-site paths and refuses everything else', () => {
		expect(safeRedirectTarget('/reports/new?company=acme')).toBe('/reports/new?company=acme');
		for (const hostile of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'javascript:alert(1)',
			'',
			null
		]) {
			expect(safeRedirectTarget(hostile)).toBe('/');
		}
	});
});
