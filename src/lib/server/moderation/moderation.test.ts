import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Connection } from '../db/client';
import { auditLog, flag, notification, pattern, report, rollup } from '../db/schema';
import type { Actor } from '../auth/roles';
import { grantRepresentative } from '../companies/representatives';
import { outboxTransport } from '../mail/mail';
import { listExploreReports, parseExploreFilters, summariseExplore } from '../reports/explore';
import { exportBatches } from '../reports/export';
import { companyScope } from '../reports/rollups';
import { rollupDrift } from '../testing/rollup-drift';
import { getReport, listLatestReports } from '../reports/reports';
import { getScorecard } from '../reports/scorecard';
import { getResponse, postResponse } from '../responses/responses';
import { listSimilarReports } from '../patterns/patterns';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';
import {
	deleteOwnReport,
	flagContent,
	getModerationStats,
	listHidden,
	listModerationQueue,
	listRemoved,
	moderate,
	type ModerationAction
} from './moderation';
import { renderNotice } from '../notifications/notices';
import type { FlagReason } from '../../taxonomy';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

const snapshot = () => ({
	rollups: db
		.select()
		.from(rollup)
		.all()
		.filter((r) => r.n !== 0)
		.map((r) => `${r.scope}/${r.dimension}/${r.key}=${r.n}`)
		.sort(),
	patterns: db
		.select()
		.from(pattern)
		.all()
		.filter((p) => p.reportCount !== 0)
		.sort((a, b) => a.slug.localeCompare(b.slug))
});

/** Whether the report shows anywhere public: lists, search, export, similar reports. */
function publicly(reportId: number, other: number) {
	const filters = parseExploreFilters(new URLSearchParams('q=arrears'));
	const exported = [...exportBatches(db, parseExploreFilters(new URLSearchParams()), '')].flat();
	const similarTo = getReport(db, other)!.report;
	return {
		latest: listLatestReports(db).some((r) => r.id === reportId),
		search: listExploreReports(db, filters).reports.some((r) => r.id === reportId),
		export: exported.some((r) => r.id === reportId),
		similar: listSimilarReports(db, similarTo).some((r) => r.id === reportId)
	};
}

async function world() {
	const acme = makeCompany(db, 'Acme Telecom', 'https://acme.example');
	makeCompany(db, 'Other Telecom', 'https://other.example');
	const author = await makeUser(db);
	const flagger = await makeUser(db);
	const moderatorUser = await makeUser(db);
	const rep = await makeUser(db);
	const moderator: Actor = { id: moderatorUser.id, role: 'moderator' };
	const narrative = 'Billed in arrears for months after the account holder died.';
	const target = makeReport(db, author.id, {
		company: 'Acme Telecom',
		category: 'billing-error',
		trigger: 'death-of-account-holder',
		narrative
	});
	const other = makeReport(db, author.id, {
		company: 'Other Telecom',
		category: 'billing-error',
		trigger: 'death-of-account-holder',
		narrative
	});
	grantRepresentative(db, moderator, { companyId: acme.id, email: rep.email, reason: 'test' });
	await postResponse(
		db,
		outboxTransport(db),
		{ id: rep.id, role: 'user' },
		target,
		{ body: 'We have corrected the account and apologise.', action: 'fixed' },
		''
	);
	return { acme, author, flagger, moderator, target, other };
}

