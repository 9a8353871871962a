import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { setRole, type Actor } from '../auth/roles';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';
import { listAudit } from './audit';
import { readAuditFilters, readHiddenFilters } from './list-filters';
import { listHidden, moderate } from './moderation';

let db: Connection;
let moderatorId: string;
beforeEach(async () => {
	db = createTestDb();
	const author = await makeUser(db);
	const modUser = await makeUser(db);
	moderatorId = modUser.id;
	setRole(db, { email: modUser.email, role: 'moderator', actorId: null }, Date.UTC(2026, 0, 1));
	const moderator: Actor = { id: modUser.id, role: 'moderator' };
	makeCompany(db, 'Acme Telecom', 'https://acme.example');
	const reportId = makeReport(db, author.id, { company: 'Acme Telecom', title: 'Line dead' });
	moderate(
		db,
		moderator,
		{ targetType: 'report', targetId: reportId, action: 'hide', reason: 'spam', note: 'an advert' },
		Date.UTC(2026, 2, 14, 9, 30)
	);
});

const hidden = (query: string) => readHiddenFilters(db, new URLSearchParams(query));
const audit = (query: string) => readAuditFilters(db, new URLSearchParams(query));

describe('the hidden items filters', () => {
	it('read the reason, the moderator and the days the form sends', () => {
		const read = hidden(`reason=spam&moderator=${moderatorId}&from=2026-03-14&to=2026-03-14`);
		expect(read.errors).toEqual({});
		expect(listHidden(db, read.filters).map((item) => item.title)).toEqual(['Line dead']);
		expect(read.span.to! - read.span.from!).toBe(86_400_000);
	});

	it.each([
		['reason=spamm', 'reason'],
		['moderator=someone-else', 'moderator'],
		['status=deleted', 'status'],
		['from=2026-02-30', 'from'],
		['to=14/03/2026', 'to'],
		['from=2026-03-15&to=2026-03-14', 'to']
	])('refuse %s beside its field, keeping the value as typed', (query, field) => {
		const read = hidden(query);
		expect(read.refused).toBe(true);
		expect(Object.keys(read.errors)).toEqual([field]);
		expect(read.errors[field as keyof typeof read.errors]).toMatch(/\w/);
		// The value as typed is kept for the form.
		expect(read.typed[field as keyof typeof read.typed]).toBe(
			new URLSearchParams(query).get(field)
		);
	});

	it('pass over names the list does not take (a campaign tag, say)', () => {
		expect(hidden('utm_source=mail&reason=spam').refused).toBe(false);
	});
});

describe('the audit trail filters', () => {
	it('read who, which action and the page', () => {
		const first = listAudit(db, 'en', { limit: 1 });
		const read = audit(
			`actor=${moderatorId}&action=report.hide&before=${first.entries[0]!.id + 1}`
		);
		expect(read.refused).toBe(false);
		expect(listAudit(db, 'en', { ...read.filters, before: read.before }).entries).toHaveLength(1);
	});

	it.each([
		['action=report.delete', 'action'],
		['actor=nobody', 'actor'],
		['before=abc', 'before'],
		['before=0', 'before'],
		['action=report.hide&action=report.restore', 'action']
	])('refuse %s', (query, field) => {
		const read = audit(query);
		expect(read.refused).toBe(true);
		expect(Object.keys(read.errors)).toEqual([field]);
	});
});
