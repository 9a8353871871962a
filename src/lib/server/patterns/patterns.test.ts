import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { eq } from 'drizzle-orm';
import { pattern, report, rollup } from '../db/schema';
import { createTestDb } from '../testing/db';
import { makeCompany, makeUser, reportInput } from '../testing/factories';
import { createReport, getReport } from '../reports/reports';
import { setMeToo } from '../reports/me-too';
import { rebuildRollups } from '../reports/rollups';
import { getPattern, listPatterns, listSimilarReports, risingPatterns } from './patterns';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);
let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

async function file(
	company: string,
	overrides: Parameters<typeof reportInput>[0] = {},
	daysAgo = 1,
	authorId?: string
) {
	const author = authorId ?? (await makeUser(db)).id;
	const result = createReport(
		db,
		reportInput({ company, ...overrides }),
		author,
		NOW - daysAgo * DAY
	);
	if (!result.ok) throw new Error('could not file');
	return result.id;
}

const death = { category: 'billing-error', trigger: 'death-of-account-holder' } as const;
const moving = { category: 'service-outage', trigger: 'moving-house' } as const;

describe('patterns', () => {
	beforeEach(() => {
		for (const name of ['Acme Telecom', 'Globex Energy', 'Initech Bank']) makeCompany(db, name);
	});

	it('are listed only when seen at two companies, with report and company counts', async () => {
		await file('Acme Telecom', death);
		await file('Acme Telecom', death);
		await file('Globex Energy', death);
		await file('Acme Telecom', moving);
		await file('Acme Telecom', moving);
		await file('Globex Energy', { ...death, trigger: 'none' });
		const listed = listPatterns(db, { now: NOW });
		expect(listed.map((p) => [p.slug, p.reportCount, p.companyCount])).toEqual([
			['billing-error-after-death-of-account-holder', 3, 2]
		]);
	});

	it('rank by growth over the last 90 days', async () => {
		for (const company of ['Acme Telecom', 'Globex Energy']) {
			await file(company, death, 150);
			await file(company, death, 140);
			await file(company, moving, 10);
		}
		await file('Initech Bank', death, 120);
		const byVolume = listPatterns(db, { now: NOW });
		expect(byVolume[0]!.slug).toBe('billing-error-after-death-of-account-holder');
		const byGrowth = listPatterns(db, { now: NOW, sort: 'growth' });
		expect(byGrowth.map((p) => [p.slug, p.recent, p.previous])).toEqual([
			['service-outage-after-moving-house', 2, 0],
			['billing-error-after-death-of-account-holder', 0, 5]
		]);
	});

	it('rising on the home page: only those that grew, most growth first, and a new report counts at once', async () => {
		for (const company of ['Acme Telecom', 'Globex Energy']) {
			await file(company, death, 150);
			await file(company, moving, 10);
		}
		expect(risingPatterns(db, 5, NOW).map((p) => [p.slug, p.recent, p.previous])).toEqual([
			['service-outage-after-moving-house', 2, 0]
		]);
		for (const daysAgo of [3, 4, 5, 6, 7]) await file('Initech Bank', death, daysAgo);
		expect(risingPatterns(db, 5, NOW).map((p) => [p.slug, p.recent, p.previous])).toEqual([
			['billing-error-after-death-of-account-holder', 5, 2],
			['service-outage-after-moving-house', 2, 0]
		]);
		expect(risingPatterns(db, 1, NOW)).toHaveLength(1);
	});

	it('show the companies most affected with their share of their own reports', async () => {
		await file('Acme Telecom', death);
		await file('Acme Telecom', death);
		await file('Acme Telecom', moving);
		await file('Globex Energy', death);
		const detail = getPattern(db, 'billing-error-after-death-of-account-holder')!;
		expect(detail.companies).toEqual([
			{ slug: 'acme-telecom', name: 'Acme Telecom', n: 2, reportCount: 3 },
			{ slug: 'globex-energy', name: 'Globex Energy', n: 1, reportCount: 1 }
		]);
		expect(detail.scorecard.reportCount).toBe(3);
		expect(detail.scorecard.escalations).toEqual([{ key: 'regulator', n: 3 }]);
		expect(detail.reports).toHaveLength(3);
	});

	it('are unknown for malformed or empty slugs', () => {
		for (const slug of [
			'nonsense',
			'billing-error-after-none',
			'billing-error-after-death-of-account-holder-after-x',
			'billing-error-after-moving-house'
		]) {
			expect(getPattern(db, slug)).toBeUndefined();
		}
	});

	it('move a company out when its last report of the pattern is edited away', async () => {
		const author = await makeUser(db);
		const id = await file('Acme Telecom', death, 1, author.id);
		await file('Globex Energy', death);
		const { updateReport } = await import('../reports/reports');
		updateReport(db, id, reportInput({ company: 'Acme Telecom', ...moving }), author.id);
		const row = db
			.select()
			.from(pattern)
			.all()
			.find((p) => p.slug.startsWith('billing-error'))!;
		expect([row.reportCount, row.companyCount]).toEqual([1, 1]);
	});
});

