import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { createTestDb } from '../testing/db';
import { makeCompany, makeUser, reportInput } from '../testing/factories';
import { createReport } from './reports';
import { companyResponse, report } from '../db/schema';
import { desc } from 'drizzle-orm';
import { parseExploreFilters } from './explore';
import { exportBatches, exportColumns, listReportsPage } from './export';
import { decodeCursor } from './reports';
import { listExploreReports, summariseExplore } from './explore';
import { exportResponse } from './export-response';
import { readDataVersion } from '../db/data-version';

let db: Connection;
let author: Awaited<ReturnType<typeof makeUser>>;
beforeEach(async () => {
	db = createTestDb();
	author = await makeUser(db, { email: 'private.person@example.test' });
	makeCompany(db, 'Acme Telecom');
	for (let i = 0; i < 7; i++) {
		createReport(
			db,
			reportInput({
				title: i === 0 ? '=HYPERLINK("http://evil.example","click")' : `Report ${i}`,
				category: i % 2 ? 'billing-error' : 'service-outage',
				narrative: `Line one, "quoted"\nline two of report ${i}, long enough to be valid.`
			}),
			author.id,
			Date.UTC(2026, 0, 1 + i)
		);
	}
});

const everything = parseExploreFilters(new URLSearchParams());

describe('exportBatches', () => {
	it('reads every match once, newest first, a batch at a time', () => {
		const batches = [
			...exportBatches(db, everything, 'https://recourse.example', { batchSize: 3 })
		];
		expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
		const ids = batches.flat().map((r) => r.id);
		expect(new Set(ids).size).toBe(7);
		expect(ids).toEqual([...ids].sort((a, b) => Number(b) - Number(a)));
	});

	it('applies the explore filters', () => {
		const billing = parseExploreFilters(new URLSearchParams('category=billing-error'));
		const rows = [...exportBatches(db, billing, 'https://recourse.example')].flat();
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.category === 'billing-error')).toBe(true);
	});
});

describe('a report with several failures and circumstances (decision 028)', () => {
	it('exports all of them beside the primary category and first circumstance', () => {
		createReport(
			db,
			reportInput({
				title: 'Widow billed and closed',
				category: 'billing-error',
				categories: ['account-closed'],
				trigger: 'death-of-account-holder',
				triggers: ['name-change']
			}),
			author.id,
			Date.UTC(2026, 1, 1)
		);
		const [row] = [...exportBatches(db, everything, 'https://recourse.example')].flat();
		expect(row).toMatchObject({
			title: 'Widow billed and closed',
			category: 'billing-error',
			categories: 'billing-error|account-closed',
			trigger: 'death-of-account-holder',
			triggers: 'death-of-account-holder|name-change'
		});
	});
});

describe('exportResponse', () => {
	it('streams CSV with a header, quoted fields and formulas defused, and no personal data', async () => {
		const response = exportResponse(db, everything, 'https://recourse.example', 'csv');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		expect(text.startsWith(exportColumns.map(([c]) => c).join(',') + '\n')).toBe(true);
		expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
		expect(text).toContain('"Line one, ""quoted""\nline two of report 3');
		expect(text).not.toContain(author.email);
		expect(text).not.toContain(author.id);
		expect(text).not.toContain(author.displayName);
	});

	it('streams a JSON array of the same rows', async () => {
		const rows = await exportResponse(db, everything, 'https://recourse.example', 'json').json();
		expect(rows).toHaveLength(7);
		expect(rows[0]).toMatchObject({
			url: `https://recourse.example/reports/${rows[0].id}`,
			company_slug: 'acme-telecom'
		});
		expect(Object.keys(rows[0])).toEqual(exportColumns.map(([c]) => c));
	});
});

