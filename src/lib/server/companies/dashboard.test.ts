import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { outboxTransport } from '../mail/mail';
import { answerResponse, postResponse } from '../responses/responses';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser, reportInput } from '../testing/factories';
import { createReport } from '../reports/reports';
import { grantRepresentative } from './representatives';
import {
	countDashboardTabs,
	dashboardTabs,
	listDashboardReports,
	type DashboardFilters
} from './dashboard';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 12);
const none: DashboardFilters = {
	q: '',
	category: null,
	pattern: null,
	country: null,
	from: null,
	to: null
};

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

type Made = {
	id: number;
	createdAt: number;
	category: string;
	trigger: string;
	country: string;
	startedOn: string;
	title: string;
	answered: boolean;
	disputed: boolean;
};

/** Thirty reports about one company at varied ages, answered, disputed or not, and one elsewhere. */
async function world() {
	const author = await makeUser(db);
	const moderator = { id: author.id, role: 'moderator' };
	const repUser = await makeUser(db, { email: 'care@acme-telecom.example' });
	const made: Made[] = [];
	const acme = makeCompany(db, 'Acme Telecom', 'acme-telecom.example');
	makeCompany(db, 'Other Company');
	const categories = ['billing-error', 'service-outage', 'refund-refused'] as const;
	const triggers = ['moving-house', 'new-account', 'none'] as const;
	const countries = ['US', 'PL', 'DE'];
	for (let i = 0; i < 30; i++) {
		const createdAt = NOW - ((i * 37) % 40) * DAY - i;
		const input = {
			category: categories[i % 3]!,
			trigger: triggers[Math.floor(i / 3) % 3]!,
			country: countries[(i * 5) % 3]!,
			region: null,
			startedOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
			endedOn: null,
			title: i % 4 === 0 ? `Router blinked red ${i}` : `Bill doubled ${i}`
		};
		const id = createReport(db, reportInput(input), author.id, createdAt);
		if (!id.ok) throw new Error(JSON.stringify(id.problem));
		made.push({ id: id.id, createdAt, ...input, answered: false, disputed: false });
	}
	makeReport(db, author.id, { company: 'Other Company' });
	grantRepresentative(db, moderator, { companyId: acme.id, email: repUser.email, reason: 't' });
	const rep = { id: repUser.id, role: 'user' };
	for (const r of made) {
		if (r.id % 3 === 0) continue;
		await postResponse(
			db,
			outboxTransport(db),
			rep,
			r.id,
			{ body: 'We fixed it.', action: 'fixed' },
			'http://x',
			r.createdAt + DAY
		);
		r.answered = true;
		if (r.id % 2 === 0) {
			answerResponse(db, { id: author.id, role: 'user' }, r.id, {
				verdict: 'disputed',
				comment: 'Still broken.',
				outcome: 'unresolved'
			});
			r.disputed = true;
		}
	}
	return { acme, made };
}

function bruteForce(made: Made[], keep: (r: Made) => boolean) {
	const rows = made.filter(keep);
	return {
		all: rows.length,
		awaiting: rows.filter((r) => !r.answered).length,
		overdue: rows.filter((r) => !r.answered && r.createdAt < NOW - 15 * DAY).length,
		answered: rows.filter((r) => r.answered).length,
		disputed: rows.filter((r) => r.disputed).length
	};
}

describe('the company dashboard', () => {
	it('counts each tab as a recount of the reports does, under every filter', async () => {
		const { acme, made } = await world();
		const cases: [Partial<DashboardFilters>, (r: Made) => boolean][] = [
			[{}, () => true],
			[{ category: 'billing-error' }, (r) => r.category === 'billing-error'],
			[
				{ pattern: { category: 'service-outage', trigger: 'moving-house' } },
				(r) => r.category === 'service-outage' && r.trigger === 'moving-house'
			],
			[
				{
					category: 'billing-error',
					pattern: { category: 'service-outage', trigger: 'moving-house' }
				},
				() => false
			],
			[{ country: 'PL' }, (r) => r.country === 'PL'],
			[
				{ from: '2026-03-01', to: '2026-06-30' },
				(r) => r.startedOn >= '2026-03-01' && r.startedOn <= '2026-06-30'
			],
			[{ q: 'router' }, (r) => r.title.startsWith('Router')]
		];
		for (const [filters, keep] of cases) {
			const expected = bruteForce(made, keep);
			const counts = countDashboardTabs(db, acme.id, { ...none, ...filters }, NOW);
			expect(counts, JSON.stringify(filters)).toEqual(expected);
			expect(expected.all).toBeGreaterThanOrEqual(filters.category && filters.pattern ? 0 : 1);
			// Each tab lists exactly as many reports as its count, page by page.
			for (const tab of dashboardTabs) {
				for (const sort of ['oldest', 'newest'] as const) {
					const seen: number[] = [];
					let after = null;
					do {
						const page = listDashboardReports(
							db,
							acme.id,
							{ tab, sort, filters: { ...none, ...filters }, after, limit: 4 },
							NOW
						);
						seen.push(...page.reports.map((r) => r.createdAt));
						after = page.next
							? { createdAt: Number(page.next.split('-')[0]), id: Number(page.next.split('-')[1]) }
							: null;
					} while (after);
					expect(seen.length, `${tab} ${sort}`).toBe(counts[tab]);
					const sorted = [...seen].sort((a, b) => (sort === 'oldest' ? a - b : b - a));
					expect(seen).toEqual(sorted);
				}
			}
		}
	});
});
