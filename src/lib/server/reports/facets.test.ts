/**
 * The facet index answers explore as SQLite does: for any filter combination, and after any
 * write (whoever makes it), a fresh load, an emptied change log or a load in batches.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Connection } from '../db/client';
import { report, reportChannel } from '../db/schema';
import { generateDemoData } from '../demo/generate';
import { createTestDb } from '../testing/db';
import { makeUser, reportInput } from '../testing/factories';
import {
	categories,
	channels,
	escalations,
	industries,
	outcomes,
	reportLanguages,
	triggers
} from '../../taxonomy';
import {
	facetFilter,
	listExploreReports,
	parseExploreFilters,
	summariseExplore,
	type ExploreFilters
} from './explore';
import { exportBatches } from './export';
import { FacetIndex, facetsFor } from './facets';
import { createReport, decodeCursor, updateReport } from './reports';

const filters = (query: string): ExploreFilters => parseExploreFilters(new URLSearchParams(query));

/** What SQLite alone answers: inside a transaction the facet index stands aside. */
function bySql<T>(db: Connection, work: (tx: Connection) => T): T {
	return db.transaction((tx) => work(tx as unknown as Connection));
}

function expectSameAsSql(db: Connection, query: string) {
	const f = filters(query);
	expect(summariseExplore(db, f), query).toEqual(bySql(db, (tx) => summariseExplore(tx, f)));
	const exported = (conn: Connection) =>
		[...exportBatches(conn, f, 'http://x', { batchSize: 40, max: 200 })].flat().map((r) => r.id);
	expect(exported(db), query).toEqual(bySql(db, exported));
	if (!f.q) {
		const ids = (list: { reports: { id: number }[] }) => list.reports.map((r) => r.id);
		expect(ids(listExploreReports(db, f, { limit: 15 })), query).toEqual(
			ids(bySql(db, (tx) => listExploreReports(tx, f, { limit: 15 })))
		);
	}
}

/** A small deterministic pseudo-random sequence (mulberry32). */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('facet index on demo data', () => {
	let db: Connection;
	let companySlugs: string[];
	beforeAll(() => {
		db = createTestDb();
		generateDemoData(db, { reports: 1500, companies: 60, seed: 7 });
		companySlugs = db.$client
			.prepare('select slug from company order by report_count desc limit 8')
			.pluck()
			.all() as string[];
		// Explore must be answered by the index here, not by SQLite alone.
		expect(facetsFor(db)).not.toBeNull();
	});

	it('answers chosen filter combinations as SQLite does', () => {
		for (const query of [
			'',
			'category=billing-error',
			'category=billing-error&outcome=unresolved&channel=phone',
			'trigger=death-of-account-holder&category=billing-error',
			'escalation=regulator&escalation=media',
			'rating=1&rating=2&language=es',
			'language=de&language=ca',
			`company=${companySlugs[0]}`,
			`company=${companySlugs[0]}&company=${companySlugs[1]}&category=service-outage`,
			'industry=telecom',
			`industry=banking&company=${companySlugs[0]}`,
			'from=2025-01-01&to=2025-06-30',
			'from=2026-01-01',
			'source=recourse',
			'source=cfpb',
			'country=DE',
			'country=ES&country=GB',
			'region=ES-CT',
			'country=US&region=US-CA&region=US-TX&category=billing-error',
			'country=FR',
			'q=refund',
			'q=refund&category=refund-refused&rating=1',
			'q=engineer+visit',
			'q=zzzzunmatched',
			'q=%21%21%21'
		]) {
			expectSameAsSql(db, query);
		}
	});

	it("filters by the consumer's country and region, which the demo data spreads", () => {
		const total = (query: string) => summariseExplore(db, filters(query)).total;
		const counted = (where: string, ...values: string[]) =>
			db.$client
				.prepare(`select count(*) from report where ${where}`)
				.pluck()
				.get(...values);
		expect(total('country=ES')).toBeGreaterThan(0);
		expect(total('country=ES')).toBe(counted('country = ?', 'ES'));
		expect(total('region=ES-CT')).toBe(counted('region = ?', 'ES-CT'));
		expect(total('region=ES-CT')).toBeGreaterThan(0);
		expect(total('region=ES-CT')).toBeLessThan(total('country=ES'));
		expect(total('country=US&country=DE')).toBe(total('country=US') + total('country=DE'));
	});

	it('filters by what resolved the case, which the demo data says for resolved cases', () => {
		const total = (query: string) => summariseExplore(db, filters(query)).total;
		const counted = (value: string) =>
			db.$client
				.prepare('select count(*) from report where resolved_by = ? and hidden_at is null')
				.pluck()
				.get(value);
		expect(total('resolved_by=regulator')).toBeGreaterThan(0);
		expect(total('resolved_by=regulator')).toBe(counted('regulator'));
		expect(total('resolved_by=company')).toBe(counted('company'));
		expect(total('resolved_by=company&resolved_by=regulator')).toBe(
			total('resolved_by=company') + total('resolved_by=regulator')
		);
		for (const query of [
			'resolved_by=media',
			'resolved_by=regulator&escalation=regulator&outcome=resolved',
			'resolved_by=company&country=ES'
		]) {
			expectSameAsSql(db, query);
		}
	});

	it('answers 150 random filter combinations as SQLite does', { timeout: 120_000 }, () => {
		const next = random(42);
		const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
		const dimensions: [string, () => string][] = [
			['category', () => pick(categories)],
			['trigger', () => pick(triggers)],
			['outcome', () => pick(outcomes)],
			['channel', () => pick(channels)],
			['escalation', () => pick(escalations)],
			['rating', () => String(1 + Math.floor(next() * 5))],
			['language', () => pick(reportLanguages)],
			['industry', () => pick(industries)],
			['company', () => pick(companySlugs)],
			['country', () => pick(['US', 'GB', 'DE', 'ES', 'PL', 'RU', 'CA', 'SE'])],
			['region', () => pick(['ES-CT', 'US-CA', 'US-NY', 'DE-BY', 'GB-SCT', 'PL-14'])],
			['from', () => `202${4 + Math.floor(next() * 3)}-0${1 + Math.floor(next() * 9)}-01`],
			['q', () => pick(['refund', 'bill', 'line', 'account', 'months'])]
		];
		for (let i = 0; i < 150; i++) {
			const params = new URLSearchParams();
			const count = 1 + Math.floor(next() * 3);
			for (let j = 0; j < count; j++) {
				const [name, value] = pick(dimensions);
				// from and q take one value: a second would be refused, not combined.
				if (name === 'from' || name === 'q') params.set(name, value());
				else params.append(name, value());
			}
			expectSameAsSql(db, params.toString());
		}
	});

	it('pages through every matching report exactly once, newest first', () => {
		const f = filters('category=billing-error');
		const seen: number[] = [];
		let before = null;
		for (let guard = 0; guard < 100; guard++) {
			const page = listExploreReports(db, f, { before, limit: 25 });
			seen.push(...page.reports.map((r) => r.id));
			const times = page.reports.map((r) => r.createdAt);
			expect(times).toEqual([...times].sort((a, b) => b - a));
			if (!page.next) break;
			before = decodeCursor(page.next);
		}
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.length).toBe(summariseExplore(db, f).total);
	});

	it('loads a large database in batches between requests, and misses no write made meanwhile', async () => {
		const index = new FacetIndex(db.$client, { loadBatch: 100, syncLoadMax: 0 });
		expect(index.ready()).toBe(false);
		// A write while the load runs: the index must see it once ready.
		const authorId = (await makeUser(db)).id;
		const filed = createReport(
			db,
			reportInput({ company: 'Nowhere Inc', website: 'https://nowhere.example' }),
			authorId
		);
		expect(filed.ok).toBe(true);
		for (let i = 0; i < 200 && !index.ready(); i++) await new Promise((r) => setImmediate(r));
		expect(index.ready()).toBe(true);
		const f = filters('category=service-outage');
		const viaIndex = index.count(facetFilter(db, index, f)!);
		expect(viaIndex).toBe(bySql(db, (tx) => summariseExplore(tx, f)).total);
		expect(viaIndex).toBe(summariseExplore(db, f).total);
	});
});

