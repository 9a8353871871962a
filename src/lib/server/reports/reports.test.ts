import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { pattern, rollup } from '../db/schema';
import { getScorecard } from './scorecard';
import { findCompanyBySlug } from '../companies/companies';
import { createTestDb } from '../testing/db';
import { caseEvent, makeCompany, makeReport, makeUser, reportInput } from '../testing/factories';
import {
	createReport,
	getReport,
	listLatestReports,
	listReportsForCompany,
	updateReport,
	decodeCursor
} from './reports';
import { companyScope } from './rollups';
import { rollupDrift } from '../testing/rollup-drift';
import type { CaseEvent } from '../../case-timeline';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

function rollupSnapshot() {
	const key = (r: { scope: string; dimension: string; key: string }) =>
		`${r.scope}/${r.dimension}/${r.key}`;
	return {
		rollups: db
			.select()
			.from(rollup)
			.all()
			.filter((r) => r.n !== 0)
			.sort((a, b) => key(a).localeCompare(key(b))),
		patterns: db
			.select()
			.from(pattern)
			.all()
			.filter((p) => p.reportCount !== 0)
			.sort((a, b) => a.slug.localeCompare(b.slug))
	};
}

describe('createReport', () => {
	it('files a report against an existing company found by a differently written name', async () => {
		const author = await makeUser(db);
		const acme = makeCompany(db, 'Acme Telecom Inc.');
		const id = makeReport(db, author.id, { company: 'ACME telecom' });
		const detail = getReport(db, id)!;
		expect(detail.company.id).toBe(acme.id);
		expect(detail.report.title).toBe('Dial tone cut early and out for days');
		expect(detail.channels).toEqual(['phone']);
		expect(detail.escalations).toEqual(['regulator']);
		expect(detail.authorName).toBe(author.displayName);
	});

	it('creates a new company when the name is new and a website is given', async () => {
		const author = await makeUser(db);
		const result = createReport(
			db,
			reportInput({
				company: 'Northwind Power',
				website: 'https://www.northwind-power.example/about'
			}),
			author.id
		);
		expect(result.ok).toBe(true);
		const company = findCompanyBySlug(db, 'northwind-power')!;
		expect(company.domain).toBe('northwind-power.example');
		expect(company.reportCount).toBe(1);
	});

	it('refuses an unknown company without website, suggesting close names, and writes nothing', async () => {
		const author = await makeUser(db);
		makeCompany(db, 'Acme Telecom');
		const result = createReport(db, reportInput({ company: 'Acme Telco' }), author.id);
		expect(result).toMatchObject({
			ok: false,
			problem: { field: 'company', reason: 'not-found', suggestions: [{ name: 'Acme Telecom' }] }
		});
		expect(listLatestReports(db)).toHaveLength(0);
	});

	it('refuses a new company whose website belongs to a listed one, pointing to it', async () => {
		const author = await makeUser(db);
		const existing = makeCompany(db, 'Acme Telecom', 'acme.example');
		const result = createReport(
			db,
			reportInput({ company: 'Acme Phone Services', website: 'www.acme.example' }),
			author.id
		);
		expect(result).toMatchObject({
			ok: false,
			problem: { field: 'website', reason: 'duplicate-domain', existing: { id: existing.id } }
		});
	});

	it('renders the narrative as sanitised HTML', async () => {
		const author = await makeUser(db);
		makeCompany(db, 'Acme Telecom');
		const id = makeReport(db, author.id, {
			narrative:
				'**Bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>'
		});
		const html = getReport(db, id)!.report.narrativeHtml;
		expect(html).toContain('<strong>Bold</strong>');
		expect(html).not.toMatch(/<script|<img|javascript:|onerror=/i);
		expect(html).toContain('&lt;script&gt;');
	});
});

describe('roll-ups', () => {
	it('feed the scorecard with counts, means and medians', async () => {
		const author = await makeUser(db);
		const acme = makeCompany(db, 'Acme Telecom');
		makeReport(db, author.id, { rating: 1, contacts: 2, outcome: 'resolved' });
		makeReport(db, author.id, { rating: 2, contacts: 10, outcome: 'unresolved' });
		makeReport(db, author.id, {
			rating: 4,
			contacts: 30,
			outcome: 'unresolved',
			currency: 'EUR',
			amountDisputedMinor: 500,
			amountRecoveredMinor: 100
		});
		makeReport(db, author.id, {
			rating: 5,
			contacts: null,
			outcome: 'unresolved',
			currency: null,
			amountDisputedMinor: null,
			amountRecoveredMinor: null
		});
		const card = getScorecard(db, companyScope(acme.id));
		expect(card.reportCount).toBe(4);
		expect(card.rating).toMatchObject({ n: 4, mean: 3, median: 3 });
		expect(card.contacts).toMatchObject({ n: 3, sum: 42, median: 10 });
		expect(card.outcomes).toEqual([
			{ key: 'unresolved', n: 3 },
			{ key: 'resolved', n: 1 }
		]);
		expect(card.money).toEqual(
			expect.arrayContaining([
				{ currency: 'USD', n: 2, disputedMinor: 24_000, recoveredMinor: 0 },
				{ currency: 'EUR', n: 1, disputedMinor: 500, recoveredMinor: 100 }
			])
		);
	});

	it('stay equal to a rebuild from the reports after creates and edits', async () => {
		const author = await makeUser(db);
		makeCompany(db, 'Acme Telecom');
		makeCompany(db, 'Globex Energy');
		const first = makeReport(db, author.id);
		makeReport(db, author.id, { company: 'Globex Energy', category: 'billing-error', rating: 3 });
		// Filed in another month, about an incident of another: per-day rows of two filing
		// months, per-month rows of two incident months.
		const earlier = createReport(
			db,
			reportInput({ company: 'Globex Energy', startedOn: '2025-01-15' }),
			author.id,
			Date.UTC(2025, 1, 28, 23, 59)
		);
		expect(earlier.ok).toBe(true);
		const edited = updateReport(
			db,
			first,
			reportInput({
				company: 'Globex Energy',
				contacts: 5,
				currency: 'EUR',
				outcome: 'unresolved'
			}),
			author.id
		);
		expect(edited.ok).toBe(true);
		const incremental = rollupSnapshot();
		const months = incremental.rollups.filter((r) => r.scope === 'all' && r.dimension === 'month');
		expect(months.map((r) => [r.key, r.n])).toEqual([
			['2024-03', 2],
			['2025-01', 1]
		]);
		expect(rollupDrift(db)).toEqual([]);
		expect(findCompanyBySlug(db, 'acme-telecom')!.reportCount).toBe(0);
		expect(findCompanyBySlug(db, 'globex-energy')!.reportCount).toBe(3);
	});
});

