import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Connection } from '../db/client';
import { companyResponse, followupQuestion, mailOutbox, notification, report } from '../db/schema';
import { setRole } from '../auth/roles';
import { grantRepresentative } from '../companies/representatives';
import { jobKinds } from '../jobs/kinds';
import { runDueJobs } from '../jobs/runner';
import { outboxTransport } from '../mail/mail';
import { moderate } from '../moderation/moderation';
import { renderNotice } from '../notifications/notices';
import { rememberUserLocale } from '../notifications/notifications';
import { answerResponse, postResponse } from '../responses/responses';
import { listMyReports } from '../authors/my-reports';
import { rollupDrift } from '../testing/rollup-drift';
import { createTestDb } from '../testing/db';
import { makeReport, makeUser } from '../testing/factories';
import { getExportRow } from '../reports/export';
import { readOutcomeHistory } from './outcome-history';
import {
	answerFollowupAsAuthor,
	answerFollowupByToken,
	askDueFollowups,
	LINK_VALID_MS,
	readFollowupByToken
} from './followups';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const T0 = Date.UTC(2026, 0, 5, 9);
const ORIGIN = 'https://recourse.example';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

async function filed(outcome: 'unresolved' | 'partly-resolved' | 'resolved' = 'unresolved') {
	const author = await makeUser(db);
	const reportId = makeReport(
		db,
		author.id,
		{
			website: 'https://acme-telecom.example',
			outcome,
			resolvedBy: outcome === 'resolved' ? 'regulator' : null
		},
		T0
	);
	return { author, reportId };
}

const context = (now: number) => ({ db, mail: outboxTransport(db, () => now), origin: ORIGIN });

/** Runs the app's jobs at each of these times, as the server's timer would. */
async function runAt(...times: number[]) {
	for (const now of times) await runDueJobs(context(now), jobKinds, now);
}

const questions = () => db.select().from(followupQuestion).orderBy(followupQuestion.id).all();
/** The answer links the newest mail holds, by answer. */
function mailedLinks() {
	const mails = db.select().from(mailOutbox).orderBy(mailOutbox.id).all();
	const text = mails[mails.length - 1]?.text ?? '';
	return Object.fromEntries(
		[...text.matchAll(/https:\/\/\S+\/followup\/([\w-]+)\?answer=([\w-]+)/g)].map((m) => [
			m[2],
			m[1]
		])
	) as Record<string, string>;
}

describe('follow-up questions', () => {
	it('asks 2, 4 and 8 weeks after filing, each once, with a notice and a mail', async () => {
		const { author, reportId } = await filed();
		await runAt(T0 + WEEK, T0 + 2 * WEEK - DAY);
		expect(questions()).toEqual([]);
		await runAt(T0 + 2 * WEEK, T0 + 2 * WEEK + 2 * 3_600_000, T0 + 3 * WEEK);
		expect(questions().map((q) => q.weeks)).toEqual([2]);
		await runAt(T0 + 4 * WEEK + 3_600_000, T0 + 8 * WEEK + 3 * 3_600_000, T0 + 12 * WEEK);
		expect(questions().map((q) => [q.reportId, q.weeks])).toEqual([
			[reportId, 2],
			[reportId, 4],
			[reportId, 8]
		]);
		const mails = db.select().from(mailOutbox).all();
		expect(mails.map((m) => m.to)).toEqual([author.email, author.email, author.email]);
		expect(mails[0]!.subject).toBe('Is it fixed? “Dial tone cut early and out for days”');
		expect(Object.keys(mailedLinks()).sort()).toEqual(['no', 'not-sure', 'partly', 'yes']);
		const notices = db.select().from(notification).where(eq(notification.userId, author.id)).all();
		expect(notices.map((n) => renderNotice(n, 'de'))).toContain(
			'Ist das Problem aus deiner Meldung „Dial tone cut early and out for days“ behoben? Antworte unter „Meine Meldungen“ oder über den Link in der E-Mail.'
		);
	});

	it("writes the mail in the author's language, with links in it", async () => {
		const { author } = await filed();
		rememberUserLocale(db, author.id, 'de');
		await runAt(T0 + 2 * WEEK);
		const mail = db.select().from(mailOutbox).get()!;
		expect(mail.subject).toBe('Ist es behoben? „Dial tone cut early and out for days“');
		expect(mail.text).toContain('vor 2 Wochen gemeldet');
		expect(mail.text).toMatch(
			/Nein: https:\/\/recourse\.example\/de\/followup\/[\w-]{43}\?answer=no/
		);
	});

	it('asks nothing about a resolved report, nor about a hidden one', async () => {
		await filed('resolved');
		const { reportId } = await filed();
		const moderator = await makeUser(db);
		setRole(db, { email: moderator.email, role: 'moderator', actorId: null });
		const hidden = moderate(
			db,
			{ id: moderator.id, role: 'moderator' },
			{ targetType: 'report', targetId: reportId, action: 'hide', reason: 'spam', note: 'spam' },
			T0 + DAY
		);
		expect(hidden.ok).toBe(true);
		await runAt(T0 + 2 * WEEK, T0 + 4 * WEEK, T0 + 8 * WEEK);
		expect(questions()).toEqual([]);
		expect(db.select().from(mailOutbox).all()).toEqual([]);
	});

	it('stops asking once the author says it is fixed', async () => {
		const { reportId } = await filed();
		await runAt(T0 + 2 * WEEK);
		expect(answerFollowupByToken(db, mailedLinks().yes!, 'yes', T0 + 15 * DAY)).toEqual({
			ok: true,
			reportId,
			outcome: 'resolved'
		});
		await runAt(T0 + 4 * WEEK, T0 + 8 * WEEK);
		expect(questions().map((q) => q.weeks)).toEqual([2]);
	});

	it('skips questions long past due instead of asking a backlog at once', async () => {
		await filed();
		await runAt(T0 + 20 * WEEK);
		expect(questions()).toEqual([]);
	});

	it('two runners at the same moment ask each question once', async () => {
		await filed();
		const now = T0 + 2 * WEEK;
		await Promise.all([askDueFollowups({ ...context(now), now }), runAt(now)]);
		expect(questions()).toHaveLength(1);
		expect(db.select().from(mailOutbox).all()).toHaveLength(1);
	});
});

