import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Connection } from '../db/client';
import { companyResponse, notification, report } from '../db/schema';
import {
	grantRepresentative,
	listRepresentatives,
	revokeRepresentative
} from '../companies/representatives';
import { setRole, type Actor } from '../auth/roles';
import { outboxTransport } from '../mail/mail';
import { exportBatches } from '../reports/export';
import { noFilters } from '../reports/explore';
import { createReport } from '../reports/reports';
import { companyScope } from '../reports/rollups';
import { getScorecard } from '../reports/scorecard';
import { renderNotice } from '../notifications/notices';
import { flagContent, listHidden, listModerationQueue, moderate } from '../moderation/moderation';
import { rollupDrift } from '../testing/rollup-drift';
import { createTestDb } from '../testing/db';
import { makeCompany, makeUser, reportInput } from '../testing/factories';
import { answerResponse, postResponse } from './responses';
import { listThread, postEntry, THREAD_LIMIT, threadTurn } from './thread';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const firstAnswer = {
	body: 'We are sorry: the billing error has been corrected and the balance refunded.',
	action: 'monetary-relief' as const
};

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

async function world() {
	const acme = makeCompany(db, 'Acme Telecom', 'https://acme-telecom.example');
	const other = makeCompany(db, 'Other Energy', 'https://other-energy.example');
	const users = {
		author: await makeUser(db),
		stranger: await makeUser(db),
		rep: await makeUser(db),
		otherRep: await makeUser(db),
		moderator: await makeUser(db),
		admin: await makeUser(db)
	};
	setRole(db, { email: users.moderator.email, role: 'moderator', actorId: null });
	setRole(db, { email: users.admin.email, role: 'admin', actorId: null });
	const actor = (u: { id: string }, role = 'user'): Actor => ({ id: u.id, role });
	const moderator = actor(users.moderator, 'moderator');
	const admin = actor(users.admin, 'admin');
	for (const [u, c] of [
		[users.rep, acme],
		[users.otherRep, other]
	] as const) {
		const granted = grantRepresentative(
			db,
			admin,
			{ companyId: c.id, email: u.email, reason: 'Checked by phone.' },
			T0
		);
		expect(granted.ok).toBe(true);
	}
	const made = createReport(
		db,
		reportInput({ company: 'Acme Telecom', outcome: 'unresolved' }),
		users.author.id,
		T0
	);
	if (!made.ok) throw new Error('report');
	const mail = outboxTransport(db, () => T0);
	return {
		acme,
		mail,
		reportId: made.id,
		users,
		author: actor(users.author),
		stranger: actor(users.stranger),
		rep: actor(users.rep),
		otherRep: actor(users.otherRep),
		moderator,
		admin
	};
}

/** A world in which Acme has given its first answer on day 3. */
async function answered() {
	const w = await world();
	const posted = await postResponse(db, w.mail, w.rep, w.reportId, firstAnswer, '', T0 + 3 * DAY);
	expect(posted.ok).toBe(true);
	return w;
}

const say = (body: string) => ({ body });

