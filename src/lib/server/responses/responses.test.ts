import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Connection } from '../db/client';
import {
	auditLog,
	company,
	companyRepresentative,
	mailOutbox,
	notification,
	report
} from '../db/schema';
import type { ReportInput } from '../../validation/report';
import { setRole, type Actor } from '../auth/roles';
import {
	grantRepresentative,
	isRepresentative,
	revokeRepresentative,
	startClaim,
	verifyClaim
} from '../companies/representatives';
import { outboxTransport } from '../mail/mail';
import { companyScope } from '../reports/rollups';
import { rollupDrift } from '../testing/rollup-drift';
import { createReport } from '../reports/reports';
import { getScorecard } from '../reports/scorecard';
import { renderNotice } from '../notifications/notices';
import { createTestDb } from '../testing/db';
import { makeCompany, makeUser, reportInput } from '../testing/factories';
import {
	answerResponse,
	editResponse,
	getResponse,
	listAwaitingResponse,
	postResponse,
	RESPONSE_EDIT_WINDOW
} from './responses';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const answer = {
	body: 'We are sorry: the billing error has been corrected and the balance refunded.',
	action: 'monetary-relief' as const
};

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

/** The code of the latest message in the development outbox. */
function lastCode(): string {
	const rows = db.select().from(mailOutbox).all();
	const text = rows[rows.length - 1]?.text ?? '';
	const code = text.match(/code: (\d{6})/)?.[1];
	if (!code) throw new Error(`no code in outbox: ${text}`);
	return code;
}

/** The messages the development outbox holds for an address. */
function mailsTo(address: string) {
	return db
		.select()
		.from(mailOutbox)
		.all()
		.filter((m) => m.to === address);
}

async function world(facts: Partial<ReportInput> = {}) {
	const acme = makeCompany(db, 'Acme Telecom', 'https://acme-telecom.example');
	const other = makeCompany(db, 'Other Energy', 'https://other-energy.example');
	const author = await makeUser(db);
	const stranger = await makeUser(db);
	const rep = await makeUser(db);
	const otherRep = await makeUser(db);
	const moderator = await makeUser(db);
	setRole(db, { email: moderator.email, role: 'moderator', actorId: null });
	const made = createReport(db, reportInput({ company: 'Acme Telecom', ...facts }), author.id, T0);
	if (!made.ok) throw new Error('report');
	const mail = outboxTransport(db, () => T0);
	for (const [user, company, email] of [
		[rep, acme, 'care@acme-telecom.example'],
		[otherRep, other, 'press@other-energy.example']
	] as const) {
		const started = await startClaim(
			db,
			mail,
			{
				userId: user.id,
				companyId: company.id,
				email,
				companyName: company.name,
				domain: company.domain
			},
			T0
		);
		expect(started.ok).toBe(true);
		expect(
			verifyClaim(db, { userId: user.id, companyId: company.id, code: lastCode() }, T0)
		).toEqual({
			ok: true
		});
	}
	const actor = (u: { id: string }, role = 'user'): Actor => ({ id: u.id, role });
	return {
		acme,
		other,
		reportId: made.id,
		mail,
		actors: {
			anonymous: null,
			author: actor(author),
			stranger: actor(stranger),
			rep: actor(rep),
			otherRep: actor(otherRep),
			moderator: actor(moderator, 'moderator')
		},
		author
	};
}

