import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import type { Actor } from '../auth/roles';
import { setRole } from '../auth/roles';
import { grantRepresentative } from '../companies/representatives';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';
import { auditExportBatches, listAudit, listAuditActors } from './audit';
import { moderate } from './moderation';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

const T0 = Date.UTC(2026, 2, 14, 9, 30);
const DAY = 86_400_000;

async function world() {
	const author = await makeUser(db);
	const modUser = await makeUser(db);
	setRole(db, { email: modUser.email, role: 'moderator', actorId: null }, T0 - DAY);
	const moderator: Actor = { id: modUser.id, role: 'moderator' };
	const acme = makeCompany(db, 'Acme Telecom', 'https://acme.example');
	const reportId = makeReport(db, author.id, { company: 'Acme Telecom', title: 'Line dead' });
	moderate(
		db,
		moderator,
		{ targetType: 'report', targetId: reportId, action: 'hide', reason: 'spam', note: 'an advert' },
		T0
	);
	grantRepresentative(
		db,
		moderator,
		{ companyId: acme.id, email: author.email, reason: 'checked by phone' },
		T0 + DAY
	);
	return { author, modUser, acme, reportId };
}

describe('the audit trail', () => {
	it('reads as who, what, on what, when and why, in the reader’s language', async () => {
		const w = await world();
		const { entries } = listAudit(db, 'de');
		expect(entries.map((e) => e.sentence)).toEqual([
			'Hat eine Person als Vertretung des Unternehmens eingesetzt.',
			'Hat den Bericht ausgeblendet.',
			'Hat die Rolle der Person von Nutzer:in zu Moderation geändert.'
		]);
		expect(entries[1]).toMatchObject({
			actorName: w.modUser.displayName,
			actorRole: 'Moderation',
			target: 'Line dead',
			href: `/de/reports/${w.reportId}`,
			reason: 'Spam',
			note: 'an advert',
			createdAt: T0
		});
		expect(entries[0]).toMatchObject({
			target: 'Acme Telecom',
			href: `/de/companies/${w.acme.slug}`,
			reason: 'checked by phone'
		});
		// A command-line action has no actor; the user it changed is named.
		expect(entries[2]).toMatchObject({
			actorName: null,
			target: w.modUser.displayName,
			href: null
		});
	});

	it('filters by actor, action and date, and exports the same rows as CSV', async () => {
		const w = await world();
		expect(listAuditActors(db).map((a) => a.id)).toEqual([w.modUser.id]);
		expect(listAudit(db, 'en', { actorId: w.modUser.id }).entries).toHaveLength(2);
		expect(listAudit(db, 'en', { action: 'report.hide' }).entries.map((e) => e.action)).toEqual([
			'report.hide'
		]);
		expect(
			listAudit(db, 'en', { from: T0 + DAY, to: T0 + 2 * DAY }).entries.map((e) => e.action)
		).toEqual(['representative.granted']);
		const rows = [
			...auditExportBatches(db, 'en', { action: 'report.hide' }, 'https://r.test', 1)
		].flat();
		expect(rows).toEqual([
			[
				new Date(T0).toISOString(),
				w.modUser.displayName,
				'moderator',
				'report.hide',
				'Hid the report.',
				'Line dead',
				`https://r.test/reports/${w.reportId}`,
				'Spam',
				'an advert'
			]
		]);
		expect([...auditExportBatches(db, 'en', {}, '', 1)].flat()).toHaveLength(3);
	});
});
