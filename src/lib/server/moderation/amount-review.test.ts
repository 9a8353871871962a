import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { createReport, updateReport } from '../reports/reports';
import { createTestDb } from '../testing/db';
import { makeCompany, makeUser, reportInput } from '../testing/factories';
import { listModerationQueue } from './moderation';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
	makeCompany(db, 'Acme Telecom', 'https://acme.example');
});

const queued = () => listModerationQueue(db).map((row) => [row.reportId, row.reasons, row.flags]);

describe('amounts above the review threshold', () => {
	it('are published and sent to moderators with an automatic reason', async () => {
		const author = await makeUser(db);
		const large = createReport(
			db,
			reportInput({ currency: 'EUR', amountDisputedMinor: 150_000_00, amountRecoveredMinor: 0 }),
			author.id
		);
		const ordinary = createReport(
			db,
			reportInput({ currency: 'EUR', amountDisputedMinor: 99_000_00, amountRecoveredMinor: 0 }),
			author.id
		);
		expect(large.ok && ordinary.ok).toBe(true);
		expect(queued()).toEqual([[large.ok && large.id, 'implausible-amount', 1]]);
	});

	it('in yen are judged by the yen threshold, and an edit raising an amount is queued once', async () => {
		const author = await makeUser(db);
		const yen = (minor: number) =>
			reportInput({ currency: 'JPY', orderValueMinor: minor, amountDisputedMinor: 0 });
		const created = createReport(db, yen(150_000), author.id);
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		expect(queued()).toEqual([]);
		updateReport(db, created.id, yen(20_000_000), author.id);
		updateReport(db, created.id, yen(30_000_000), author.id);
		expect(queued()).toEqual([[created.id, 'implausible-amount', 1]]);
	});
});