describe('export and API agree with explore', () => {
	it('export as many rows as the page counts, for filters combined with words', () => {
		for (const query of [
			'',
			'category=billing-error',
			'q=quoted',
			'q=report+3&category=billing-error',
			'q=nothing-matches-this'
		]) {
			const filters = parseExploreFilters(new URLSearchParams(query));
			const exported = [
				...exportBatches(db, filters, 'https://r.example', { batchSize: 2 })
			].flat();
			expect(exported.length, query).toBe(summariseExplore(db, filters).total);
			const listed = listExploreReports(db, filters, { limit: 100 })
				.reports.map((r) => r.id)
				.sort();
			expect(exported.map((r) => r.id).sort(), query).toEqual(listed);
		}
	});

	it('API pagination visits every row exactly once', () => {
		const seen: unknown[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const page = listReportsPage(db, everything, 'https://r.example', {
				before: decodeCursor(cursor),
				limit: 2
			});
			seen.push(...page.rows.map((r) => r.id));
			cursor = page.next;
			pages += 1;
		} while (cursor && pages < 100);
		expect(pages).toBe(4);
		expect(seen).toHaveLength(7);
		expect(new Set(seen).size).toBe(7);
	});
});

// Before: exports had no response, response date, timeliness, action or verdict columns.
describe("the company's side", () => {
	it('is exported with each report: response, its date, timeliness, action and verdict', async () => {
		const newest = db.select().from(report).orderBy(desc(report.id)).get()!;
		db.insert(companyResponse)
			.values({
				reportId: newest.id,
				companyId: newest.companyId,
				source: 'recourse',
				body: 'We refunded the fee.',
				action: 'monetary-relief',
				timely: true,
				createdAt: Date.UTC(2026, 1, 1),
				verdict: 'disputed',
				verdictAt: Date.UTC(2026, 1, 3)
			})
			.run();
		const [first, second] = [...exportBatches(db, everything, 'https://recourse.example')].flat();
		expect(first).toMatchObject({
			id: newest.id,
			response: 'We refunded the fee.',
			response_date: '2026-02-01T00:00:00.000Z',
			response_timely: true,
			response_action: 'monetary-relief',
			response_entries: 0,
			verdict: 'disputed',
			verdict_date: '2026-02-03T00:00:00.000Z'
		});
		expect(second).toMatchObject({
			response: null,
			response_date: null,
			response_timely: null,
			response_action: null,
			response_entries: null,
			verdict: null,
			verdict_date: null
		});
		const csv = await exportResponse(db, everything, 'https://recourse.example', 'csv').text();
		expect(csv).toContain(
			'response,response_date,response_timely,response_action,response_entries,verdict,verdict_date,followup_answer,followup_date\n'
		);
		expect(csv).toContain(
			'We refunded the fee.,2026-02-01T00:00:00.000Z,true,monetary-relief,0,disputed,2026-02-03T00:00:00.000Z,,\n'
		);
	});
});

// Before: exports gave the resolution date but not the days "what works" counts from it.
describe('days to resolution', () => {
	it('are exported beside the resolution date, empty without one', () => {
		const resolved = createReport(
			db,
			reportInput({
				startedOn: '2026-01-01',
				endedOn: null,
				events: [
					{
						kind: 'resolved',
						occurredOn: '2026-02-12',
						occurredAt: null,
						promisedOn: null,
						promisedAt: null,
						escalationTo: null,
						note: null
					}
				]
			}),
			author.id,
			Date.UTC(2026, 2, 1)
		);
		if (!resolved.ok) throw new Error('not saved');
		const [first, second] = [...exportBatches(db, everything, 'https://recourse.example')].flat();
		expect(first).toMatchObject({
			id: resolved.id,
			resolved_on: '2026-02-12',
			days_to_resolution: 42
		});
		expect(second).toMatchObject({ resolved_on: null, days_to_resolution: null });
	});
});

// Before: an export did not say which state of the data it was read from.
describe('the data version', () => {
	it('is stated in X-Data-Version by CSV and JSON exports', async () => {
		const version = readDataVersion(db);
		for (const format of ['csv', 'json'] as const) {
			const response = exportResponse(db, everything, 'https://recourse.example', format);
			expect(response.headers.get('x-data-version')).toBe(version);
			await response.text();
		}
		makeCompany(db, 'Globex Bank');
		const later = exportResponse(db, everything, 'https://recourse.example', 'csv');
		expect(later.headers.get('x-data-version')).not.toBe(version);
		await later.text();
	});
});
