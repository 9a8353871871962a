import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import type { Actor } from '../auth/roles';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';
import { decodeCursor } from '../reports/reports';
import { getCompanyProfile } from './profile';
import { grantRepresentative } from './representatives';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

describe('getCompanyProfile', () => {
	it('shows new reports and a new representative on the next read', async () => {
		const author = await makeUser(db);
		makeCompany(db, 'Acme Telecom', 'https://acme.example');
		makeReport(db, author.id, { title: 'First report' });
		const first = getCompanyProfile(db, 'acme-telecom')!;
		expect(first).toMatchObject({
			company: { slug: 'acme-telecom', name: 'Acme Telecom' },
			canClaim: true,
			scorecard: { reportCount: 1 },
			representation: { count: 0, since: null }
		});
		expect(getCompanyProfile(db, 'acme-telecom')).toBe(first);

		makeReport(db, author.id, { title: 'Second report' });
		const moderator: Actor = { id: (await makeUser(db)).id, role: 'moderator' };
		const rep = await makeUser(db);
		grantRepresentative(db, moderator, {
			companyId: first.companyId,
			email: rep.email,
			reason: 'test'
		});
		const second = getCompanyProfile(db, 'acme-telecom')!;
		expect(second.reports.map((r) => r.title)).toEqual(['Second report', 'First report']);
		expect(second.scorecard.reportCount).toBe(2);
		expect(second.representation.count).toBe(1);
	});

	it('pages older reports and says undefined for an unknown company', async () => {
		const author = await makeUser(db);
		makeCompany(db, 'Acme Telecom');
		for (let i = 0; i < 21; i++) makeReport(db, author.id, { title: `Report ${i}` });
		const first = getCompanyProfile(db, 'acme-telecom')!;
		expect(first.reports).toHaveLength(20);
		const older = getCompanyProfile(db, 'acme-telecom', decodeCursor(first.next))!;
		expect(older.reports.map((r) => r.title)).toEqual(['Report 0']);
		expect(older.next).toBeNull();
		expect(getCompanyProfile(db, 'no-such-company')).toBeUndefined();
	});
});