describe('updateReport', () => {
	it('is refused to anyone but the author, leaving the report unchanged', async () => {
		const author = await makeUser(db);
		const other = await makeUser(db);
		makeCompany(db, 'Acme Telecom');
		const id = makeReport(db, author.id);
		const result = updateReport(db, id, reportInput({ title: 'Hijacked' }), other.id);
		expect(result).toEqual({ ok: false, problem: 'forbidden' });
		expect(getReport(db, id)!.report.title).toBe('Dial tone cut early and out for days');
	});

	it('says not-found for a missing report', async () => {
		const author = await makeUser(db);
		expect(updateReport(db, 999, reportInput(), author.id)).toEqual({
			ok: false,
			problem: 'not-found'
		});
	});
});

describe('listReportsForCompany', () => {
	it('pages newest first without gaps or repeats', async () => {
		const author = await makeUser(db);
		const acme = makeCompany(db, 'Acme Telecom');
		const ids: number[] = [];
		for (let i = 0; i < 7; i++) {
			const r = createReport(
				db,
				reportInput({ title: `Report ${i}` }),
				author.id,
				1_700_000_000_000 + (i % 3) * 1000
			);
			if (r.ok) ids.push(r.id);
		}
		const seen: number[] = [];
		let cursor: string | null = null;
		do {
			const page = listReportsForCompany(db, acme.id, { before: decodeCursor(cursor), limit: 3 });
			seen.push(...page.reports.map((r) => r.id));
			cursor = page.next;
		} while (cursor);
		expect(seen).toHaveLength(7);
		expect(new Set(seen).size).toBe(7);
		expect(seen[0]).toBe(ids[5]);
	});
});

describe('personal data in reports', () => {
	it('is removed from the public text on every save, and from search', async () => {
		const author = await makeUser(db);
		makeCompany(db, 'Acme Telecom');
		const id = makeReport(db, author.id, {
			title: 'Billed after calling +34 600 123 456',
			narrative: 'Write to me at ana@example.com. My account number is 88213377.'
		});
		const saved = getReport(db, id)!.report;
		expect(saved.title).toBe('Billed after calling [phone removed]');
		expect(saved.narrative).toBe(
			'Write to me at [email removed]. My account number is [account number removed].'
		);
		expect(saved.narrativeHtml).not.toContain('88213377');
		const hits = db.$client
			.prepare(`select rowid from report_fts where report_fts match '88213377'`)
			.all();
		expect(hits).toEqual([]);
		updateReport(
			db,
			id,
			reportInput({ narrative: 'Now my IBAN is ES91 2100 0418 4502 0005 1332.' }),
			author.id
		);
		expect(getReport(db, id)!.report.narrative).toBe('Now my IBAN is [IBAN removed].');
	});
});

describe('a report with a timeline', () => {
	const ev = caseEvent;

	it('stores its events in order with the figures they give, public notes redacted, and replaces them on edit', async () => {
		makeCompany(db, 'Acme Telecom', 'https://acme.example');
		const author = await makeUser(db);
		const events: CaseEvent[] = [
			ev('promise-made', '2026-09-01', { promisedOn: '2026-09-15', promisedAt: '08:00' }),
			ev('service-lost', '2026-09-14', { occurredAt: '14:00', note: 'Call me on +1 212 555 0147' }),
			ev('promise-made', '2026-09-15', { promisedOn: '2026-09-16' }),
			ev('promise-broken', '2026-09-17'),
			ev('escalation', '2026-09-18', { escalationTo: 'regulator', note: 'State utility board' }),
			ev('service-restored', '2026-09-19', { occurredAt: '06:00' }),
			ev('resolved', '2026-09-19')
		];
		const created = createReport(db, reportInput({ events, promisesBroken: 9 }), author.id);
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		const detail = getReport(db, created.id)!;
		expect(detail.events.map((e) => e.kind)).toEqual(events.map((e) => e.kind));
		expect(detail.events[1]!.note).not.toContain('555');
		expect(detail.report).toMatchObject({
			outageMinutes: 112 * 60,
			promiseDeltaMinutes: -18 * 60,
			promisesMade: 2,
			// Counted from the timeline, not the 9 typed.
			promisesBroken: 1,
			resolvedOn: '2026-09-19',
			agents: 50,
			agentsAtLeast: true,
			country: 'US',
			region: 'US-NY'
		});

		const edited = updateReport(
			db,
			created.id,
			reportInput({ events: events.slice(0, 2) }),
			author.id
		);
		expect(edited.ok).toBe(true);
		const after = getReport(db, created.id)!;
		expect(after.events).toHaveLength(2);
		expect(after.report).toMatchObject({ outageMinutes: null, promisesMade: 1, promisesBroken: 0 });
	});
});
