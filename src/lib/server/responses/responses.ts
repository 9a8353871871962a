/**
 * Public company responses: a verified representative answers a report about their company
 * once, may edit it for 48 hours (the edit is shown), and the report's author accepts or
 * disputes it and may update the outcome. Every figure they feed moves in the same transaction.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Db } from '../db/client';
import { company, companyResponse, report, user } from '../db/schema';
import { canModerate, type Actor } from '../auth/roles';
import { oneLine } from '../../one-line';
import { isRepresentative } from '../companies/representatives';
import type { MailTransport } from '../mail/mail';
import { renderMarkdown } from '../markdown';
import { redactPersonalData } from '../privacy/redact';
import { notify } from '../notifications/notifications';
import { readerLocale } from '../notifications/notices';
import { applyResponseToRollups } from '../reports/rollups';
import { nextStepMailLine } from '../guide/mail';
import { factsOf, responseOf } from '../reports/report-figures';
import { setReportOutcome, type ReportCursor } from '../reports/reports';
import type { ResponseInput, VerdictInput } from '../../validation/response';
import type { Category } from '../../taxonomy';

const DAY_MS = 86_400_000;
/** The regulators' timeliness bar: answered within 15 days of the report. */
export const TIMELY_DAYS = 15;
/** How long a representative may edit a posted response. */
export const RESPONSE_EDIT_WINDOW = 2 * DAY_MS;

export type ReportFacts = Pick<
	typeof report.$inferSelect,
	| 'id'
	| 'companyId'
	| 'authorId'
	| 'category'
	| 'trigger'
	| 'source'
	| 'createdAt'
	| 'outcome'
	| 'title'
	| 'language'
	| 'country'
> & { hiddenAt: number | null };

/** The facts of a report that responses and their figures need. */
export function readReport(tx: Db, reportId: number): ReportFacts | undefined {
	return tx
		.select({
			id: report.id,
			companyId: report.companyId,
			authorId: report.authorId,
			category: report.category,
			trigger: report.trigger,
			source: report.source,
			createdAt: report.createdAt,
			outcome: report.outcome,
			title: report.title,
			language: report.language,
			country: report.country,
			hiddenAt: report.hiddenAt
		})
		.from(report)
		.where(eq(report.id, reportId))
		.get();
}

/** What the author is sent; mailed after the transaction commits. */
type Notice = { to: string; subject: string; text: string } | null;

async function deliver(mail: MailTransport, notice: Notice) {
	if (notice) await mail.send(notice);
}

/** Tells the author in-app, and returns the mail to send them, written in their language. */
function authorNotice(
	tx: Db,
	r: ReportFacts,
	companyName: string,
	origin: string,
	now: number
): Notice {
	if (!r.authorId) return null;
	notify(
		tx,
		{
			userId: r.authorId,
			reportId: r.id,
			notice: { key: 'response-posted', params: { title: oneLine(r.title), company: companyName } }
		},
		now
	);
	const author = tx
		.select({ email: user.email, locale: user.locale })
		.from(user)
		.where(eq(user.id, r.authorId))
		.get();
	if (!author) return null;
	const locale = readerLocale(author.locale, r.language);
	return {
		to: author.email,
		subject: m.mail_response_subject({ company: companyName }, { locale }),
		text: [
			m.mail_response_text(
				{
					company: companyName,
					title: oneLine(r.title),
					url: origin + localizeHref(`/reports/${r.id}`, { locale }) + '#response'
				},
				{ locale }
			),
			// The response is the company's answer: the next body may now take the case.
			nextStepMailLine(tx, r.id, now, locale, origin)
		]
			.filter((line) => line !== null)
			.join('\n\n')
	};
}

export type RespondResult =
	| { ok: true; responseId: number }
	| { ok: false; reason: 'not-found' | 'forbidden' | 'already-responded' | 'imported' };

/** Posts a representative's public response to a report about their company. */
export async function postResponse(
	db: Db,
	mail: MailTransport,
	actor: Actor,
	reportId: number,
	input: ResponseInput,
	origin: string,
	now = Date.now()
): Promise<RespondResult> {
	let notice: Notice = null;
	const result = db.transaction(
		(tx): RespondResult => {
			const r = readReport(tx, reportId);
			if (!r || r.hiddenAt !== null) return { ok: false, reason: 'not-found' };
			if (!isRepresentative(tx, actor.id, r.companyId)) return { ok: false, reason: 'forbidden' };
			// Imported records carry the company's answer from their source.
			if (r.source !== 'recourse') return { ok: false, reason: 'imported' };
			if (responseOf(tx, reportId)) return { ok: false, reason: 'already-responded' };
			const body = redactPersonalData(input.body).text;
			const row = tx
				.insert(companyResponse)
				.values({
					reportId,
					companyId: r.companyId,
					authorId: actor.id,
					source: 'recourse',
					body,
					bodyHtml: renderMarkdown(body),
					action: input.action,
					timely: now - r.createdAt <= TIMELY_DAYS * DAY_MS,
					createdAt: now
				})
				.returning()
				.get();
			applyResponseToRollups(tx, factsOf(tx, r, row), 1);
			const name = tx
				.select({ name: company.name })
				.from(company)
				.where(eq(company.id, r.companyId))
				.get()?.name;
			// One line in the mail, even for a name stored before names were made one line.
			notice = authorNotice(tx, r, oneLine(name ?? ''), origin, now);
			return { ok: true, responseId: row.id };
		},
		{ behavior: 'immediate' }
	);
	if (result.ok) await deliver(mail, notice);
	return result;
}

