/**
 * The public conversation after a company's first answer: the report's author and the company's
 * verified representatives write in turn, up to THREAD_LIMIT entries (docs/decisions/031). Entries
 * are redacted and sanitised like responses; they move no figure (the first answer and the last
 * verdict, both on `company_response`, are what figures count).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { company, companyRepresentative, report, responseEntry, user } from '../db/schema';
import type { ResponseEntry } from '../db/schema';
import type { Actor } from '../auth/roles';
import { oneLine } from '../../one-line';
import { isRepresentative } from '../companies/representatives';
import { renderMarkdown } from '../markdown';
import { redactPersonalData } from '../privacy/redact';
import { notify } from '../notifications/notifications';
import { responseOf } from '../reports/report-figures';
import { readReport } from './responses';
import type { EntryInput } from '../../validation/response';

/** Entries after the company's first answer, both sides together: five turns each. */
export const THREAD_LIMIT = 10;

export type ThreadRole = ResponseEntry['role'];

export type PostEntryResult =
	| { ok: true; entryId: number }
	| {
			ok: false;
			reason: 'not-found' | 'no-response' | 'imported' | 'forbidden' | 'not-your-turn' | 'limit';
	  };

/** Who speaks next, and how many entries are left; `next` is null once the limit is reached. */
export function threadTurn(db: Db, reportId: number) {
	const entries = db
		.select({ role: responseEntry.role, hiddenAt: responseEntry.hiddenAt })
		.from(responseEntry)
		.where(eq(responseEntry.reportId, reportId))
		.orderBy(asc(responseEntry.id))
		.all();
	const remaining = Math.max(0, THREAD_LIMIT - entries.length);
	// A hidden entry does not take its writer's turn away from the other side; it still counts
	// towards the limit, so that hiding cannot make room for more.
	const last: ThreadRole = entries.findLast((e) => e.hiddenAt === null)?.role ?? 'company';
	const next: ThreadRole | null =
		remaining === 0 ? null : last === 'company' ? 'author' : 'company';
	return { next, remaining, limit: THREAD_LIMIT };
}

/**
 * The report's author or a verified representative of its company adds an entry to the thread
 * of the company's visible answer, in turn; the other side is told in their language.
 */
export function postEntry(
	db: Db,
	actor: Actor,
	reportId: number,
	input: EntryInput,
	now = Date.now()
): PostEntryResult {
	return db.transaction(
		(tx): PostEntryResult => {
			const r = readReport(tx, reportId);
			if (!r || r.hiddenAt !== null) return { ok: false, reason: 'not-found' };
			const response = responseOf(tx, reportId);
			if (!response) return { ok: false, reason: 'no-response' };
			if (response.hiddenAt !== null) return { ok: false, reason: 'not-found' };
			// An imported record carries its source's answer: nobody here speaks for that company.
			if (response.source !== 'recourse' || r.source !== 'recourse') {
				return { ok: false, reason: 'imported' };
			}
			const role: ThreadRole | null =
				r.authorId !== null && r.authorId === actor.id
					? 'author'
					: isRepresentative(tx, actor.id, response.companyId)
						? 'company'
						: null;
			if (!role) return { ok: false, reason: 'forbidden' };
			const turn = threadTurn(tx, reportId);
			if (turn.remaining === 0) return { ok: false, reason: 'limit' };
			if (turn.next !== role) return { ok: false, reason: 'not-your-turn' };
			const body = redactPersonalData(input.body).text;
			const row = tx
				.insert(responseEntry)
				.values({
					responseId: response.id,
					reportId,
					authorId: actor.id,
					role,
					body,
					bodyHtml: renderMarkdown(body),
					createdAt: now
				})
				.returning({ id: responseEntry.id })
				.get();
			tellOtherSide(tx, r, role, response.companyId, now);
			return { ok: true, entryId: row.id };
		},
		{ behavior: 'immediate' }
	);
}

/** The author hears of the company's entry; every current representative of the author's. */
function tellOtherSide(
	tx: Db,
	r: { id: number; title: string; authorId: string | null },
	role: ThreadRole,
	companyId: number,
	now: number
) {
	const title = oneLine(r.title);
	if (role === 'company') {
		if (!r.authorId) return;
		const name = tx
			.select({ name: company.name })
			.from(company)
			.where(eq(company.id, companyId))
			.get()?.name;
		notify(
			tx,
			{
				userId: r.authorId,
				reportId: r.id,
				notice: { key: 'thread-company-entry', params: { title, company: oneLine(name ?? '') } }
			},
			now
		);
		return;
	}
	const reps = tx
		.selectDistinct({ userId: companyRepresentative.userId })
		.from(companyRepresentative)
		.where(
			and(eq(companyRepresentative.companyId, companyId), isNull(companyRepresentative.revokedAt))
		)
		.all();
	for (const rep of reps) {
		notify(
			tx,
			{
				userId: rep.userId,
				reportId: r.id,
				notice: { key: 'thread-author-entry', params: { title } }
			},
			now
		);
	}
}

/**
 * The entries of a report's thread, oldest first, with each writer's public name: the visible
 * ones, or (for moderators, who decide on them from the page) hidden ones too.
 */
export function listThread(db: Db, reportId: number, options: { includeHidden?: boolean } = {}) {
	return db
		.select({
			id: responseEntry.id,
			role: responseEntry.role,
			body: responseEntry.body,
			bodyHtml: responseEntry.bodyHtml,
			createdAt: responseEntry.createdAt,
			hiddenAt: responseEntry.hiddenAt,
			authorName: user.displayName
		})
		.from(responseEntry)
		.leftJoin(user, eq(user.id, responseEntry.authorId))
		.where(
			and(
				eq(responseEntry.reportId, reportId),
				options.includeHidden ? undefined : isNull(responseEntry.hiddenAt)
			)
		)
		.orderBy(asc(responseEntry.id))
		.all();
}
export type ThreadEntry = ReturnType<typeof listThread>[number];

/** An entry as moderation sees it: who wrote it, on which report, whether hidden. */
export function locateEntry(tx: Db, entryId: number) {
	return tx
		.select({
			authorId: responseEntry.authorId,
			hiddenAt: responseEntry.hiddenAt,
			reportId: responseEntry.reportId,
			title: report.title
		})
		.from(responseEntry)
		.innerJoin(report, eq(report.id, responseEntry.reportId))
		.where(eq(responseEntry.id, entryId))
		.get();
}

/** Hides an entry (with the reason) or, given null, shows it again. Entries move no figure. */
export function setEntryHidden(
	tx: Db,
	entryId: number,
	hidden: { at: number; reason: NonNullable<ResponseEntry['hiddenReason']> } | null
) {
	tx.update(responseEntry)
		.set({ hiddenAt: hidden?.at ?? null, hiddenReason: hidden?.reason ?? null })
		.where(eq(responseEntry.id, entryId))
		.run();
}

/** Deletes an entry for good (a confirmed removal). */
export function deleteEntry(tx: Db, entryId: number) {
	tx.delete(responseEntry).where(eq(responseEntry.id, entryId)).run();
}