describe('claiming a company', () => {
	it('mails a code to an address on the company domain and verifies it', async () => {
		const acme = makeCompany(db, 'Acme Telecom', 'https://www.acme-telecom.example');
		const user = await makeUser(db);
		const mail = outboxTransport(db, () => T0);
		const base = {
			userId: user.id,
			companyId: acme.id,
			companyName: acme.name,
			domain: acme.domain
		};
		expect(await startClaim(db, mail, { ...base, email: 'me@gmail.example' }, T0)).toEqual({
			ok: false,
			reason: 'wrong-domain'
		});
		// A look-alike domain is not the company's.
		expect(
			await startClaim(db, mail, { ...base, email: 'me@evilacme-telecom.example' }, T0)
		).toMatchObject({ ok: false, reason: 'wrong-domain' });
		expect(db.select().from(mailOutbox).all()).toHaveLength(0);

		expect(
			await startClaim(db, mail, { ...base, email: 'Me@Support.Acme-Telecom.example' }, T0)
		).toMatchObject({ ok: true });
		const [sent] = db.select().from(mailOutbox).all();
		expect(sent?.to).toBe('me@support.acme-telecom.example');
		const code = lastCode();
		const wrong = code === '000000' ? '000001' : '000000';
		expect(verifyClaim(db, { userId: user.id, companyId: acme.id, code: wrong }, T0)).toEqual({
			ok: false,
			reason: 'wrong-code'
		});
		expect(isRepresentative(db, user.id, acme.id)).toBe(false);
		expect(verifyClaim(db, { userId: user.id, companyId: acme.id, code }, T0 + 60_000)).toEqual({
			ok: true
		});
		expect(isRepresentative(db, user.id, acme.id)).toBe(true);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((e) => e.action)
		).toContain('representative.verified');
		// A used code cannot be used again.
		expect(verifyClaim(db, { userId: user.id, companyId: acme.id, code }, T0)).toMatchObject({
			ok: false
		});
	});

	it('refuses expired codes and locks after five wrong ones', async () => {
		const acme = makeCompany(db, 'Acme Telecom', 'https://acme-telecom.example');
		const user = await makeUser(db);
		const mail = outboxTransport(db, () => T0);
		const input = {
			userId: user.id,
			companyId: acme.id,
			companyName: acme.name,
			domain: acme.domain,
			email: 'a@acme-telecom.example'
		};
		await startClaim(db, mail, input, T0);
		const code = lastCode();
		expect(
			verifyClaim(db, { userId: user.id, companyId: acme.id, code }, T0 + 31 * 60_000)
		).toEqual({
			ok: false,
			reason: 'expired'
		});
		await startClaim(db, mail, input, T0);
		const fresh = lastCode();
		const wrong = fresh === '999999' ? '999998' : '999999';
		for (let i = 0; i < 4; i++) {
			expect(
				verifyClaim(db, { userId: user.id, companyId: acme.id, code: wrong }, T0)
			).toMatchObject({
				reason: 'wrong-code'
			});
		}
		expect(verifyClaim(db, { userId: user.id, companyId: acme.id, code: wrong }, T0)).toMatchObject(
			{
				reason: 'too-many-attempts'
			}
		);
		// Even the right code is refused once the claim is locked.
		expect(verifyClaim(db, { userId: user.id, companyId: acme.id, code: fresh }, T0)).toMatchObject(
			{
				reason: 'too-many-attempts'
			}
		);
		expect(isRepresentative(db, user.id, acme.id)).toBe(false);
	});

	it('limits codes per hour, and refuses companies without a domain', async () => {
		const acme = makeCompany(db, 'Acme Telecom', 'https://acme-telecom.example');
		const user = await makeUser(db);
		const mail = outboxTransport(db, () => T0);
		const input = {
			userId: user.id,
			companyId: acme.id,
			companyName: acme.name,
			domain: acme.domain,
			email: 'a@acme-telecom.example'
		};
		for (let i = 0; i < 5; i++) expect((await startClaim(db, mail, input, T0 + i)).ok).toBe(true);
		expect(await startClaim(db, mail, input, T0 + 10)).toEqual({ ok: false, reason: 'too-many' });
		expect((await startClaim(db, mail, input, T0 + 61 * 60_000)).ok).toBe(true);
		expect(await startClaim(db, mail, { ...input, domain: null }, T0)).toEqual({
			ok: false,
			reason: 'no-domain'
		});
	});

	it('lets only moderators grant and revoke by hand, with an audit entry', async () => {
		const { acme, actors, author } = await world();
		const byStranger = grantRepresentative(db, actors.stranger, {
			companyId: acme.id,
			email: author.email,
			reason: 'x'
		});
		expect(byStranger).toEqual({ ok: false, reason: 'forbidden' });
		expect(
			grantRepresentative(db, actors.moderator, {
				companyId: acme.id,
				email: author.email,
				reason: 'Known contact'
			})
		).toEqual({ ok: true });
		expect(isRepresentative(db, author.id, acme.id)).toBe(true);
		const row = db
			.select()
			.from(companyRepresentative)
			.where(eq(companyRepresentative.userId, author.id))
			.get()!;
		expect(
			revokeRepresentative(db, actors.rep!, {
				companyId: acme.id,
				representativeId: row.id,
				reason: 'x'
			})
		).toEqual({ ok: false, reason: 'forbidden' });
		expect(
			revokeRepresentative(db, actors.moderator, {
				companyId: acme.id,
				representativeId: row.id,
				reason: 'Left the company'
			})
		).toEqual({ ok: true });
		expect(isRepresentative(db, author.id, acme.id)).toBe(false);
		const trail = db
			.select()
			.from(auditLog)
			.all()
			.filter((e) => e.action !== 'representative.verified' && e.action !== 'user.role');
		expect(trail.map((e) => [e.action, e.reason, e.actorId])).toEqual([
			['representative.granted', 'Known contact', actors.moderator.id],
			['representative.revoked', 'Left the company', actors.moderator.id]
		]);
	});
});