export type EditResponseResult =
	{ ok: true } | { ok: false; reason: 'not-found' | 'forbidden' | 'too-late' };

/** Replaces a response's text and action within the edit window; the edit date is shown. */
export function editResponse(
	db: Db,
	actor: Actor,
	reportId: number,
	input: ResponseInput,
	now = Date.now()
): EditResponseResult {
	return db.transaction(
		(tx): EditResponseResult => {
			const r = readReport(tx, reportId);
			const existing = responseOf(tx, reportId);
			if (!r || !existing || r.hiddenAt !== null || existing.hiddenAt !== null) {
				return { ok: false, reason: 'not-found' };
			}
			if (existing.source !== 'recourse' || !isRepresentative(tx, actor.id, existing.companyId)) {
				return { ok: false, reason: 'forbidden' };
			}
			if (now - existing.createdAt > RESPONSE_EDIT_WINDOW) return { ok: false, reason: 'too-late' };
			const body = redactPersonalData(input.body).text;
			tx.update(companyResponse)
				.set({
					body,
					bodyHtml: renderMarkdown(body),
					action: input.action,
					editedAt: now
				})
				.where(eq(companyResponse.id, existing.id))
				.run();
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

export type VerdictResult =
	{ ok: true } | { ok: false; reason: 'not-found' | 'forbidden' | 'no-response' };

/**
 * The report's author accepts or disputes the response and states the outcome now. Marking
 * the report resolved when it was not counts as "resolved after response".
 */
export function answerResponse(
	db: Db,
	actor: Actor,
	reportId: number,
	input: VerdictInput,
	now = Date.now()
): VerdictResult {
	return db.transaction(
		(tx): VerdictResult => {
			const r = readReport(tx, reportId);
			if (!r || r.hiddenAt !== null) return { ok: false, reason: 'not-found' };
			if (!r.authorId || r.authorId !== actor.id) return { ok: false, reason: 'forbidden' };
			const existing = responseOf(tx, reportId);
			if (!existing || existing.hiddenAt !== null) return { ok: false, reason: 'no-response' };
			const resolvedAfter =
				input.outcome === 'resolved' && (existing.resolvedAfter || r.outcome !== 'resolved');
			applyResponseToRollups(tx, factsOf(tx, r, existing), -1);
			const updated = tx
				.update(companyResponse)
				.set({
					verdict: input.verdict,
					verdictComment: redactPersonalData(input.comment).text || null,
					verdictAt: now,
					resolvedAfter
				})
				.where(eq(companyResponse.id, existing.id))
				.returning()
				.get();
			if (input.outcome !== r.outcome) setReportOutcome(tx, r.id, input.outcome, now);
			// Counted with the outcome the author states now: "unresolved" says it was not fixed.
			applyResponseToRollups(tx, factsOf(tx, { ...r, outcome: input.outcome }, updated), 1);
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

/** The public response to a report (with its company's name), if any and not hidden. */
export function getResponse(db: Db, reportId: number) {
	return db
		.select({
			id: companyResponse.id,
			companyId: companyResponse.companyId,
			source: companyResponse.source,
			body: companyResponse.body,
			bodyHtml: companyResponse.bodyHtml,
			action: companyResponse.action,
			timely: companyResponse.timely,
			createdAt: companyResponse.createdAt,
			editedAt: companyResponse.editedAt,
			verdict: companyResponse.verdict,
			verdictComment: companyResponse.verdictComment,
			verdictAt: companyResponse.verdictAt,
			resolvedAfter: companyResponse.resolvedAfter,
			authorName: user.displayName
		})
		.from(companyResponse)
		.leftJoin(user, eq(companyResponse.authorId, user.id))
		.where(and(eq(companyResponse.reportId, reportId), isNull(companyResponse.hiddenAt)))
		.get();
}
export type PublicResponse = NonNullable<ReturnType<typeof getResponse>>;

/** Whether the actor may see a company's dashboard: its representatives and moderators. */
export function canSeeDashboard(db: Db, actor: Actor, companyId: number): boolean {
	return canModerate(actor) || isRepresentative(db, actor.id, companyId);
}

/**
 * Reports about a company still waiting for a response, oldest first (keyset-paginated), with
 * their age in days so the page can flag those near the 15-day mark.
 */
export function listAwaitingResponse(
	db: Db,
	companyId: number,
	options: { category?: Category | null; after?: ReportCursor | null; limit?: number } = {}
) {
	const limit = options.limit ?? 25;
	const rows = db
		.select({
			id: report.id,
			title: report.title,
			category: report.category,
			language: report.language,
			createdAt: report.createdAt
		})
		.from(report)
		.leftJoin(companyResponse, eq(companyResponse.reportId, report.id))
		.where(
			and(
				eq(report.companyId, companyId),
				eq(report.source, 'recourse'),
				isNull(report.hiddenAt),
				isNull(companyResponse.id),
				options.category ? eq(report.category, options.category) : undefined,
				options.after
					? sql`(${report.createdAt}, ${report.id}) > (${options.after.createdAt}, ${options.after.id})`
					: undefined
			)
		)
		.orderBy(asc(report.createdAt), asc(report.id))
		.limit(limit + 1)
		.all();
	const page = rows.slice(0, limit);
	const last = page[page.length - 1];
	return {
		reports: page,
		next: rows.length > limit && last ? `${last.createdAt}-${last.id}` : null
	};
}
