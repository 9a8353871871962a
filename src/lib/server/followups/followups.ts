/**
 * "Closed is not fixed": while a report is not resolved, its author is asked 2, 4 and 8 weeks
 * after filing whether it is fixed (a notice and a mail with single-use links), and the answer
 * moves the report's outcome, its figures and, for a company response that said "fixed", the
 * response's verdict (docs/decisions/029-jobs-and-follow-ups.md).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, lte, ne, notExists, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Db } from '../db/client';
import {
	companyResponse,
	followupQuestion,
	report,
	user,
	type FollowupQuestion
} from '../db/schema';
import type { FollowupAnswer } from '../../followup-answers';
import type { Actor } from '../auth/roles';
import type { MailMessage } from '../mail/mail';
import { notify } from '../notifications/notifications';
import { readerLocale } from '../notifications/notices';
import { countReport } from '../reports/report-figures';
import { oneLine } from '../../one-line';
import type { Outcome } from '../../taxonomy';
import type { JobContext } from '../jobs/runner';

const DAY_MS = 86_400_000;
/** Weeks after filing at which the author is asked. */
export const FOLLOWUP_WEEKS = [2, 4, 8] as const;
/**
 * How late a question may still be asked: a runner stopped for longer skips it, and a database
 * of old reports gets no flood of questions about cases filed long before follow-ups existed.
 */
export const CATCH_UP_MS = 7 * DAY_MS;
/** How long a mailed link answers (past the next question's date: either may be answered). */
export const LINK_VALID_MS = 28 * DAY_MS;

/** The outcome each answer states; "not sure" leaves the outcome as it is. */
const outcomeOf: Record<FollowupAnswer, Outcome | null> = {
	yes: 'resolved',
	partly: 'partly-resolved',
	no: 'unresolved',
	'not-sure': null
};

/** A question still waiting for its answer at `now`. */
const isOpen = (now: number) =>
	and(isNull(followupQuestion.answeredAt), gt(followupQuestion.expiresAt, now));

export function hashFollowupToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

type Asked = { reportId: number; weeks: number; token: string };

/** Reports whose `weeks` question is due at `now`: not resolved, visible, by an author, not yet asked. */
function dueReports(db: Db, weeks: number, now: number) {
	const dueAt = now - weeks * 7 * DAY_MS;
	return db
		.select({
			id: report.id,
			title: report.title,
			language: report.language,
			authorId: report.authorId,
			email: user.email,
			locale: user.locale
		})
		.from(report)
		.innerJoin(user, eq(user.id, report.authorId))
		.where(
			and(
				lte(report.createdAt, dueAt),
				gt(report.createdAt, dueAt - CATCH_UP_MS),
				eq(report.source, 'recourse'),
				isNull(report.hiddenAt),
				ne(report.outcome, 'resolved'),
				notExists(
					db
						.select({ one: sql`1` })
						.from(followupQuestion)
						.where(and(eq(followupQuestion.reportId, report.id), eq(followupQuestion.weeks, weeks)))
				)
			)
		)
		.all();
}

/** The mail asking one question, in the author's language, with one link per answer. */
function questionMail(
	to: { email: string; locale: string | null; language: string },
	r: { id: number; title: string },
	token: string,
	weeks: number,
	origin: string
): MailMessage {
	const locale = readerLocale(to.locale, to.language);
	const link = (answer: FollowupAnswer) =>
		origin + localizeHref(`/followup/${token}`, { locale }) + `?answer=${answer}`;
	return {
		to: to.email,
		subject: m.mail_followup_subject({ title: oneLine(r.title) }, { locale }),
		text: m.mail_followup_text(
			{
				title: oneLine(r.title),
				weeks: String(weeks),
				yes: link('yes'),
				partly: link('partly'),
				no: link('no'),
				notSure: link('not-sure'),
				report: origin + localizeHref(`/reports/${r.id}`, { locale })
			},
			{ locale }
		)
	};
}

/**
 * Asks every question due at `now`, each once: the question's row (unique per report and step)
 * and the notice are written together, the mail sent after. The `followup-questions` job.
 */
export async function askDueFollowups({ db, mail, origin, now }: JobContext): Promise<Asked[]> {
	const asked: Asked[] = [];
	for (const weeks of FOLLOWUP_WEEKS) {
		for (const r of dueReports(db, weeks, now)) {
			const token = randomBytes(32).toString('base64url');
			const inserted = db.transaction(
				(tx) => {
					const row = tx
						.insert(followupQuestion)
						.values({
							reportId: r.id,
							weeks,
							tokenHash: hashFollowupToken(token),
							askedAt: now,
							expiresAt: now + LINK_VALID_MS
						})
						.onConflictDoNothing()
						.returning({ id: followupQuestion.id })
						.get();
					if (!row) return false;
					notify(
						tx,
						{
							userId: r.authorId!,
							reportId: r.id,
							notice: { key: 'followup-asked', params: { title: oneLine(r.title) } }
						},
						now
					);
					return true;
				},
				{ behavior: 'immediate' }
			);
			// Another process asked it first.
			if (!inserted) continue;
			asked.push({ reportId: r.id, weeks, token });
			await mail.send(questionMail({ ...r, email: r.email }, r, token, weeks, origin));
		}
	}
	return asked;
}

export type FollowupView = {
	question: FollowupQuestion;
	report: { id: number; title: string; language: string; outcome: Outcome };
	status: 'open' | 'answered' | 'expired';
};

function viewOf(db: Db, question: FollowupQuestion | undefined, now: number): FollowupView | null {
	if (!question) return null;
	const r = db
		.select({
			id: report.id,
			title: report.title,
			language: report.language,
			outcome: report.outcome,
			hiddenAt: report.hiddenAt
		})
		.from(report)
		.where(eq(report.id, question.reportId))
		.get();
	if (!r || r.hiddenAt !== null) return null;
	const status =
		question.answeredAt !== null ? 'answered' : question.expiresAt <= now ? 'expired' : 'open';
	return { question, report: r, status };
}