describe('responding to a report', () => {
	it('runs claim → respond → notify → dispute, and the thread reads back', async () => {
		const { reportId, mail, actors, author } = await world();
		const result = await postResponse(
			db,
			mail,
			actors.rep!,
			reportId,
			answer,
			'https://recourse.test',
			T0 + 3 * DAY
		);
		expect(result.ok).toBe(true);
		const notices = db.select().from(notification).where(eq(notification.userId, author.id)).all();
		expect(notices).toHaveLength(1);
		expect(renderNotice(notices[0]!, 'en')).toContain('Acme Telecom answered your report');
		const mailed = db
			.select()
			.from(mailOutbox)
			.all()
			.filter((m) => m.to === author.email);
		expect(mailed).toHaveLength(1);
		expect(mailed[0]!.text).toContain(`https://recourse.test/reports/${reportId}`);

		expect(
			answerResponse(
				db,
				actors.author!,
				reportId,
				{ verdict: 'disputed', comment: 'No refund arrived.', outcome: 'unresolved' },
				T0 + 4 * DAY
			)
		).toEqual({ ok: true });
		const thread = getResponse(db, reportId)!;
		expect(thread).toMatchObject({
			action: 'monetary-relief',
			verdict: 'disputed',
			verdictComment: 'No refund arrived.',
			timely: true
		});
		expect(thread.bodyHtml).toContain('<p>We are sorry');
		expect(db.select({ o: report.outcome }).from(report).get()?.o).toBe('unresolved');
	});

	it('mails the author of an unresolved case the next body to turn to and its date', async () => {
		const { reportId, mail, actors, author, acme } = await world({
			country: 'ES',
			region: null,
			startedOn: '2025-12-20',
			endedOn: null,
			outcome: 'unresolved',
			resolvedBy: null,
			escalations: []
		});
		db.update(company).set({ industry: 'telecom' }).where(eq(company.id, acme.id)).run();
		await postResponse(db, mail, actors.rep!, reportId, answer, 'https://recourse.test', T0);
		const [mailed] = mailsTo(author.email);
		// One month after the first contact (20 December), in the author's language.
		expect(mailed!.text).toContain(
			'Oficina de Atención al Usuario de Telecomunicaciones takes your case from January 20, 2026'
		);
		expect(mailed!.text).toContain('https://www.usuariosteleco.gob.es/');
		expect(mailed!.text).toContain('https://recourse.test/guide/es/telecom');
	});

	it('mails no next step once the case is resolved', async () => {
		const { reportId, mail, actors, author } = await world({ country: 'ES', outcome: 'resolved' });
		await postResponse(db, mail, actors.rep!, reportId, answer, 'https://recourse.test', T0);
		const [mailed] = mailsTo(author.email);
		expect(mailed!.text).not.toContain('/guide/');
	});

	it('refuses a second response, and edits only within 48 hours', async () => {
		const { reportId, mail, actors } = await world();
		await postResponse(db, mail, actors.rep!, reportId, answer, '', T0);
		expect(await postResponse(db, mail, actors.rep!, reportId, answer, '', T0)).toEqual({
			ok: false,
			reason: 'already-responded'
		});
		const edited = {
			body: 'Corrected: the refund was sent on 12 January by bank transfer.',
			action: 'fixed' as const
		};
		expect(editResponse(db, actors.rep!, reportId, edited, T0 + DAY)).toEqual({ ok: true });
		expect(getResponse(db, reportId)).toMatchObject({ action: 'fixed', editedAt: T0 + DAY });
		expect(editResponse(db, actors.rep!, reportId, answer, T0 + RESPONSE_EDIT_WINDOW + 1)).toEqual({
			ok: false,
			reason: 'too-late'
		});
		expect(getResponse(db, reportId)?.body).toBe(edited.body);
	});

	// Who may do what: every actor against every action, on a fresh world each time.
	const matrix = {
		respond: {
			anonymous: false,
			author: false,
			stranger: false,
			rep: true,
			otherRep: false,
			moderator: false
		},
		edit: {
			anonymous: false,
			author: false,
			stranger: false,
			rep: true,
			otherRep: false,
			moderator: false
		},
		answer: {
			anonymous: false,
			author: true,
			stranger: false,
			rep: false,
			otherRep: false,
			moderator: false
		}
	} as const;
	for (const [action, allowed] of Object.entries(matrix)) {
		for (const [who, may] of Object.entries(allowed)) {
			it(`${who} ${may ? 'may' : 'may not'} ${action}`, async () => {
				const w = await world();
				const actor = w.actors[who as keyof typeof w.actors];
				// The anonymous visitor has no actor: routes refuse before the domain is reached,
				// and an impostor id with no rights stands in for them here.
				const as: Actor = actor ?? { id: 'nobody', role: 'user' };
				if (action !== 'respond')
					await postResponse(db, w.mail, w.actors.rep!, w.reportId, answer, '', T0);
				const before = getResponse(db, w.reportId);
				const result =
					action === 'respond'
						? await postResponse(db, w.mail, as, w.reportId, answer, '', T0)
						: action === 'edit'
							? editResponse(
									db,
									as,
									w.reportId,
									{ body: 'An edited answer from someone, long enough.', action: 'no-action' },
									T0 + 1
								)
							: answerResponse(
									db,
									as,
									w.reportId,
									{ verdict: 'accepted', comment: '', outcome: 'resolved' },
									T0 + 1
								);
				expect(result.ok).toBe(may);
				const after = getResponse(db, w.reportId);
				if (may) expect(after).not.toEqual(before);
				else {
					expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
					expect(after).toEqual(before);
				}
			});
		}
	}
});

