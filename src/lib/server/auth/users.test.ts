import { readFileSync } from 'node:fs';
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

/** Known ways to write an address that leaves the site (tests/fixtures/README.md). */
const redirectBypasses = JSON.parse(
	readFileSync('tests/fixtures/redirect-bypasses.json', 'utf8')
) as string[];

describe('safeRedirectTarget', () => {
	it('keeps same-site paths, in the current language', () => {
		expect(safeRedirectTarget('/reports/new?company=acme')).toBe('/reports/new?company=acme');
		expect(safeRedirectTarget('/de/reports/7')).toBe('/reports/7');
		expect(safeRedirectTarget(null)).toBe('/');
	});

	it('ends every known bypass form at a path of this site', () => {
		for (const hostile of redirectBypasses) {
			const target = safeRedirectTarget(hostile);
			const resolved = new URL(target, 'http://recourse.test');
			expect(resolved.origin, `${JSON.stringify(hostile)} → ${target}`).toBe(
				'http://recourse.test'
			);
			// A browser reads a location starting // or /\ as another host, whatever URL() says.
			expect(target, JSON.stringify(hostile)).toMatch(/^\/(?![/\\])/);
			expect(target, JSON.stringify(hostile)).not.toMatch(/[\s\\]/);
		}
	});
});