describe('who may write in the thread, and when', () => {
	it('waits for the company’s first answer', async () => {
		const w = await world();
		expect(postEntry(db, w.author, w.reportId, say('Any news?'), T0 + DAY)).toEqual({
			ok: false,
			reason: 'no-response'
		});
		expect(listThread(db, w.reportId)).toEqual([]);
	});

	it('lets only the report’s author and the company’s representatives write, in turn', async () => {
		const w = await answered();
		for (const outsider of [w.stranger, w.otherRep, w.moderator, w.admin]) {
			expect(postEntry(db, outsider, w.reportId, say('I have a view.'), T0 + 4 * DAY)).toEqual({
				ok: false,
				reason: 'forbidden'
			});
		}
		// The company has answered: the consumer speaks next.
		expect(postEntry(db, w.rep, w.reportId, say('Also…'), T0 + 4 * DAY)).toEqual({
			ok: false,
			reason: 'not-your-turn'
		});
		expect(threadTurn(db, w.reportId)).toMatchObject({ next: 'author', remaining: THREAD_LIMIT });
		const reply = postEntry(
			db,
			w.author,
			w.reportId,
			say('The refund never arrived. Write to me at jane.doe@example.com.'),
			T0 + 4 * DAY
		);
		expect(reply.ok).toBe(true);
		expect(postEntry(db, w.author, w.reportId, say('Hello?'), T0 + 4 * DAY + 1)).toEqual({
			ok: false,
			reason: 'not-your-turn'
		});
		expect(postEntry(db, w.rep, w.reportId, say('**Sent** again today.'), T0 + 10 * DAY).ok).toBe(
			true
		);

		const thread = listThread(db, w.reportId);
		expect(thread.map((e) => [e.role, e.createdAt])).toEqual([
			['author', T0 + 4 * DAY],
			['company', T0 + 10 * DAY]
		]);
		// Redacted like reports, rendered and sanitised like responses.
		expect(thread[0]!.body).not.toContain('jane.doe@example.com');
		expect(thread[1]!.bodyHtml).toContain('<strong>Sent</strong>');
		expect(threadTurn(db, w.reportId)).toMatchObject({
			next: 'author',
			remaining: THREAD_LIMIT - 2
		});
	});

	it('stops at the limit, for both sides', async () => {
		const w = await answered();
		for (let i = 0; i < THREAD_LIMIT; i++) {
			const who = i % 2 === 0 ? w.author : w.rep;
			const posted = postEntry(db, who, w.reportId, say(`Entry ${i + 1}`), T0 + 4 * DAY + i);
			expect(posted.ok).toBe(true);
		}
		expect(listThread(db, w.reportId)).toHaveLength(THREAD_LIMIT);
		expect(postEntry(db, w.author, w.reportId, say('One more'), T0 + 9 * DAY)).toEqual({
			ok: false,
			reason: 'limit'
		});
		expect(threadTurn(db, w.reportId)).toMatchObject({ next: null, remaining: 0 });
	});

	it('refuses a revoked representative, a hidden report and a hidden answer', async () => {
		const w = await answered();
		postEntry(db, w.author, w.reportId, say('Still waiting.'), T0 + 4 * DAY);
		const reps = db
			.select()
			.from(companyResponse)
			.where(eq(companyResponse.reportId, w.reportId))
			.all();
		expect(reps).toHaveLength(1);
		const grant = listRepresentatives(db, w.acme.id).find((r) => r.userId === w.rep.id)!;
		revokeRepresentative(
			db,
			w.admin,
			{ companyId: w.acme.id, representativeId: grant.id, reason: 'Left the company.' },
			T0 + 5 * DAY
		);
		expect(postEntry(db, w.rep, w.reportId, say('Hello'), T0 + 5 * DAY)).toEqual({
			ok: false,
			reason: 'forbidden'
		});

		const hideResponse = moderate(
			db,
			w.moderator,
			{
				targetType: 'response',
				targetId: reps[0]!.id,
				action: 'hide',
				reason: 'spam',
				note: 'Advert.'
			},
			T0 + 5 * DAY
		);
		expect(hideResponse.ok).toBe(true);
		expect(postEntry(db, w.author, w.reportId, say('Hello'), T0 + 5 * DAY)).toEqual({
			ok: false,
			reason: 'not-found'
		});
		moderate(
			db,
			w.moderator,
			{
				targetType: 'response',
				targetId: reps[0]!.id,
				action: 'restore',
				reason: null,
				note: 'Fine.'
			},
			T0 + 5 * DAY
		);
		moderate(
			db,
			w.moderator,
			{
				targetType: 'report',
				targetId: w.reportId,
				action: 'hide',
				reason: 'spam',
				note: 'Advert.'
			},
			T0 + 5 * DAY
		);
		expect(postEntry(db, w.author, w.reportId, say('Hello'), T0 + 5 * DAY)).toEqual({
			ok: false,
			reason: 'not-found'
		});
	});

	it('refuses to continue a response imported from the CFPB', async () => {
		const w = await world();
		db.update(report)
			.set({ source: 'cfpb', externalId: '123' })
			.where(eq(report.id, w.reportId))
			.run();
		db.insert(companyResponse)
			.values({
				reportId: w.reportId,
				companyId: w.acme.id,
				source: 'cfpb',
				action: 'explanation',
				timely: true,
				createdAt: T0 + DAY
			})
			.run();
		for (const who of [w.author, w.rep]) {
			expect(postEntry(db, who, w.reportId, say('Hello'), T0 + 2 * DAY)).toEqual({
				ok: false,
				reason: 'imported'
			});
		}
	});
});

