import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openDatabase, type Connection } from '../db/client';
import { rollup } from '../db/schema';
import type { Actor } from '../auth/roles';
import { grantRepresentative } from '../companies/representatives';
import { outboxTransport } from '../mail/mail';
import { moderate } from '../moderation/moderation';
import { getPattern } from '../patterns/patterns';
import { postResponse } from '../responses/responses';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser, reportInput } from '../testing/factories';
import { setMeToo } from './me-too';
import { createReport } from './reports';
import { companyScope, rebuildRollups } from './rollups';
import { getScorecard } from './scorecard';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

function fileAt(authorId: string, isoDay: string, company = 'Acme Telecom', startedOn?: string) {
	const result = createReport(
		db,
		reportInput({ company, ...(startedOn ? { startedOn } : {}) }),
		authorId,
		Date.parse(isoDay)
	);
	if (!result.ok) throw new Error('could not file the report');
	return result.id;
}

describe('getScorecard', () => {
	it('counts reports per month of the incident from the month roll-up, as a rebuild does', async () => {
		const author = await makeUser(db);
		const acme = makeCompany(db, 'Acme Telecom');
		// Filed the same day in March, about incidents of November and February (issue 18).
		fileAt(author.id, '2026-03-01T23:59:00Z', 'Acme Telecom', '2025-11-30');
		fileAt(author.id, '2026-03-01T00:00:00Z', 'Acme Telecom', '2025-11-02');
		fileAt(author.id, '2026-03-01T12:00:00Z', 'Acme Telecom', '2026-02-01');
		const expected = [
			{ month: '2025-11', n: 2 },
			{ month: '2026-02', n: 1 }
		];
		expect(getScorecard(db, companyScope(acme.id)).months).toEqual(expected);
		// Without the per-day rows, months still come out: they are not summed from days.
		db.delete(rollup).where(eq(rollup.dimension, 'day')).run();
		expect(getScorecard(db, companyScope(acme.id)).months).toEqual(expected);
		rebuildRollups(db);
		expect(getScorecard(db, companyScope(acme.id)).months).toEqual(expected);
		const monthRows = db
			.select({ key: rollup.key, n: rollup.n })
			.from(rollup)
			.where(and(eq(rollup.scope, companyScope(acme.id)), eq(rollup.dimension, 'month')))
			.all();
		expect(monthRows).toEqual([
			{ key: '2025-11', n: 2 },
			{ key: '2026-02', n: 1 }
		]);
	});

	it('shows a new report, a response, a "me too" and a hidden report on the next read', async () => {
		const acme = makeCompany(db, 'Acme Telecom', 'https://acme.example');
		const author = await makeUser(db);
		const neighbour = await makeUser(db);
		const rep = await makeUser(db);
		const moderator: Actor = { id: (await makeUser(db)).id, role: 'moderator' };
		grantRepresentative(db, moderator, { companyId: acme.id, email: rep.email, reason: 'test' });
		const scope = companyScope(acme.id);
		const first = makeReport(db, author.id);
		expect(getScorecard(db, scope).reportCount).toBe(1);

		makeReport(db, author.id, { rating: 5 });
		expect(getScorecard(db, scope)).toMatchObject({ reportCount: 2, rating: { mean: 3 } });

		await postResponse(
			db,
			outboxTransport(db),
			{ id: rep.id, role: 'user' },
			first,
			{ body: 'We have restored the line and refunded the month.', action: 'fixed' },
			''
		);
		expect(getScorecard(db, scope).responses[0]).toMatchObject({ reports: 2, responded: 1 });

		expect(setMeToo(db, first, neighbour.id, true)).toMatchObject({ ok: true });
		expect(getScorecard(db, scope).meTooCount).toBe(1);

		moderate(db, moderator, {
			targetType: 'report',
			targetId: first,
			action: 'hide',
			reason: 'spam',
			note: 'an advert'
		});
		expect(getScorecard(db, scope)).toMatchObject({
			reportCount: 1,
			meTooCount: 0,
			responses: [{ reports: 1, responded: 0 }]
		});
	});

	it('shows a report filed through another connection (a script, an import)', async () => {
		const author = await makeUser(db);
		const acme = makeCompany(db, 'Acme Telecom');
		makeReport(db, author.id);
		expect(getScorecard(db, companyScope(acme.id)).reportCount).toBe(1);
		const other = openDatabase(db.$client.name, { migrate: false });
		try {
			makeReport(other, author.id);
		} finally {
			other.$client.close();
		}
		expect(getScorecard(db, companyScope(acme.id)).reportCount).toBe(2);
	});

	it('hands out figures no caller can change for the next one', async () => {
		const author = await makeUser(db);
		const acme = makeCompany(db, 'Acme Telecom');
		makeReport(db, author.id);
		const card = getScorecard(db, companyScope(acme.id));
		expect(() => card.categories.push({ key: 'billing-error', n: 9 })).toThrow(TypeError);
		expect(getScorecard(db, companyScope(acme.id)).categories).toHaveLength(1);
	});
});

describe('getPattern', () => {
	it('shows a new report of the pattern on the next read', async () => {
		const author = await makeUser(db);
		makeCompany(db, 'Acme Telecom');
		makeCompany(db, 'Globex Energy');
		const slug = 'service-outage-after-moving-house';
		makeReport(db, author.id);
		expect(getPattern(db, slug)).toMatchObject({
			pattern: { reportCount: 1, companyCount: 1 },
			scorecard: { reportCount: 1 }
		});
		makeReport(db, author.id, { company: 'Globex Energy', title: 'Line dead after the move' });
		const detail = getPattern(db, slug)!;
		expect(detail).toMatchObject({
			pattern: { reportCount: 2, companyCount: 2 },
			scorecard: { reportCount: 2 }
		});
		expect(detail.companies.map((c) => c.slug)).toEqual(['acme-telecom', 'globex-energy']);
		expect(detail.reports[0]?.title).toBe('Line dead after the move');
		expect(getPattern(db, 'billing-error-after-moving-house')).toBeUndefined();
	});
});
