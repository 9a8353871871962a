import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { rmSync } from 'node:fs';
import { findCompanyByName } from '../companies/companies';
import type { Connection } from '../db/client';
import { company, companyResponse, report, rollup } from '../db/schema';
import { parseExploreFilters, summariseExplore } from '../reports/explore';
import { exportBatches } from '../reports/export';
import { setMeToo } from '../reports/me-too';
import { updateReport } from '../reports/reports';
import { ALL_SCOPE, companyScope, rebuildRollups } from '../reports/rollups';
import { getScorecard } from '../reports/scorecard';
import { createTestDb } from '../testing/db';
import { makeReport, makeUser, reportInput } from '../testing/factories';
import { samplePath } from '../testing/cfpb-sample';
import { companyResponses, mapCategory } from './cfpb-mapping';
import { chooseRollupMode, importCfpbFile } from './cfpb';

/** The sample read independently of the importer: the expected figures come from the file. */
const sample = parse(readFileSync(samplePath), { bom: true, columns: true }) as Record<
	string,
	string
>[];
const sampleText = readFileSync(samplePath, 'utf8');
const [headerLine] = sampleText.split(/\r?\n/, 1);

function countBy<T>(rows: T[], key: (row: T) => string | null): Map<string, number> {
	const counts = new Map<string, number>();
	for (const row of rows) {
		const k = key(row);
		if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	return counts;
}

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'recourse-cfpb-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rollupSnapshot(db: Connection) {
	return db
		.select()
		.from(rollup)
		.orderBy(rollup.scope, rollup.dimension, rollup.key)
		.all()
		.filter((r) => r.n !== 0);
}

function cfpbCount(db: Connection): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(report)
		.where(eq(report.source, 'cfpb'))
		.get()!.n;
}