describe('notices of a new entry', () => {
	it('tells the author when the company writes, and the representatives when the author does', async () => {
		const w = await answered();
		db.delete(notification).run();
		postEntry(db, w.author, w.reportId, say('The refund never arrived.'), T0 + 4 * DAY);
		const toRep = db.select().from(notification).where(eq(notification.userId, w.rep.id)).all();
		expect(toRep).toHaveLength(1);
		expect(renderNotice(toRep[0]!, 'de')).toContain('Dial tone cut early');
		expect(renderNotice(toRep[0]!, 'de')).not.toBe(renderNotice(toRep[0]!, 'en'));
		expect(
			db.select().from(notification).where(eq(notification.userId, w.author.id)).all()
		).toEqual([]);

		postEntry(db, w.rep, w.reportId, say('Sent again today.'), T0 + 5 * DAY);
		const toAuthor = db
			.select()
			.from(notification)
			.where(eq(notification.userId, w.author.id))
			.all();
		expect(toAuthor).toHaveLength(1);
		expect(renderNotice(toAuthor[0]!, 'es')).toContain('Acme Telecom');
		expect(toAuthor[0]!.reportId).toBe(w.reportId);
		// The other company's representative hears nothing.
		expect(
			db.select().from(notification).where(eq(notification.userId, w.otherRep.id)).all()
		).toEqual([]);
	});
});

describe('figures of a conversation', () => {
	it('count the response time from the first answer and disputes from the last verdict', async () => {
		const w = await answered();
		answerResponse(
			db,
			w.author,
			w.reportId,
			{ verdict: 'disputed', comment: 'No refund yet.', outcome: 'unresolved' },
			T0 + 4 * DAY
		);
		postEntry(db, w.author, w.reportId, say('The refund never arrived.'), T0 + 4 * DAY);
		// The company answers again after the 15-day bar: the answer was timely all the same.
		postEntry(db, w.rep, w.reportId, say('Refunded again today.'), T0 + 30 * DAY);
		answerResponse(
			db,
			w.author,
			w.reportId,
			{ verdict: 'accepted', comment: '', outcome: 'resolved' },
			T0 + 31 * DAY
		);

		const card = getScorecard(db, companyScope(w.acme.id));
		expect(card.responses).toEqual([
			{
				source: 'recourse',
				reports: 1,
				responded: 1,
				timely: 1,
				accepted: 1,
				disputed: 0,
				resolvedAfter: 1
			}
		]);
		expect(card.responseDays).toMatchObject({ n: 1, median: 3 });
		expect(rollupDrift(db)).toEqual([]);

		// Exports carry the number of entries and the last verdict.
		const rows = [...exportBatches(db, noFilters, 'https://recourse.example')].flat();
		expect(rows.find((r) => r.id === w.reportId)).toMatchObject({
			verdict: 'accepted',
			response_entries: 2
		});
	});
});

describe('moderating an entry', () => {
	it('is flagged, queued, hidden, listed and restored like a response', async () => {
		const w = await answered();
		const posted = postEntry(db, w.rep, w.reportId, say('x'), T0 + 4 * DAY);
		expect(posted).toEqual({ ok: false, reason: 'not-your-turn' });
		const reply = postEntry(
			db,
			w.author,
			w.reportId,
			say('Call 0612345678, you crooks.'),
			T0 + 4 * DAY
		);
		if (!reply.ok) throw new Error('reply');
		expect(
			flagContent(
				db,
				w.rep,
				{ targetType: 'entry', targetId: reply.entryId, reason: 'abusive', note: '' },
				T0 + 5 * DAY
			)
		).toEqual({ ok: true });
		expect(listModerationQueue(db)).toMatchObject([
			{ targetType: 'entry', targetId: reply.entryId, reportId: w.reportId, hiddenAt: null }
		]);
		const hidden = moderate(
			db,
			w.moderator,
			{
				targetType: 'entry',
				targetId: reply.entryId,
				action: 'hide',
				reason: 'abusive',
				note: 'Insults.'
			},
			T0 + 6 * DAY
		);
		expect(hidden).toEqual({ ok: true });
		expect(listThread(db, w.reportId)).toEqual([]);
		expect(listModerationQueue(db)).toEqual([]);
		expect(listHidden(db)).toMatchObject([
			{ targetType: 'entry', targetId: reply.entryId, reportId: w.reportId, note: 'Insults.' }
		]);
		const told = db.select().from(notification).where(eq(notification.userId, w.author.id)).all();
		expect(told.map((n) => n.key)).toContain('entry-hidden');

		expect(
			moderate(
				db,
				w.moderator,
				{
					targetType: 'entry',
					targetId: reply.entryId,
					action: 'restore',
					reason: null,
					note: 'On reflection, fair comment.'
				},
				T0 + 7 * DAY
			)
		).toEqual({ ok: true });
		expect(listThread(db, w.reportId)).toHaveLength(1);
		expect(listHidden(db)).toEqual([]);
		expect(rollupDrift(db)).toEqual([]);
	});
});