describe('flags and moderation', () => {
	it('hides a flagged report from every public view and figure, tells the author, and restores it', async () => {
		const w = await world();
		const before = snapshot();
		expect(publicly(w.target, w.other)).toEqual({
			latest: true,
			search: true,
			export: true,
			similar: true
		});

		const flagger: Actor = { id: w.flagger.id, role: 'user' };
		expect(
			flagContent(db, flagger, {
				targetType: 'report',
				targetId: w.target,
				reason: 'personal-data',
				note: 'Shows a phone number'
			})
		).toEqual({ ok: true });
		expect(
			flagContent(db, flagger, {
				targetType: 'report',
				targetId: w.target,
				reason: 'spam',
				note: ''
			})
		).toEqual({ ok: false, reason: 'already-flagged' });
		const queue = listModerationQueue(db);
		expect(queue).toHaveLength(1);
		expect(queue[0]).toMatchObject({
			targetType: 'report',
			targetId: w.target,
			flags: 1,
			reasons: 'personal-data'
		});

		// Only moderators decide.
		expect(
			moderate(db, flagger, {
				targetType: 'report',
				targetId: w.target,
				action: 'hide',
				reason: 'personal-data',
				note: ''
			})
		).toEqual({ ok: false, reason: 'forbidden' });
		expect(
			moderate(db, w.moderator, {
				targetType: 'report',
				targetId: w.target,
				action: 'hide',
				reason: 'personal-data',
				note: 'phone number in text'
			})
		).toEqual({ ok: true });

		expect(publicly(w.target, w.other)).toEqual({
			latest: false,
			search: false,
			export: false,
			similar: false
		});
		const card = getScorecard(db, companyScope(w.acme.id));
		expect(card.reportCount).toBe(0);
		expect(card.responses).toEqual([]);
		expect(summariseExplore(db, parseExploreFilters(new URLSearchParams('q=arrears'))).total).toBe(
			1
		);
		expect(listModerationQueue(db)).toEqual([]);
		const notice = db
			.select()
			.from(notification)
			.where(eq(notification.userId, w.author.id))
			.all()
			.at(-1);
		expect(renderNotice(notice!, 'en')).toBe(
			`Moderators hid your report “${getReport(db, w.target)!.report.title}” from public view. Reason: Personal data. Moderators' note: phone number in text`
		);
		expect(db.select().from(auditLog).all().at(-1)).toMatchObject({
			action: 'report.hide',
			reason: 'personal-data',
			actorId: w.moderator.id
		});
		expect(db.select().from(flag).get()).toMatchObject({
			resolution: 'hidden',
			resolvedBy: w.moderator.id
		});

		// Figures kept incrementally equal a rebuild that skips hidden reports.
		expect(rollupDrift(db)).toEqual([]);

		expect(
			moderate(db, w.moderator, {
				targetType: 'report',
				targetId: w.target,
				action: 'restore',
				reason: 'personal-data',
				note: 'edited by author'
			})
		).toEqual({ ok: true });
		expect(publicly(w.target, w.other)).toEqual({
			latest: true,
			search: true,
			export: true,
			similar: true
		});
		expect(snapshot()).toEqual(before);
		expect(getModerationStats(db)).toEqual({
			flags: [{ reason: 'personal-data', n: 1 }],
			actions: expect.arrayContaining([
				{ action: 'report.hide', reason: 'personal-data', n: 1 },
				{ action: 'report.restore', reason: 'personal-data', n: 1 }
			])
		});
	});

	it('hides a response from the thread and from the response figures', async () => {
		const w = await world();
		const responseId = getResponse(db, w.target)!.id;
		expect(getScorecard(db, companyScope(w.acme.id)).responses[0]?.responded).toBe(1);
		expect(
			moderate(db, w.moderator, {
				targetType: 'response',
				targetId: responseId,
				action: 'hide',
				reason: 'abusive',
				note: 'insults a named agent'
			})
		).toEqual({ ok: true });
		expect(getResponse(db, w.target)).toBeUndefined();
		expect(getScorecard(db, companyScope(w.acme.id)).responses[0]?.responded).toBe(0);
		expect(rollupDrift(db)).toEqual([]);
	});

	it('removes a report for good only when a second moderator confirms, search index included', async () => {
		const w = await world();
		const second: Actor = { id: (await makeUser(db)).id, role: 'admin' };
		const remove = (actor: Actor, action: 'remove' | 'confirm-removal') =>
			moderate(db, actor, {
				targetType: 'report',
				targetId: w.target,
				action,
				reason: action === 'remove' ? 'defamatory' : null,
				note: action === 'remove' ? 'names a private person' : 'agreed'
			});
		expect(remove(w.moderator, 'remove')).toEqual({ ok: true });
		// Proposed: out of public view at once, still in the database.
		expect(publicly(w.target, w.other).latest).toBe(false);
		expect(getReport(db, w.target)?.report.hiddenAt).not.toBeNull();
		expect(remove(w.moderator, 'remove')).toEqual({ ok: false, reason: 'already-proposed' });
		expect(remove(w.moderator, 'confirm-removal')).toEqual({
			ok: false,
			reason: 'same-moderator'
		});
		expect(remove(second, 'confirm-removal')).toEqual({ ok: true });
		expect(db.select().from(report).where(eq(report.id, w.target)).get()).toBeUndefined();
		const hits = db.$client
			.prepare(`select rowid from report_fts where report_fts match 'arrears'`)
			.all() as { rowid: number }[];
		expect(hits.map((h) => h.rowid)).toEqual([w.other]);
		expect(rollupDrift(db)).toEqual([]);
		expect(listRemoved(db)).toMatchObject([
			{ targetType: 'report', reason: 'defamatory', note: 'names a private person' }
		]);
		expect(listRemoved(db, { moderatorId: second.id })).toHaveLength(1);
		expect(listRemoved(db, { reason: 'spam' })).toHaveLength(0);
		expect(
			db
				.select({ action: auditLog.action, actorId: auditLog.actorId, note: auditLog.note })
				.from(auditLog)
				.all()
				.slice(-2)
		).toEqual([
			{ action: 'report.remove-proposed', actorId: w.moderator.id, note: 'names a private person' },
			{ action: 'report.remove', actorId: second.id, note: 'agreed' }
		]);
		// The author learns it went, without a link to a page that no longer exists.
		const notices = db
			.select()
			.from(notification)
			.where(eq(notification.userId, w.author.id))
			.all();
		expect(notices.at(-1)).toMatchObject({ key: 'report-removed', reportId: null });
	});

	it('turns a removal down, keeping the report hidden until a moderator restores it', async () => {
		const w = await world();
		const second: Actor = { id: (await makeUser(db)).id, role: 'moderator' };
		const decide = (actor: Actor, action: ModerationAction, reason: FlagReason | null = null) =>
			moderate(db, actor, { targetType: 'report', targetId: w.target, action, reason, note: 'n' });
		expect(decide(second, 'reject-removal')).toEqual({ ok: false, reason: 'no-proposal' });
		expect(decide(w.moderator, 'remove', 'spam')).toEqual({ ok: true });
		expect(listHidden(db)[0]?.proposal).toMatchObject({ proposedBy: w.moderator.id });
		expect(decide(w.moderator, 'reject-removal')).toEqual({ ok: false, reason: 'same-moderator' });
		expect(decide(second, 'reject-removal')).toEqual({ ok: true });
		expect(listHidden(db)).toMatchObject([{ targetId: w.target, proposal: null }]);
		expect(decide(second, 'restore')).toEqual({ ok: true });
		expect(publicly(w.target, w.other).latest).toBe(true);
		expect(listHidden(db)).toEqual([]);
	});

	it('needs a note for every decision and a reason to hide', async () => {
		const w = await world();
		const base = { targetType: 'report', targetId: w.target } as const;
		expect(
			moderate(db, w.moderator, { ...base, action: 'hide', reason: 'spam', note: '   ' })
		).toEqual({ ok: false, reason: 'note-required' });
		expect(moderate(db, w.moderator, { ...base, action: 'hide', reason: null, note: 'x' })).toEqual(
			{
				ok: false,
				reason: 'reason-required'
			}
		);
		expect(
			moderate(db, w.moderator, { ...base, action: 'dismiss', reason: null, note: 'fine' })
		).toEqual({ ok: true });
		expect(publicly(w.target, w.other).latest).toBe(true);
	});

	it('tells each flagger what came of the flag, in the language they read it in', async () => {
		const w = await world();
		const flagger: Actor = { id: w.flagger.id, role: 'user' };
		flagContent(db, flagger, {
			targetType: 'report',
			targetId: w.target,
			reason: 'spam',
			note: ''
		});
		moderate(db, w.moderator, {
			targetType: 'report',
			targetId: w.target,
			action: 'hide',
			reason: 'spam',
			note: 'Werbung'
		});
		const notice = db
			.select()
			.from(notification)
			.where(eq(notification.userId, w.flagger.id))
			.get()!;
		expect(notice).toMatchObject({ key: 'flag-upheld', reportId: null });
		expect(renderNotice(notice, 'de')).toMatch(/^Danke für Ihre Meldung zu „.+“: Die Moderation/);
		// Flagging what is already hidden says so instead of failing.
		expect(
			flagContent(
				db,
				{ id: w.flagger.id, role: 'user' },
				{
					targetType: 'report',
					targetId: w.target,
					reason: 'abusive',
					note: ''
				}
			)
		).toEqual({ ok: false, reason: 'already-hidden' });
	});

	it('lists hidden items by reason, moderator and date', async () => {
		const w = await world();
		const second: Actor = { id: (await makeUser(db)).id, role: 'moderator' };
		const day = Date.UTC(2026, 0, 10);
		moderate(
			db,
			w.moderator,
			{ targetType: 'report', targetId: w.target, action: 'hide', reason: 'spam', note: 'ad' },
			day
		);
		moderate(
			db,
			second,
			{ targetType: 'report', targetId: w.other, action: 'hide', reason: 'abusive', note: 'slur' },
			day + 86_400_000
		);
		expect(listHidden(db).map((h) => h.targetId)).toEqual([w.other, w.target]);
		expect(listHidden(db, { reason: 'spam' }).map((h) => h.targetId)).toEqual([w.target]);
		expect(listHidden(db, { moderatorId: second.id })).toMatchObject([
			{ targetId: w.other, note: 'slur', moderatorId: second.id, reason: 'abusive' }
		]);
		expect(
			listHidden(db, { from: day + 86_400_000, to: day + 2 * 86_400_000 }).map((h) => h.targetId)
		).toEqual([w.other]);
	});
});

describe('an author deleting their report', () => {
	it('is allowed to the author only, and leaves no trace in figures', async () => {
		const w = await world();
		expect(deleteOwnReport(db, { id: w.flagger.id, role: 'user' }, w.target)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(deleteOwnReport(db, w.moderator, w.target)).toEqual({ ok: false, reason: 'forbidden' });
		expect(deleteOwnReport(db, { id: w.author.id, role: 'user' }, w.target)).toEqual({ ok: true });
		expect(getReport(db, w.target)).toBeUndefined();
		expect(getScorecard(db, companyScope(w.acme.id)).reportCount).toBe(0);
		expect(rollupDrift(db)).toEqual([]);
	});
});
