/**
 * Every query behind the benchmarked pages uses an index: each statement they run is recorded
 * and its `EXPLAIN QUERY PLAN` must not scan the report table (a full read of a million rows).
 * Pages: home, company scorecard and reports, pattern, explore (no filter, three filters, text
 * search), report page, API list, CSV export.
 * The test database is small and left without ANALYZE statistics: SQLite then plans as for a
 * large table. (Statistics of 30 rows would rightly make it prefer scanning them.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { statementCache, type Connection } from './db/client';
import { listTopCompanies } from './companies/companies';
import { getRepresentation } from './companies/representatives';
import { countDashboardTabs, dashboardTabs, listDashboardReports } from './companies/dashboard';
import { getPattern, listSimilarReports } from './patterns/patterns';
import { listExploreReports, parseExploreFilters, summariseExplore } from './reports/explore';
import { exportBatches, listReportsPage } from './reports/export';
import { companyScope } from './reports/rollups';
import { getReport, listLatestReports, listReportsForCompany } from './reports/reports';
import { getScorecard } from './reports/scorecard';
import { getResponse } from './responses/responses';
import { createTestDb } from './testing/db';
import { askDueFollowups } from './followups/followups';
import { readOutcomeHistory } from './followups/outcome-history';
import { outboxTransport } from './mail/mail';
import { makeReport, makeUser } from './testing/factories';

type Recorded = { sql: string; params: unknown[] };

/** Records every statement run on the connection while `work` runs, with its parameters. */
function recordStatements(db: Connection, work: () => void): Recorded[] {
	const client = db.$client;
	const recorded: Recorded[] = [];
	// Statements drizzle prepared earlier would be reused unseen: prepare each one afresh here.
	const cache = statementCache(db);
	cache.enabled = false;
	const prepare = client.prepare.bind(client);
	client.prepare = ((source: string) => {
		const statement = prepare(source);
		for (const method of ['all', 'get', 'run', 'iterate'] as const) {
			const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
			(statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
				recorded.push({ sql: source, params });
				return original(...params);
			};
		}
		const raw = statement.raw.bind(statement);
		statement.raw = ((toggle?: boolean) => {
			raw(toggle ?? true);
			return statement;
		}) as typeof statement.raw;
		return statement;
	}) as typeof client.prepare;
	try {
		work();
	} finally {
		client.prepare = prepare;
		cache.enabled = true;
	}
	return recorded;
}

/** Plan steps that read the whole report table (or one of its big companions) row by row. */
function fullScans(db: Connection, statement: Recorded): string[] {
	const plan = db.$client
		.prepare(`explain query plan ${statement.sql}`)
		.all(...(statement.params as unknown[])) as { detail: string }[];
	return plan
		.map((step) => step.detail)
		.filter((detail) => /^SCAN (report|report_channel|report_escalation)\b(?! USING)/.test(detail));
}

let db: Connection;
let companyId: number;
let companySlug: string;
let reportId: number;
beforeAll(async () => {
	db = createTestDb();
	const author = await makeUser(db);
	for (let i = 0; i < 30; i++) {
		reportId = makeReport(db, author.id, {
			company: i % 2 ? 'Acme Telecom' : 'Other Energy',
			website: i % 2 ? 'acme.example' : 'other.example',
			category: i % 3 ? 'billing-error' : 'service-outage',
			trigger: 'death-of-account-holder',
			channels: ['phone'],
			narrative: `Refund refused again and again, report number ${i} of many.`
		});
	}
	const detail = getReport(db, reportId)!;
	companyId = detail.company.id;
	companySlug = detail.company.slug;
});

const filters = (query: string) => parseExploreFilters(new URLSearchParams(query));
const pages: Record<string, () => void> = {
	home: () => {
		listLatestReports(db, 10);
		listTopCompanies(db, 10);
	},
	scorecard: () => {
		getScorecard(db, companyScope(companyId));
		getRepresentation(db, companyId);
		listReportsForCompany(db, companyId, { limit: 20 });
	},
	pattern: () => {
		getPattern(db, 'billing-error-after-death-of-account-holder');
	},
	'explore, no filter': () => {
		summariseExplore(db, filters(''));
		listExploreReports(db, filters(''));
	},
	'explore, three filters': () => {
		const f = filters('category=billing-error&outcome=resolved&channel=phone');
		summariseExplore(db, f);
		listExploreReports(db, f);
	},
	'explore, text search': () => {
		const f = filters('q=refund');
		summariseExplore(db, f);
		listExploreReports(db, f);
	},
	'report page': () => {
		const detail = getReport(db, reportId)!;
		getResponse(db, reportId);
		readOutcomeHistory(db, reportId);
		listSimilarReports(db, detail.report);
	},
	'API list': () => {
		listReportsPage(db, filters('category=billing-error'), '', { before: null, limit: 50 });
	},
	'CSV export': () => {
		for (const batch of exportBatches(db, filters(''), '', { max: 100 }))
			expect(batch.length).toBeGreaterThan(0);
	},
	// The hourly job looks for reports 2, 4 and 8 weeks old: by creation time, never a scan.
	'follow-up questions': () => {
		void askDueFollowups({ db, mail: outboxTransport(db), origin: '', now: Date.now() });
	},
	'company dashboard': () => {
		const none = { q: '', category: null, pattern: null, country: null, from: null, to: null };
		const some = { ...none, category: 'billing-error' as const, country: 'US', q: 'refund' };
		for (const f of [none, some]) {
			countDashboardTabs(db, companyId, f);
			for (const tab of dashboardTabs) {
				listDashboardReports(db, companyId, { tab, sort: 'newest', filters: f });
				listDashboardReports(db, companyId, { tab, sort: 'oldest', filters: f });
			}
		}
	},
	'company filter': () => {
		const f = filters(`company=${companySlug}&outcome=resolved`);
		summariseExplore(db, f);
		listExploreReports(db, f);
	}
};

describe('query plans of the benchmarked pages', () => {
	for (const [name, load] of Object.entries(pages)) {
		it(`${name}: no full scan of reports`, () => {
			const statements = recordStatements(db, load);
			expect(statements.length).toBeGreaterThan(0);
			const scans = statements.flatMap((s) => fullScans(db, s).map((d) => `${d} ← ${s.sql}`));
			expect(scans).toEqual([]);
		});
	}

	it('would notice a full scan', () => {
		const statements = recordStatements(db, () => {
			db.$client.prepare('select count(*) from report where narrative like ?').get('%x%');
		});
		expect(fullScans(db, statements[0]!)).toEqual(['SCAN report']);
	});
});