describe('CFPB import of the sample', () => {
	let db: Connection;
	beforeAll(async () => {
		db = createTestDb();
		const summary = await importCfpbFile(db, samplePath);
		expect(summary).toMatchObject({
			rowsRead: sample.length,
			imported: sample.length,
			updated: 0,
			skipped: 0,
			companiesCreated: new Set(sample.map((r) => r['Company'])).size,
			rollups: 'incremental'
		});
	});

	it('imports every complaint once, as a CFPB report without author or rating', () => {
		expect(sample.length).toBe(2067);
		expect(cfpbCount(db)).toBe(2067);
		const row = db
			.select()
			.from(report)
			.where(eq(report.externalId, sample[0]!['Complaint ID']!))
			.get()!;
		expect(row).toMatchObject({
			source: 'cfpb',
			authorId: null,
			rating: null,
			language: 'en',
			startedOn: sample[0]!['Date received'],
			createdAt: Date.parse(`${sample[0]!['Date received']}T12:00:00Z`)
		});
		const details = JSON.parse(row.sourceDetails!);
		expect(details).toMatchObject({
			product: sample[0]!['Product'],
			issue: sample[0]!['Issue'],
			subIssue: sample[0]!['Sub-issue'] || null,
			state: sample[0]!['State'] || null,
			zipCode: sample[0]!['ZIP code'] || null,
			submittedVia: sample[0]!['Submitted via']
		});
	});

	it("places every complaint in the US, in its state's ISO 3166-2 region", () => {
		const byState = new Map<string, number>();
		for (const r of sample) {
			const region = /^[A-Z]{2}$/.test(r['State'] ?? '') ? `US-${r['State']}` : null;
			const key = ['AA', 'AE', 'AP'].includes(r['State'] ?? '') ? 'none' : (region ?? 'none');
			byState.set(key, (byState.get(key) ?? 0) + 1);
		}
		const stored = db.$client
			.prepare(
				`select coalesce(region, 'none') as region, count(*) as n from report
				where source = 'cfpb' and country = 'US' group by 1`
			)
			.all() as { region: string; n: number }[];
		expect(new Map(stored.map((r) => [r.region, r.n]))).toEqual(byState);
		expect(byState.get('US-CA')).toBeGreaterThan(100);
	});

	it('counts reports per company as the file does', () => {
		const expected = countBy(sample, (r) => r['Company']!);
		expect(expected.size).toBe(177);
		for (const [name, n] of expected) {
			const found = findCompanyByName(db, name);
			expect(found, name).toBeDefined();
			expect(found!.reportCount, name).toBe(n);
			expect(getScorecard(db, companyScope(found!.id)).sources).toEqual([{ key: 'cfpb', n }]);
		}
	});

	it('counts reports per category as the mapping of the file says', () => {
		const expected = countBy(
			sample,
			(r) => mapCategory(r['Product']!, r['Issue']!, r['Sub-issue']!).category
		);
		const stored = db
			.select({ category: report.category, n: sql<number>`count(*)` })
			.from(report)
			.groupBy(report.category)
			.all();
		expect(new Map(stored.map((r) => [r.category, r.n]))).toEqual(expected);
		// The roll-ups (scorecards, explore) agree.
		const all = getScorecard(db, ALL_SCOPE);
		expect(all.reportCount).toBe(2067);
		expect(new Map(all.categories.map((r) => [r.key, r.n]))).toEqual(expected);
		expect(
			summariseExplore(db, parseExploreFilters(new URLSearchParams('source=cfpb'))).total
		).toBe(2067);
	});

	it('keeps narratives (389), tags and responses', () => {
		const withNarrative = sample.filter((r) => r['Consumer complaint narrative']).length;
		expect(withNarrative).toBe(389);
		expect(
			db
				.select({ n: sql<number>`count(*)` })
				.from(report)
				.where(sql`${report.narrative} <> ''`)
				.get()!.n
		).toBe(withNarrative);
		const tagged = countBy(sample, (r) => r['Tags'] || null);
		const storedTags = countBy(db.select({ tags: report.tags }).from(report).all(), (r) => r.tags);
		expect(storedTags.get('["older-american","servicemember"]')).toBe(
			tagged.get('Older American, Servicemember')
		);
		expect(storedTags.get('["servicemember"]')).toBe(tagged.get('Servicemember'));
		expect(storedTags.get('["older-american"]')).toBe(tagged.get('Older American'));

		const expectedActions = countBy(sample, (r) => {
			const mapped = companyResponses[r['Company response to consumer']!];
			return mapped ? String(mapped.action) : null;
		});
		const responses = db.select().from(companyResponse).all();
		expect(countBy(responses, (r) => String(r.action))).toEqual(expectedActions);
		expect(responses.every((r) => r.source === 'cfpb' && r.authorId === null)).toBe(true);
		expect(responses.filter((r) => !r.timely).length).toBe(
			sample.filter(
				(r) => r['Company response to consumer'] !== 'In progress' && r['Timely response?'] === 'No'
			).length
		);
		// The scorecard's response figures (labelled CFPB) count these rows.
		expect(getScorecard(db, ALL_SCOPE).responses).toEqual([
			{
				source: 'cfpb',
				reports: 2067,
				responded: responses.length,
				timely: responses.filter((r) => r.timely).length,
				accepted: 0,
				disputed: responses.filter((r) => r.verdict === 'disputed').length,
				resolvedAfter: 0
			}
		]);
		expect(responses.filter((r) => r.verdict === 'disputed').length).toBe(
			sample.filter(
				(r) =>
					r['Company response to consumer'] !== 'In progress' && r['Consumer disputed?'] === 'Yes'
			).length
		);
	});

	it('keeps roll-ups equal to a rebuild', () => {
		const incremental = rollupSnapshot(db);
		rebuildRollups(db);
		expect(rollupSnapshot(db)).toEqual(incremental);
	});

	it('updates instead of duplicating when run again', async () => {
		const again = await importCfpbFile(db, samplePath);
		expect(again).toMatchObject({ rowsRead: 2067, imported: 0, updated: 0, unchanged: 2067 });
		expect(cfpbCount(db)).toBe(2067);

		// A newer export: the company answered a complaint that was in progress.
		const target = sample.find((r) => r['Company response to consumer'] === 'In progress')!;
		const changed = sample.map((r) =>
			r === target ? { ...r, 'Company response to consumer': 'Closed with monetary relief' } : r
		);
		const file = join(dir, 'newer.csv');
		writeFileSync(file, stringify(changed, { header: true, columns: Object.keys(sample[0]!) }));
		const before = rollupSnapshot(db);
		const third = await importCfpbFile(db, file, { rollups: 'rebuild' });
		expect(third).toMatchObject({ imported: 0, updated: 1, unchanged: 2066, rollups: 'rebuild' });
		expect(cfpbCount(db)).toBe(2067);
		const updated = db
			.select()
			.from(report)
			.where(eq(report.externalId, target['Complaint ID']!))
			.get()!;
		expect(updated.outcome).toBe('resolved');
		expect(
			db.select().from(companyResponse).where(eq(companyResponse.reportId, updated.id)).get()
				?.action
		).toBe('monetary-relief');
		expect(rollupSnapshot(db)).not.toEqual(before);

		// Back to the original, applied incrementally: the same roll-ups as a rebuild.
		const fourth = await importCfpbFile(db, samplePath, { rollups: 'incremental' });
		expect(fourth).toMatchObject({ imported: 0, updated: 1, unchanged: 2066 });
		expect(rollupSnapshot(db)).toEqual(before);
		rebuildRollups(db);
		expect(rollupSnapshot(db)).toEqual(before);
	});

	it('lets others say "me too", and nobody edit', async () => {
		const user = await makeUser(db);
		const imported = db.select().from(report).where(eq(report.source, 'cfpb')).limit(1).get()!;
		expect(setMeToo(db, imported.id, user.id, true)).toEqual({ ok: true, count: 1, joined: true });
		expect(updateReport(db, imported.id, reportInput(), user.id)).toEqual({
			ok: false,
			problem: 'forbidden'
		});
		// Re-importing keeps the "me too" count.
		await importCfpbFile(db, samplePath);
		expect(db.select().from(report).where(eq(report.id, imported.id)).get()!.meTooCount).toBe(1);
	});

	it('exports and filters by source', () => {
		const [first] = exportBatches(db, parseExploreFilters(new URLSearchParams('source=cfpb')), '', {
			batchSize: 5,
			max: 5
		});
		expect(
			first!.every((row) => row.source === 'cfpb' && /^\d+$/.test(String(row.external_id)))
		).toBe(true);
		const none = exportBatches(db, parseExploreFilters(new URLSearchParams('source=recourse')), '');
		expect([...none]).toEqual([]);
	});
});

