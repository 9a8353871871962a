import { beforeEach, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import type { Connection } from '../db/client';
import { mailOutbox } from '../db/schema';
import { outboxTransport } from '../mail/mail';
import { createReport } from '../reports/reports';
import { createTestDb } from '../testing/db';
import { makeCompany, makeUser, reportInput } from '../testing/factories';
import {
	alertNewReport,
	readUnsubscribeToken,
	sendDailyDigests,
	setAlertChoice,
	UNSUBSCRIBE_LIFETIME,
	unsubscribe
} from './alerts';
import { grantRepresentative } from './representatives';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9);
const ORIGIN = 'https://recourse.test';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

/** A company with three representatives, one per alert choice, and an author. */
async function world() {
	const acme = makeCompany(db, 'Acme Telecom', 'acme-telecom.example');
	const author = await makeUser(db);
	const mod = { id: author.id, role: 'moderator' };
	const people: Record<'each' | 'daily' | 'none', string> = { each: '', daily: '', none: '' };
	for (const choice of ['each', 'daily', 'none'] as const) {
		const u = await makeUser(db, { email: `${choice}@example.test` });
		grantRepresentative(db, mod, { companyId: acme.id, email: u.email, reason: 't' }, T0 - DAY);
		setAlertChoice(db, u.id, acme.id, choice);
		people[choice] = u.id;
	}
	const file = (title: string, at: number) => {
		const made = createReport(db, reportInput({ title }), author.id, at);
		if (!made.ok) throw new Error('report');
		return made.id;
	};
	return { acme, file, people };
}

const mails = () => db.select().from(mailOutbox).orderBy(asc(mailOutbox.id)).all();
const tokenIn = (text: string) => text.match(/\/unsubscribe\/([0-9a-f.]+)/)?.[1] ?? '';

describe('alerts about new reports', () => {
	it('mails those who chose each report, with a signed unsubscribe link that works once read', async () => {
		const w = await world();
		const id = w.file('Line dead for a week', T0);
		await alertNewReport(db, outboxTransport(db), id, ORIGIN, T0);
		const sent = mails();
		expect(sent.map((s) => s.to)).toEqual(['each@example.test']);
		expect(sent[0]!.subject).toContain('Line dead for a week');
		expect(sent[0]!.text).toContain(`${ORIGIN}/reports/${id}`);
		const token = tokenIn(sent[0]!.text);
		expect(readUnsubscribeToken(db, token, T0)).toMatchObject({
			ok: true,
			companyName: 'Acme Telecom',
			email: 'each@example.test'
		});
		expect(unsubscribe(db, token, T0)).toMatchObject({ ok: true });
		await alertNewReport(db, outboxTransport(db), w.file('Billed twice', T0 + 1), ORIGIN, T0 + 1);
		expect(mails()).toHaveLength(1);
	});

	it('refuses forged, altered and expired unsubscribe links', async () => {
		const w = await world();
		await alertNewReport(db, outboxTransport(db), w.file('Line dead', T0), ORIGIN, T0);
		const token = tokenIn(mails()[0]!.text);
		const [id, expires, signature] = token.split('.') as [string, string, string];
		const flipped = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
		for (const forged of [
			`${id}.${expires}.${flipped}`,
			`${id}.${Number(expires) + DAY}.${signature}`,
			`${Number(id) + 1}.${expires}.${signature}`,
			'not-a-token',
			''
		]) {
			expect(unsubscribe(db, forged, T0), forged).toEqual({ ok: false, reason: 'invalid' });
		}
		expect(unsubscribe(db, token, T0 + UNSUBSCRIBE_LIFETIME)).toEqual({
			ok: false,
			reason: 'expired'
		});
		// Nothing changed: the next report is still mailed.
		await alertNewReport(db, outboxTransport(db), w.file('Billed twice', T0 + 1), ORIGIN, T0 + 1);
		expect(mails()).toHaveLength(2);
	});
});

describe('sendDailyDigests', () => {
	it('sends one digest a day at most, covering the reports since the last one', async () => {
		const w = await world();
		const options = { mail: outboxTransport(db), origin: ORIGIN };
		const first = w.file('First report', T0);
		const second = w.file('Second report', T0 + 60_000);
		expect(await sendDailyDigests(db, T0 + DAY, options)).toEqual({ sent: 1 });
		// Run again the same day, as a restarted job runner would: nothing more, even with a
		// report filed in between (it waits for tomorrow's digest).
		const late = w.file('Late report', T0 + DAY + 60_000);
		expect(await sendDailyDigests(db, T0 + DAY + 3_600_000, options)).toEqual({ sent: 0 });
		const digest = mails()[0]!;
		expect(digest.to).toBe('daily@example.test');
		expect(digest.text).toContain(`${ORIGIN}/reports/${first}`);
		expect(digest.text).toContain(`${ORIGIN}/reports/${second}`);
		expect(tokenIn(digest.text)).not.toBe('');

		// The next day's digest holds the late report alone; a day with none sends nothing.
		expect(await sendDailyDigests(db, T0 + 2 * DAY, options)).toEqual({ sent: 1 });
		expect(mails()[1]!.text).toContain(`/reports/${late}`);
		expect(mails()[1]!.text.match(/\/reports\/\d+/g)).toEqual([`/reports/${late}`]);
		expect(await sendDailyDigests(db, T0 + 3 * DAY, options)).toEqual({ sent: 0 });
		const third = w.file('Third report', T0 + 3 * DAY + 60_000);
		expect(await sendDailyDigests(db, T0 + 4 * DAY, options)).toEqual({ sent: 1 });
		expect(mails()[2]!.text.match(/\/reports\/\d+/g)).toEqual([`/reports/${third}`]);
		expect(mails().every((mail) => mail.to === 'daily@example.test')).toBe(true);
	});
});
