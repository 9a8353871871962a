import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Connection } from '../db/client';
import { mailOutbox, passwordReset, user } from '../db/schema';
import { outboxTransport } from '../mail/mail';
import { queuedTransport } from '../mail/queue';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { requestPasswordReset, resetPassword } from './password-reset';
import { requestSignUp } from './sign-up';
import { authenticate } from './users';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});
const T0 = Date.UTC(2026, 10, 29);

const outbox = () => db.select().from(mailOutbox).all();
const linkIn = (text: string) => text.match(/\/password\/reset\?token=([a-z0-9]+)/)?.[1] ?? null;

/** What one request leaves behind before its answer: rows written and messages waiting. */
function footprint(queue: ReturnType<typeof queuedTransport>) {
	return {
		sent: outbox().length,
		waiting: queue.pending(),
		links: db.select().from(passwordReset).all().length
	};
}

describe('the forgotten-password form does the same work for every address', () => {
	it('queues one message for a known and for an unknown address, and sends none while answering', async () => {
		const account = await makeUser(db);
		const known = queuedTransport(outboxTransport(db));
		await requestPasswordReset(db, known, account.email, 'https://recourse.test', T0);
		expect(footprint(known)).toEqual({ sent: 0, waiting: 1, links: 1 });
		await known.drained();

		const unknown = queuedTransport(outboxTransport(db));
		await requestPasswordReset(db, unknown, 'nobody@example.test', 'https://recourse.test', T0);
		expect(footprint(unknown)).toEqual({ sent: 1, waiting: 1, links: 1 });
		await unknown.drained();

		const [toOwner, toStranger] = outbox();
		expect(toOwner?.to).toBe(account.email);
		expect(linkIn(toOwner!.text)).not.toBeNull();
		// The stranger learns nothing about accounts but how to make one, and gets no link.
		expect(toStranger?.to).toBe('nobody@example.test');
		expect(linkIn(toStranger!.text)).toBeNull();
		expect(toStranger?.text).toContain('https://recourse.test/signup');
	});
});

describe('sign-up answers alike for new and taken addresses', () => {
	it('mails a new address a link to choose its password, and the owner of a taken one a notice', async () => {
		const owner = await makeUser(db, { password: 'the owner passphrase' });
		const origin = 'https://recourse.test';
		// The same work on the request path: one link stored and one message queued, none sent.
		const forNew = queuedTransport(outboxTransport(db));
		await requestSignUp(
			db,
			forNew,
			{ email: 'New@Example.test', displayName: 'Ana' },
			origin,
			null,
			T0
		);
		expect(footprint(forNew)).toEqual({ sent: 0, waiting: 1, links: 1 });
		await forNew.drained();
		const forTaken = queuedTransport(outboxTransport(db));
		await requestSignUp(
			db,
			forTaken,
			{ email: owner.email, displayName: 'Mallory' },
			origin,
			null,
			T0
		);
		expect(footprint(forTaken)).toEqual({ sent: 1, waiting: 1, links: 2 });
		await forTaken.drained();

		const [welcome, notice] = outbox();
		expect(welcome?.to).toBe('new@example.test');
		expect(notice?.to).toBe(owner.email);
		expect(notice?.subject).not.toBe(welcome?.subject);
		// The taken account is untouched: same name, same password.
		const stored = db.select().from(user).where(eq(user.id, owner.id)).get();
		expect(stored?.displayName).toBe(owner.displayName);
		expect(await authenticate(db, owner.email, 'the owner passphrase')).not.toBeNull();

		// No one can log in to the new account until its address has chosen a password.
		const created = db.select().from(user).where(eq(user.email, 'new@example.test')).get()!;
		expect(created.displayName).toBe('Ana');
		const token = linkIn(welcome!.text)!;
		expect(await resetPassword(db, token, 'my own first passphrase', T0 + 1000)).toEqual({
			ok: true,
			userId: created.id
		});
		expect(await authenticate(db, 'new@example.test', 'my own first passphrase')).not.toBeNull();
	});

	it('carries the page to come back to in the link, only when it is a path of this site', async () => {
		const queue = queuedTransport(outboxTransport(db));
		const origin = 'https://recourse.test';
		await requestSignUp(
			db,
			queue,
			{ email: 'a@example.test', displayName: '' },
			origin,
			'/reports/new',
			T0
		);
		await requestSignUp(
			db,
			queue,
			{ email: 'b@example.test', displayName: '' },
			origin,
			'//evil.example',
			T0
		);
		await queue.drained();
		const [a, b] = outbox();
		expect(a?.text).toMatch(/\/password\/reset\?token=[a-z0-9]+&redirectTo=%2Freports%2Fnew/);
		expect(b?.text).not.toContain('evil');
	});
});
