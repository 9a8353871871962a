import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { grantRepresentative } from '../companies/representatives';
import { outboxTransport } from '../mail/mail';
import { moderate } from '../moderation/moderation';
import { answerResponse, postResponse } from '../responses/responses';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';
import { listMyReports } from './my-reports';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

describe('my reports', () => {
	it('lists only the author’s reports, newest first, with the answer and whether it awaits their verdict', async () => {
		const author = await makeUser(db);
		const stranger = await makeUser(db);
		const rep = await makeUser(db);
		const moderator = { id: (await makeUser(db)).id, role: 'moderator' };
		const acme = makeCompany(db, 'Acme Telecom', 'https://acme.example');
		const first = makeReport(db, author.id, { company: 'Acme Telecom', title: 'First' });
		const second = makeReport(db, author.id, { company: 'Acme Telecom', title: 'Second' });
		grantRepresentative(db, moderator, { companyId: acme.id, email: rep.email, reason: 'test' });
		await postResponse(
			db,
			outboxTransport(db),
			{ id: rep.id, role: 'user' },
			first,
			{ body: 'We refunded the month in full.', action: 'monetary-relief' },
			''
		);
		expect(listMyReports(db, stranger.id).reports).toEqual([]);
		const before = listMyReports(db, author.id).reports;
		expect(before.map((r) => [r.title, r.awaitingVerdict, r.response?.action ?? null])).toEqual([
			['Second', false, null],
			['First', true, 'monetary-relief']
		]);
		answerResponse(db, { id: author.id, role: 'user' }, first, {
			verdict: 'accepted',
			comment: '',
			outcome: 'resolved'
		});
		moderate(db, moderator, {
			targetType: 'report',
			targetId: second,
			action: 'hide',
			reason: 'spam',
			note: 'advert'
		});
		const after = listMyReports(db, author.id, { limit: 1 });
		expect(after.reports[0]).toMatchObject({ title: 'Second', hiddenReason: 'spam' });
		const [createdAt, id] = after.next!.split('-').map(Number);
		expect(
			listMyReports(db, author.id, { before: { createdAt: createdAt!, id: id! } }).reports
		).toMatchObject([
			{ title: 'First', verdict: 'accepted', awaitingVerdict: false, outcome: 'resolved' }
		]);
	});
});