describe('scorecard figures from responses', () => {
	it('counts rate, timeliness, median days, verdicts and resolved-after on known data', async () => {
		const { acme, mail, actors } = await world();
		// Five more reports: answered after 1, 3, 20 days; two never answered.
		const ids: number[] = [];
		for (let i = 0; i < 5; i++) {
			const made = createReport(
				db,
				reportInput({ company: 'Acme Telecom', outcome: 'unresolved' }),
				actors.author!.id,
				T0 + i
			);
			if (!made.ok) throw new Error('report');
			ids.push(made.id);
		}
		await postResponse(db, mail, actors.rep!, ids[0]!, answer, '', T0 + 1 * DAY + 5);
		await postResponse(db, mail, actors.rep!, ids[1]!, answer, '', T0 + 3 * DAY + 5);
		await postResponse(db, mail, actors.rep!, ids[2]!, answer, '', T0 + 20 * DAY + 5);
		answerResponse(
			db,
			actors.author!,
			ids[0]!,
			{ verdict: 'accepted', comment: '', outcome: 'resolved' },
			T0 + 2 * DAY
		);
		answerResponse(
			db,
			actors.author!,
			ids[1]!,
			{ verdict: 'disputed', comment: 'Still broken.', outcome: 'unresolved' },
			T0 + 4 * DAY
		);
		answerResponse(
			db,
			actors.author!,
			ids[2]!,
			{ verdict: 'accepted', comment: '', outcome: 'partly-resolved' },
			T0 + 21 * DAY
		);

		const card = getScorecard(db, companyScope(acme.id));
		expect(card.responses).toEqual([
			{
				source: 'recourse',
				reports: 6,
				responded: 3,
				timely: 2,
				accepted: 2,
				disputed: 1,
				resolvedAfter: 1
			}
		]);
		expect(card.responseDays).toMatchObject({ n: 3, median: 3 });
		expect(card.outcomes.find((o) => o.key === 'resolved')?.n).toBe(2);

		// The incremental figures equal a rebuild from the tables.
		expect(rollupDrift(db)).toEqual([]);
	});

	it('lists reports awaiting a response, oldest first, by category', async () => {
		const { acme, mail, actors, reportId } = await world();
		const later = createReport(
			db,
			reportInput({ company: 'Acme Telecom', category: 'billing-error' }),
			actors.author!.id,
			T0 + DAY
		);
		const latest = createReport(
			db,
			reportInput({ company: 'Acme Telecom', category: 'billing-error' }),
			actors.author!.id,
			T0 + 2 * DAY
		);
		if (!later.ok || !latest.ok) throw new Error('report');
		expect(listAwaitingResponse(db, acme.id).reports.map((r) => r.id)).toEqual([
			reportId,
			later.id,
			latest.id
		]);
		await postResponse(db, mail, actors.rep!, later.id, answer, '', T0 + 3 * DAY);
		expect(listAwaitingResponse(db, acme.id).reports.map((r) => r.id)).toEqual([
			reportId,
			latest.id
		]);
		expect(
			listAwaitingResponse(db, acme.id, { category: 'billing-error' }).reports.map((r) => r.id)
		).toEqual([latest.id]);
		const first = listAwaitingResponse(db, acme.id, { limit: 1 });
		expect(first.next).not.toBeNull();
	});
});