describe('facet index after writes', () => {
	// Before migration 0009 the change log missed edits of only these columns.
	it('follows a direct edit of only the country, the region or what resolved a case', () => {
		const db = createTestDb();
		generateDemoData(db, { reports: 200, companies: 10, seed: 5 });
		const id = db.$client
			.prepare(`select id from report where country is not null order by id limit 1`)
			.pluck()
			.get() as number;
		const count = (query: string) => summariseExplore(db, filters(query)).total;
		const before = [count('country=IS'), count('region=IS-1'), count('resolved_by=court')];
		db.update(report)
			.set({ country: 'IS', region: 'IS-1', resolvedBy: 'court' })
			.where(eq(report.id, id))
			.run();
		expect([count('country=IS'), count('region=IS-1'), count('resolved_by=court')]).toEqual(
			before.map((n) => n + 1)
		);
		for (const query of ['country=IS', 'region=IS-1', 'resolved_by=court']) {
			expectSameAsSql(db, query);
		}
	});

	it('follows filing, editing, hiding, restoring, tag changes and deletion, whoever writes', async () => {
		const db = createTestDb();
		generateDemoData(db, { reports: 200, companies: 10, seed: 3 });
		const authorId = (await makeUser(db)).id;
		const at = Date.UTC(2026, 5, 1);
		const check = () => {
			for (const query of [
				'',
				'category=billing-error',
				'category=service-outage&channel=chat',
				'escalation=media',
				'q=dialtone'
			]) {
				expectSameAsSql(db, query);
			}
		};
		check();
		// A date filter keeps explore off the roll-ups, which direct writes below do not update.
		const total = () => summariseExplore(db, filters('from=1900-01-01')).total;
		const before = total();

		const input = reportInput({
			company: 'Acme Telecom',
			website: 'https://acme-telecom.example',
			category: 'billing-error',
			channels: ['chat'],
			escalations: ['media'],
			narrative: 'No dialtone for days.'
		});
		const filed = createReport(db, input, authorId, at);
		if (!filed.ok) throw new Error('not filed');
		expect(total()).toBe(before + 1);
		check();

		updateReport(
			db,
			filed.id,
			{ ...input, category: 'service-outage', narrative: 'Quiet line.' },
			authorId,
			at
		);
		expect(summariseExplore(db, filters('q=dialtone')).total).toBe(0);
		check();

		// Another writer (a script, a moderator's tool) changes rows directly.
		db.update(report).set({ hiddenAt: at }).where(eq(report.id, filed.id)).run();
		expect(total()).toBe(before);
		check();
		db.update(report).set({ hiddenAt: null }).where(eq(report.id, filed.id)).run();
		expect(total()).toBe(before + 1);
		db.delete(reportChannel).where(eq(reportChannel.reportId, filed.id)).run();
		check();

		// The change log emptied under the index (as a bulk load may): it starts over.
		db.run(sql`delete from report_change`);
		db.delete(report).where(eq(report.id, filed.id)).run();
		expect(total()).toBe(before);
		check();
	});
});
