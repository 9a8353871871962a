/**
 * Hostile input through every form field and query parameter, at the domain layer: the Big List
 * of Naughty Strings (MIT, vendored in tests/fixtures/blns) as text, numbers, choices, dates,
 * company names and search words. Nothing throws, what is saved reads back as typed (bar the
 * personal-data labels), no HTML that could run script is ever produced, and a refused input
 * changes nothing in the database. The browser side is tests/e2e/hostile.test.ts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { Connection } from './db/client';
import { company, report, rollup } from './db/schema';
import { readExploreQuery, listExploreReports, summariseExplore } from './reports/explore';
import { exportBatches } from './reports/export';
import { createReport, getReport } from './reports/reports';
import { searchCompanies } from './companies/companies';
import { renderMarkdown } from './markdown';
import { redactPersonalData } from './privacy/redact';
import { createTestDb } from './testing/db';
import { makeUser, reportInput } from './testing/factories';
import { parseReport, reportFields } from '../validation/report';

const blns = JSON.parse(readFileSync('tests/fixtures/blns/blns.json', 'utf8')) as string[];
const blnsControl = (
	JSON.parse(readFileSync('tests/fixtures/blns/blns.base64.json', 'utf8')) as string[]
).map((b64) => Buffer.from(b64, 'base64').toString('utf8'));
const hostile = [...new Set([...blns, ...blnsControl])].filter((s) => s.length > 0);

/** A complete, valid report form as typed (every field present), with some fields replaced. */
function form(overrides: Record<string, string>): Record<string, string | string[]> {
	return {
		...Object.fromEntries(reportFields.map((f) => [f, ''])),
		channels: [],
		escalations: [],
		categories: [],
		triggers: [],
		company: 'Acme Telecom',
		title: 'A title',
		product: 'Landline',
		category: 'billing-error',
		startedOn: '2024-01-02',
		outcome: 'resolved',
		rating: '3',
		narrative: 'A narrative long enough to be accepted by the form.',
		language: 'en',
		...overrides
	};
}

/** HTML that could run script: tags, event handlers, script URLs. */
function assertInert(html: string, input: string) {
	expect(html, input).not.toMatch(/<(script|iframe|object|embed|svg|math|style|img|form|input)\b/i);
	expect(html, input).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
	expect(html, input).not.toMatch(/<[^>]*(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
}

let db: Connection;
let authorId: string;
beforeAll(async () => {
	db = createTestDb();
	authorId = (await makeUser(db)).id;
	createReport(db, reportInput({ website: 'acme.example' }), authorId);
});

const tableCounts = () => ({
	reports: db.select({ n: count() }).from(report).get()!.n,
	companies: db.select({ n: count() }).from(company).get()!.n,
	rollups: db.select({ n: count() }).from(rollup).get()!.n
});

describe('hostile strings (BLNS)', () => {
	it(`loads the list (${hostile.length} strings)`, () => {
		expect(hostile.length).toBeGreaterThan(600);
		expect(hostile).toContain('<script>alert(123)</script>');
	});

	it('never make the report form throw, whichever field they land in', () => {
		for (const field of reportFields) {
			for (const s of hostile) {
				expect(() => parseReport(form({ [field]: s })), `${field}: ${s}`).not.toThrow();
			}
		}
	});

	it('are saved and read back as typed, and render to inert HTML', { timeout: 60_000 }, () => {
		let saved = 0;
		for (const s of hostile) {
			const before = tableCounts();
			const parsed = parseReport(
				form({
					title: s.slice(0, 140),
					product: s.slice(0, 120),
					narrative: `The agent wrote this to me, word for word: ${s}`
				})
			);
			if (!parsed.ok) {
				// Refused input (e.g. a title of only spaces): nothing changes.
				expect(tableCounts(), s).toEqual(before);
				continue;
			}
			const result = createReport(db, parsed.input, authorId);
			expect(result.ok, s).toBe(true);
			if (!result.ok) continue;
			saved += 1;
			const r = getReport(db, result.id)!.report;
			expect(r.title, s).toBe(redactPersonalData(parsed.input.title).text);
			expect(r.narrative, s).toBe(redactPersonalData(parsed.input.narrative).text);
			assertInert(r.narrativeHtml, s);
		}
		expect(saved).toBeGreaterThan(hostile.length * 0.9);
	});

	it('render to inert HTML as Markdown of their own', () => {
		for (const s of hostile) assertInert(renderMarkdown(s), s);
		assertInert(
			renderMarkdown('[x](javascript:alert(1)) <a href="data:text/html,1">y</a>'),
			'links'
		);
	});

	it(
		'as company names either create a company with a URL-safe slug or are refused',
		{ timeout: 60_000 },
		() => {
			for (const [i, s] of hostile.entries()) {
				const parsed = parseReport(
					form({ company: s.slice(0, 120), website: `hostile-${i}.example` })
				);
				if (!parsed.ok) continue;
				const before = tableCounts();
				const result = createReport(db, parsed.input, authorId);
				if (!result.ok) {
					expect(tableCounts(), s).toEqual(before);
					continue;
				}
				const slug = getReport(db, result.id)!.company.slug;
				expect(slug, s).toMatch(/^[a-z0-9-]+$/);
			}
		}
	);

	it('as any explore, export or API parameter never throw', { timeout: 60_000 }, () => {
		const params = [
			'q',
			'company',
			'industry',
			'category',
			'trigger',
			'outcome',
			'channel',
			'escalation',
			'rating',
			'language',
			'from',
			'to',
			'before',
			'page'
		];
		// Every string as the search words; a spread of them in every other parameter.
		for (const [i, s] of hostile.entries()) {
			for (const name of i % 8 === 0 ? params : ['q']) {
				// What a refused value leaves (the page shows nothing then; this checks nothing throws).
				const { values: filters } = readExploreQuery(
					db,
					new URLSearchParams([[name, s]]),
					{},
					{
						unknownNames: 'refuse'
					}
				);
				expect(() => listExploreReports(db, filters, { limit: 3 }), `${name}: ${s}`).not.toThrow();
				expect(() => summariseExplore(db, filters), `${name}: ${s}`).not.toThrow();
			}
			const { values: filters } = readExploreQuery(
				db,
				new URLSearchParams([['q', s]]),
				{},
				{
					unknownNames: 'refuse'
				}
			);
			expect(() => [...exportBatches(db, filters, '', { max: 3 })], s).not.toThrow();
			expect(() => searchCompanies(db, s), s).not.toThrow();
		}
	});
});
