import { createHash } from 'node:crypto';
import {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { setRole, type Actor } from '../auth/roles';
import { companyResponse } from '../db/schema';
import { readDataVersion } from '../db/data-version';
import { moderate } from '../moderation/moderation';
import { exportColumns } from '../reports/export';
import { createTestDb } from '../testing/db';
import { caseEvent, makeReport, makeUser } from '../testing/factories';
import { buildDataset, keptVersions } from './build';
import { currentDataset, findDatasetFile, listVersions } from './manifest';

const T0 = Date.UTC(2026, 10, 29, 6, 0);
const origin = 'https://recourse.example';

let db: Connection;
let dir: string;
beforeEach(() => {
	db = createTestDb();
	dir = mkdtempSync(join(tmpdir(), 'recourse-dataset-'));
});

/** Two companies' reports, one hidden by a moderator, each with a response, one response hidden. */
async function world() {
	const author = await makeUser(db, { email: 'author.private@example.test' });
	const mod = await makeUser(db, { email: 'moderator.private@example.test' });
	setRole(db, { email: mod.email, role: 'moderator', actorId: null }, T0);
	const moderator: Actor = { id: mod.id, role: 'moderator' };
	const ids = [
		makeReport(db, author.id, {
			company: 'Acme Telecom',
			website: 'acme.example',
			title: 'Line dead for days',
			events: [caseEvent('first-contact', '2024-03-01'), caseEvent('resolved', '2024-03-06')]
		}),
		makeReport(db, author.id, {
			company: 'Globex Bank',
			website: 'globex.example',
			title: 'Fee never refunded'
		}),
		makeReport(db, author.id, { company: 'Acme Telecom', title: 'Secret hidden report' })
	];
	const [shown, answeredHidden, hidden] = ids as [number, number, number];
	moderate(
		db,
		moderator,
		{ targetType: 'report', targetId: hidden, action: 'hide', reason: 'spam', note: 'advert' },
		T0
	);
	const respond = (reportId: number, body: string, hiddenAt: number | null) => {
		const companyId = db.$client
			.prepare('select company_id from report where id = ?')
			.pluck()
			.get(reportId) as number;
		db.insert(companyResponse)
			.values({ reportId, companyId, body, timely: true, createdAt: T0, hiddenAt })
			.run();
	};
	respond(shown, 'We restored the line.', null);
	respond(answeredHidden, 'A hidden reply', T0);
	respond(hidden, 'Reply to a hidden report', null);
	return { shown, hidden, emails: [author.email, mod.email] };
}

const count = (sql: string) => db.$client.prepare(sql).pluck().get() as number;

function csvOf(path: string): string[][] {
	return parse(gunzipSync(readFileSync(path)).toString('utf8'), { bom: true }) as string[][];
}

describe('the downloadable dataset', () => {
	it('holds every public row, as many as SQL counts, and no hidden report, response or e-mail', async () => {
		const w = await world();
		const before = readDataVersion(db);
		const manifest = await buildDataset(db, dir, new Date(T0), { origin });
		const folder = join(dir, manifest.version);

		// Read at the version it names; publishing it moves the version (/about/data changed).
		expect(manifest.dataVersion).toBe(before);
		expect(readDataVersion(db)).not.toBe(before);
		expect(manifest.createdAt).toBe(new Date(T0).toISOString());
		expect(manifest.license).toMatchObject({ name: 'CC BY 4.0', spdx: 'CC-BY-4.0' });
		expect(manifest.tables).toEqual({
			report: count('select count(*) from report where hidden_at is null'),
			company: count('select count(*) from company'),
			pattern: count('select count(*) from pattern'),
			company_response: count(
				`select count(*) from company_response where hidden_at is null
				and report_id in (select id from report where hidden_at is null)`
			),
			report_channel: count(
				'select count(*) from report_channel where report_id in (select id from report where hidden_at is null)'
			),
			report_escalation: count(
				'select count(*) from report_escalation where report_id in (select id from report where hidden_at is null)'
			),
			report_category: count(
				'select count(*) from report_category where report_id in (select id from report where hidden_at is null)'
			),
			report_trigger: count(
				'select count(*) from report_trigger where report_id in (select id from report where hidden_at is null)'
			),
			report_event: count(
				'select count(*) from report_event where report_id in (select id from report where hidden_at is null)'
			)
		});
		expect(manifest.tables).toMatchObject({ report: 2, company: 2, company_response: 1 });
		expect(manifest.tables.report_event).toBeGreaterThan(0);

		// The reports CSV has the export's header, one line per public report, and its hash.
		const reports = csvOf(join(folder, 'report.csv.gz'));
		expect(reports[0]).toEqual(exportColumns.map(([name]) => name));
		expect(reports.length - 1).toBe(manifest.tables.report);
		const idColumn = reports[0]!.indexOf('id');
		expect(reports.slice(1).map((r) => Number(r[idColumn]))).not.toContain(w.hidden);
		expect(reports.slice(1).map((r) => Number(r[idColumn]))).toContain(w.shown);

		for (const file of manifest.files) {
			const bytes = readFileSync(join(folder, file.name));
			expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
			expect(bytes.length).toBe(file.bytes);
			const text = gunzipSync(bytes).toString('latin1');
			for (const email of w.emails) expect(text).not.toContain(email);
			expect(text).not.toContain('Secret hidden report');
			expect(text).not.toContain('A hidden reply');
			expect(text).not.toContain('Reply to a hidden report');
			if (file.table !== 'database') {
				expect(csvOf(join(folder, file.name)).length - 1).toBe(manifest.tables[file.table]);
			}
		}

		// The SQLite file: public tables only, the same rows.
		const sqliteFile = join(folder, 'unpacked.sqlite');
		writeFileSync(sqliteFile, gunzipSync(readFileSync(join(folder, 'recourse.sqlite.gz'))));
		const published = new Database(sqliteFile, { readonly: true });
		try {
			const tables = published
				.prepare("select name from sqlite_master where type = 'table' order by name")
				.pluck()
				.all();
			expect(tables).toEqual([
				'company',
				'company_response',
				'dataset',
				'pattern',
				'report',
				'report_category',
				'report_channel',
				'report_escalation',
				'report_event',
				'report_trigger'
			]);
			for (const [table, rows] of Object.entries(manifest.tables)) {
				expect(published.prepare(`select count(*) from ${table}`).pluck().get()).toBe(rows);
			}
			expect(
				published.prepare('select count(*) from report where id = ?').pluck().get(w.hidden)
			).toBe(0);
			expect(published.prepare('select title from report where id = ?').pluck().get(w.shown)).toBe(
				'Line dead for days'
			);
		} finally {
			published.close();
		}
	});

	it('keeps the last two versions, and names files only through the manifest', async () => {
		await world();
		// A build that died a day ago left its folder; one running now (another process) has its own.
		mkdirSync(join(dir, '.build-died'));
		utimesSync(
			join(dir, '.build-died'),
			new Date(T0 - 2 * 86_400_000),
			new Date(T0 - 2 * 86_400_000)
		);
		mkdirSync(join(dir, '.build-running'));
		const first = await buildDataset(db, dir, new Date(T0), { origin });
		makeReport(db, (await makeUser(db)).id, {
			company: 'Initech',
			website: 'initech.example',
			title: 'A later report'
		});
		const second = await buildDataset(db, dir, new Date(T0 + 60_000), { origin });
		const third = await buildDataset(db, dir, new Date(T0 + 120_000), { origin });

		expect(second.tables.report).toBe(first.tables.report! + 1);
		expect(second.dataVersion).not.toBe(first.dataVersion);
		expect(listVersions(dir)).toEqual([third.version, second.version]);
		expect(keptVersions).toBe(2);
		// Nothing half-built is left beside them.
		expect(readdirSync(dir).sort()).toEqual(['.build-running', second.version, third.version]);
		expect(currentDataset(dir)?.version).toBe(third.version);

		expect(findDatasetFile(dir, third.version, 'report.csv.gz')?.file.rows).toBe(3);
		expect(findDatasetFile(dir, first.version, 'report.csv.gz')).toBeNull();
		expect(
			findDatasetFile(dir, third.version, '../' + second.version + '/report.csv.gz')
		).toBeNull();
		expect(findDatasetFile(dir, '..', 'manifest.json')).toBeNull();
		expect(findDatasetFile(dir, third.version, 'manifest.json')).toBeNull();
	});

	it('says there is none before the first build', () => {
		expect(currentDataset(dir)).toBeNull();
		expect(currentDataset(join(dir, 'never-made'))).toBeNull();
	});
});