describe('similar reports', () => {
	it('come from the same pattern, other companies first', async () => {
		for (const name of ['Acme Telecom', 'Globex Energy']) makeCompany(db, name);
		const mine = await file('Acme Telecom', death, 5);
		const sameCompany = await file('Acme Telecom', death, 1);
		const otherCompany = await file('Globex Energy', death, 3);
		await file('Globex Energy', moving, 1);
		const detail = getReport(db, mine)!;
		expect(listSimilarReports(db, detail.report).map((r) => r.id)).toEqual([
			otherCompany,
			sameCompany
		]);
	});

	it('leave out hidden reports, and show a flooding company its own rather than read them all', async () => {
		for (const name of ['Acme Telecom', 'Globex Energy', 'Initech']) makeCompany(db, name);
		const author = (await makeUser(db)).id;
		const older = await file('Globex Energy', death, 30, author);
		// The newest of all, but hidden by a moderator.
		const hidden = await file('Initech', death, 0, author);
		db.update(report).set({ hiddenAt: NOW }).where(eq(report.id, hidden)).run();
		// An outage: 250 reports of one company, newer than the other company's.
		const flood: number[] = [];
		for (let i = 0; i < 250; i++) {
			const at = NOW - DAY + i * 1000;
			const filed = createReport(
				db,
				reportInput({ company: 'Acme Telecom', ...death }),
				author,
				at
			);
			if (!filed.ok) throw new Error('could not file');
			flood.push(filed.id);
		}
		const similar = (id: number) =>
			listSimilarReports(db, getReport(db, id)!.report).map((r) => r.id);
		// Among the newest 200 of the pattern there is no other company's: its own, newest first.
		expect(similar(flood[0]!)).toEqual(flood.slice(-5).reverse());
		// The other company's page lists the flood.
		expect(similar(older)).toEqual(flood.slice(-5).reverse());
	});
});

describe('me too', () => {
	it('counts once per user, can be taken back, is refused on one’s own report, and rolls up', async () => {
		makeCompany(db, 'Acme Telecom');
		makeCompany(db, 'Globex Energy');
		const author = await makeUser(db);
		const [ana, ben] = [await makeUser(db), await makeUser(db)];
		const id = await file('Acme Telecom', death, 1, author.id);
		await file('Globex Energy', death);
		expect(setMeToo(db, id, ana.id, true)).toEqual({ ok: true, count: 1, joined: true });
		expect(setMeToo(db, id, ana.id, true)).toEqual({ ok: true, count: 1, joined: true });
		expect(setMeToo(db, id, ben.id, true)).toEqual({ ok: true, count: 2, joined: true });
		expect(setMeToo(db, id, author.id, true)).toEqual({ ok: false, reason: 'own-report' });
		expect(setMeToo(db, 9999, ana.id, true)).toEqual({ ok: false, reason: 'not-found' });
		expect(setMeToo(db, id, ben.id, false)).toEqual({ ok: true, count: 1, joined: false });
		expect(getReport(db, id)!.report.meTooCount).toBe(1);
		expect(getPattern(db, 'billing-error-after-death-of-account-holder')!.pattern.meTooCount).toBe(
			1
		);

		const before = db
			.select()
			.from(rollup)
			.all()
			.filter((r) => r.n !== 0);
		rebuildRollups(db);
		const after = db.select().from(rollup).all();
		const key = (r: { scope: string; dimension: string; key: string }) =>
			`${r.scope}/${r.dimension}/${r.key}`;
		expect(new Map(after.map((r) => [key(r), r.n]))).toEqual(
			new Map(before.map((r) => [key(r), r.n]))
		);
	});
});