/** The question a mailed link names, or null for an unknown link or a hidden report. */
export function readFollowupByToken(db: Db, token: string, now = Date.now()): FollowupView | null {
	const question = db
		.select()
		.from(followupQuestion)
		.where(eq(followupQuestion.tokenHash, hashFollowupToken(token)))
		.get();
	return viewOf(db, question, now);
}

export type AnswerResult =
	| { ok: true; reportId: number; outcome: Outcome }
	| { ok: false; reason: 'not-found' | 'forbidden' | 'used' | 'expired' };

/**
 * Records one answer: the question is closed (with any other still open for the report), the
 * outcome it states is set (its figures move with it), and a company response that said "fixed"
 * is counted as disputed when the author says it is not fixed.
 */
function recordAnswer(tx: Db, question: FollowupQuestion, answer: FollowupAnswer, now: number) {
	const closed = tx
		.update(followupQuestion)
		.set({ answer, answeredAt: now })
		.where(and(eq(followupQuestion.id, question.id), isNull(followupQuestion.answeredAt)))
		.returning({ id: followupQuestion.id })
		.get();
	if (!closed) return false;
	// The other open questions of the report are answered by this one.
	tx.update(followupQuestion)
		.set({ expiresAt: now })
		.where(and(eq(followupQuestion.reportId, question.reportId), isOpen(now)))
		.run();
	const r = tx.select().from(report).where(eq(report.id, question.reportId)).get()!;
	const outcome = outcomeOf[answer];
	const response = tx
		.select()
		.from(companyResponse)
		.where(and(eq(companyResponse.reportId, r.id), isNull(companyResponse.hiddenAt)))
		.get();
	const disputes =
		answer === 'no' && response?.action === 'fixed' && response.verdict !== 'disputed';
	if ((!outcome || outcome === r.outcome) && !disputes) return true;
	// Every figure of the report and its response leaves, then comes back with the new facts.
	countReport(tx, r.id, -1);
	if (outcome && outcome !== r.outcome) {
		const resolvedOn =
			outcome === 'resolved' && !r.resolvedOn ? new Date(now).toISOString().slice(0, 10) : null;
		tx.update(report)
			.set({ outcome, updatedAt: now, ...(resolvedOn ? { resolvedOn } : {}) })
			.where(eq(report.id, r.id))
			.run();
	}
	if (disputes) {
		tx.update(companyResponse)
			.set({ verdict: 'disputed', verdictAt: now, resolvedAfter: false })
			.where(eq(companyResponse.id, response!.id))
			.run();
	}
	countReport(tx, r.id, 1);
	return true;
}

function answered(
	tx: Db,
	view: FollowupView | null,
	answer: FollowupAnswer,
	now: number
): AnswerResult {
	if (!view) return { ok: false, reason: 'not-found' };
	if (view.status === 'answered') return { ok: false, reason: 'used' };
	if (view.status === 'expired') return { ok: false, reason: 'expired' };
	if (!recordAnswer(tx, view.question, answer, now)) return { ok: false, reason: 'used' };
	const outcome = tx
		.select({ outcome: report.outcome })
		.from(report)
		.where(eq(report.id, view.report.id))
		.get()!.outcome;
	return { ok: true, reportId: view.report.id, outcome };
}

/** Answers by a mailed link: the token is the authority, once, until it expires. */
export function answerFollowupByToken(
	db: Db,
	token: string,
	answer: FollowupAnswer,
	now = Date.now()
): AnswerResult {
	return db.transaction((tx) => answered(tx, readFollowupByToken(tx, token, now), answer, now), {
		behavior: 'immediate'
	});
}

/** The newest question of a report still waiting for its answer, if any. */
function openQuestion(db: Db, reportId: number, now: number): FollowupQuestion | undefined {
	return db
		.select()
		.from(followupQuestion)
		.where(and(eq(followupQuestion.reportId, reportId), isOpen(now)))
		.orderBy(desc(followupQuestion.weeks))
		.get();
}

/** Answers as the signed-in author (My reports): only they may, only an open question. */
export function answerFollowupAsAuthor(
	db: Db,
	actor: Actor,
	reportId: number,
	answer: FollowupAnswer,
	now = Date.now()
): AnswerResult {
	return db.transaction(
		(tx): AnswerResult => {
			const r = tx
				.select({ authorId: report.authorId, hiddenAt: report.hiddenAt })
				.from(report)
				.where(eq(report.id, reportId))
				.get();
			if (!r || r.hiddenAt !== null) return { ok: false, reason: 'not-found' };
			if (r.authorId !== actor.id) return { ok: false, reason: 'forbidden' };
			const question = openQuestion(tx, reportId, now);
			if (!question) return { ok: false, reason: 'used' };
			return answered(tx, viewOf(tx, question, now), answer, now);
		},
		{ behavior: 'immediate' }
	);
}

/** The open question of each of these reports (one query), by report id. */
export function openQuestionsOf(db: Db, reportIds: number[], now = Date.now()) {
	if (reportIds.length === 0) return new Map<number, { weeks: number; askedAt: number }>();
	const rows = db
		.select({
			reportId: followupQuestion.reportId,
			weeks: followupQuestion.weeks,
			askedAt: followupQuestion.askedAt
		})
		.from(followupQuestion)
		.where(and(inArray(followupQuestion.reportId, reportIds), isOpen(now)))
		.orderBy(followupQuestion.weeks)
		.all();
	return new Map(rows.map((row) => [row.reportId, { weeks: row.weeks, askedAt: row.askedAt }]));
}