describe('CFPB import roll-up mode', () => {
	it('applies small files as they go and rebuilds after large ones', () => {
		expect(chooseRollupMode(2_000, 0)).toBe('incremental');
		expect(chooseRollupMode(1_000_000, 0)).toBe('rebuild');
		expect(chooseRollupMode(50_000, 100_000)).toBe('rebuild');
		expect(chooseRollupMode(50_000, 2_000_000)).toBe('incremental');
	});
});

describe('CFPB import of damaged files', () => {
	it('reports and skips a malformed row and a truncated last line', async () => {
		const db = createTestDb();
		const lines = sampleText.split(/\r?\n/);
		// Ten whole rows (none with a narrative spanning lines in the first ones), then the damage.
		const good = lines.slice(1, 11);
		expect(good.every((l) => l.split(',').length >= 18)).toBe(true);
		const withTooFewFields = '2023-08-25,Debt collection,I do not know';
		const withBadDate = good[0]!.replace(/^\d{4}-\d{2}-\d{2}/, '2023-13-45').replace(/\d+$/, '99');
		const truncated =
			'2023-08-25,Debt collection,,Written notification about debt,,"I was told that';
		const file = join(dir, 'damaged.csv');
		writeFileSync(
			file,
			[
				headerLine,
				...good.slice(0, 5),
				withTooFewFields,
				withBadDate,
				...good.slice(5),
				truncated
			].join('\r\n')
		);
		const summary = await importCfpbFile(db, file);
		expect(summary).toMatchObject({ rowsRead: 13, imported: 10, skipped: 3 });
		expect(summary.skippedReasons.map((r) => [r.reason, r.lines])).toEqual(
			expect.arrayContaining([
				['expected 18 fields, found 3', [7]],
				['missing or invalid Date received', [8]],
				['unterminated quoted field (truncated row?)', [14]]
			])
		);
		expect(cfpbCount(db)).toBe(10);
	});

	it('removes personal data the CFPB left in a narrative', async () => {
		const db = createTestDb();
		const row = { ...sample[0]! };
		row['Consumer complaint narrative'] =
			'On XX/XX/XXXX I paid {$200.00}.\nWrite to jane.doe@example.com about it.';
		const file = join(dir, 'personal.csv');
		writeFileSync(file, stringify([row], { header: true, columns: Object.keys(row) }));
		await importCfpbFile(db, file);
		const stored = db.select().from(report).get()!;
		expect(stored.narrative).toBe(
			'On XX/XX/XXXX I paid {$200.00}.\nWrite to [email removed] about it.'
		);
		expect(stored.narrativeHtml).not.toContain('jane.doe');
		// The search index holds what is stored, not what was published.
		expect(
			db.$client
				.prepare(`select count(*) from report_fts where report_fts match 'jane'`)
				.pluck()
				.get()
		).toBe(0);
	});

	it('refuses a file that is not a CFPB export', async () => {
		const db = createTestDb();
		const file = join(dir, 'other.csv');
		writeFileSync(file, 'name,amount\nx,1\n');
		await expect(importCfpbFile(db, file)).rejects.toThrow(/Not a CFPB complaints export/);
	});

	it('imports a .zip of the sample the same as the CSV', async () => {
		const zipPath = join(dir, 'complaints.csv.zip');
		await new Promise<void>((resolve, reject) => {
			const zip = new yazl.ZipFile();
			zip.addFile(samplePath, 'complaints.csv');
			zip.end();
			zip.outputStream.pipe(createWriteStream(zipPath)).on('close', resolve).on('error', reject);
		});
		const db = createTestDb();
		const summary = await importCfpbFile(db, zipPath, { rollups: 'rebuild' });
		expect(summary).toMatchObject({ rowsRead: 2067, imported: 2067, skipped: 0 });
		expect(cfpbCount(db)).toBe(2067);
		expect(getScorecard(db, ALL_SCOPE).reportCount).toBe(2067);
		// Roll-ups rebuilt once count the Recourse reports too.
		const user = await makeUser(db);
		makeReport(db, user.id, { website: 'acme-telecom.example' });
		expect(getScorecard(db, ALL_SCOPE).sources).toEqual([
			{ key: 'cfpb', n: 2067 },
			{ key: 'recourse', n: 1 }
		]);
		expect(db.select().from(company).all().length).toBe(178);
	});
});
