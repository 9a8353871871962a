import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { setRole, type Actor } from '../auth/roles';
import type { Connection } from '../db/client';
import { moderate } from '../moderation/moderation';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';
import { setMeToo } from './me-too';
import { siteTotals } from './totals';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

/** The same five figures counted from the base tables. */
function recount() {
	const one = (query: string) => db.get<{ n: number }>(sql.raw(query))!.n;
	return {
		reports: one('select count(*) n from report where hidden_at is null'),
		companies: one('select count(distinct company_id) n from report where hidden_at is null'),
		patterns: one(`select count(*) n from (select category, "trigger" from report
			where hidden_at is null and "trigger" <> 'none' group by 1, 2
			having count(distinct company_id) >= 2)`),
		meToos: one(
			'select count(*) n from report_me_too m join report r on r.id = m.report_id where r.hidden_at is null'
		),
		answers: one(`select count(*) n from company_response x join report r on r.id = x.report_id
			where x.hidden_at is null and r.hidden_at is null`)
	};
}

describe('siteTotals', () => {
	it('counts what the public can see, as a recount from the reports does, after every write', async () => {
		const author = await makeUser(db);
		const other = await makeUser(db);
		const modUser = await makeUser(db);
		setRole(db, { email: modUser.email, role: 'moderator', actorId: null });
		const moderator: Actor = { id: modUser.id, role: 'moderator' };
		makeCompany(db, 'Acme Telecom');
		makeCompany(db, 'Zenith Power');
		makeCompany(db, 'Quiet Water');
		const death = { category: 'billing-error', trigger: 'death-of-account-holder' } as const;
		const first = makeReport(db, author.id, { company: 'Acme Telecom', ...death });
		makeReport(db, author.id, { company: 'Zenith Power', ...death });
		const lone = makeReport(db, author.id, { company: 'Quiet Water', category: 'service-outage' });
		setMeToo(db, first, other.id, true);

		expect(siteTotals(db)).toEqual({
			reports: 3,
			companies: 3,
			patterns: 1,
			meToos: 1,
			answers: 0
		});
		expect(siteTotals(db)).toEqual(recount());

		moderate(db, moderator, {
			targetType: 'report',
			targetId: lone,
			action: 'hide',
			reason: 'spam',
			note: 'an advert'
		});
		expect(siteTotals(db)).toMatchObject({ reports: 2, companies: 2 });
		expect(siteTotals(db)).toEqual(recount());
	});
});