describe('answering by the mailed link', () => {
	it('records the answer once, moves the outcome and keeps its history', async () => {
		const { reportId } = await filed();
		await runAt(T0 + 2 * WEEK);
		const token = mailedLinks().partly!;
		expect(readFollowupByToken(db, token, T0 + 15 * DAY)?.status).toBe('open');
		expect(answerFollowupByToken(db, token, 'partly', T0 + 15 * DAY)).toMatchObject({
			ok: true,
			outcome: 'partly-resolved'
		});
		// A second use, with any answer, is refused and changes nothing.
		expect(answerFollowupByToken(db, token, 'yes', T0 + 16 * DAY)).toEqual({
			ok: false,
			reason: 'used'
		});
		expect(db.select().from(report).get()?.outcome).toBe('partly-resolved');
		expect(readOutcomeHistory(db, reportId)?.steps).toEqual([
			{ outcome: 'unresolved', at: T0 },
			{ outcome: 'partly-resolved', at: T0 + 15 * DAY }
		]);
		expect(getExportRow(db, reportId, ORIGIN)).toMatchObject({
			followup_answer: 'partly',
			followup_date: new Date(T0 + 15 * DAY).toISOString()
		});
		expect(rollupDrift(db)).toEqual([]);
	});

	it('refuses an expired link and an unknown one', async () => {
		await filed();
		await runAt(T0 + 2 * WEEK);
		const token = mailedLinks().no!;
		const late = T0 + 2 * WEEK + LINK_VALID_MS;
		expect(readFollowupByToken(db, token, late)?.status).toBe('expired');
		expect(answerFollowupByToken(db, token, 'no', late)).toEqual({ ok: false, reason: 'expired' });
		expect(answerFollowupByToken(db, 'not-a-token', 'no', T0)).toEqual({
			ok: false,
			reason: 'not-found'
		});
	});

	it('measures time to resolution from the answer', async () => {
		const { reportId } = await filed();
		await runAt(T0 + 2 * WEEK);
		answerFollowupByToken(db, mailedLinks().yes!, 'yes', T0 + 20 * DAY);
		expect(readOutcomeHistory(db, reportId)?.daysToResolution).toBe(20);
		expect(db.select().from(report).get()?.resolvedOn).toBe('2026-01-25');
		expect(rollupDrift(db)).toEqual([]);
	});

	it('counts a response that said "fixed" as not fixed when the author says no', async () => {
		const { author, reportId } = await filed();
		const moderator = await makeUser(db);
		setRole(db, { email: moderator.email, role: 'moderator', actorId: null });
		const rep = await makeUser(db);
		const companyId = db.select().from(report).get()!.companyId;
		grantRepresentative(
			db,
			{ id: moderator.id, role: 'moderator' },
			{ companyId, email: rep.email, reason: 'test' }
		);
		const mail = outboxTransport(db, () => T0);
		const posted = await postResponse(
			db,
			mail,
			{ id: rep.id, role: 'user' },
			reportId,
			{ body: 'We restored the line.', action: 'fixed' },
			ORIGIN,
			T0 + DAY
		);
		expect(posted.ok).toBe(true);
		expect(
			answerResponse(
				db,
				{ id: author.id, role: 'user' },
				reportId,
				{ verdict: 'accepted', comment: '', outcome: 'partly-resolved' },
				T0 + 2 * DAY
			)
		).toEqual({ ok: true });
		await runAt(T0 + 2 * WEEK);
		expect(answerFollowupByToken(db, mailedLinks().no!, 'no', T0 + 15 * DAY)).toMatchObject({
			ok: true,
			outcome: 'unresolved'
		});
		expect(db.select().from(companyResponse).get()?.verdict).toBe('disputed');
		expect(rollupDrift(db)).toEqual([]);
	});
});

describe('answering from My reports', () => {
	it('shows the open question to its author, who answers it; nobody else may', async () => {
		const { author, reportId } = await filed();
		const stranger = await makeUser(db);
		await runAt(T0 + 2 * WEEK);
		const now = T0 + 15 * DAY;
		expect(listMyReports(db, author.id, { now }).reports[0]?.followup).toEqual({
			weeks: 2,
			askedAt: T0 + 2 * WEEK
		});
		expect(
			answerFollowupAsAuthor(db, { id: stranger.id, role: 'user' }, reportId, 'no', now)
		).toEqual({ ok: false, reason: 'forbidden' });
		expect(
			answerFollowupAsAuthor(db, { id: author.id, role: 'user' }, reportId, 'not-sure', now)
		).toMatchObject({ ok: true, outcome: 'unresolved' });
		expect(listMyReports(db, author.id, { now }).reports[0]?.followup).toBeNull();
		// The mailed link of the same question is spent too.
		expect(answerFollowupByToken(db, mailedLinks().yes!, 'yes', now)).toEqual({
			ok: false,
			reason: 'used'
		});
	});
});
