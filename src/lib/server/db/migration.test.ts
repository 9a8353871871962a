/**
 * An existing database keeps every report, figure and count across the case-timeline migration
 * (0005): the fixture was made by the previous release (migrations 0000–0004) with demo data,
 * responses, verdicts and "me too"s (tests/fixtures/migrations/README.md).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { rollupDrift } from '../testing/rollup-drift';
import { getReport } from '../reports/reports';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function previousReleaseDatabase(): string {
	const dir = mkdtempSync(join(tmpdir(), 'recourse-migration-'));
	dirs.push(dir);
	const file = join(dir, 'old.db');
	writeFileSync(file, gunzipSync(readFileSync('tests/fixtures/migrations/0004-demo.db.gz')));
	return file;
}

/** Everything a page, an export or a figure reads, as plain rows. */
function snapshot(sqlite: Database.Database) {
	const all = (sql: string) => sqlite.prepare(sql).all();
	return {
		reports: all(
			`select id, company_id, author_id, title, category, "trigger", started_on, ended_on, contacts,
			effort_minutes, agents, promises_broken, currency, amount_disputed_minor,
			amount_recovered_minor, outcome, rating, narrative_html, language, me_too_count, created_at
			from report order by id`
		),
		channels: all('select * from report_channel order by report_id, channel'),
		escalations: all('select * from report_escalation order by report_id, escalation'),
		rollups: all('select * from rollup order by scope, dimension, key'),
		companies: all('select id, slug, report_count from company order by id'),
		patterns: all('select * from pattern order by slug'),
		responses: all('select * from company_response order by id'),
		meToos: all('select * from report_me_too order by report_id, user_id'),
		users: all('select id, email, role from user order by id')
	};
}

describe('migrating a database of the previous release', () => {
	it('keeps every report, figure and count, and gives the new facts empty values', () => {
		const file = previousReleaseDatabase();
		const old = new Database(file);
		expect(old.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(5);
		const before = snapshot(old);
		old.close();
		expect(before.reports).toHaveLength(400);
		expect(before.responses).toHaveLength(4);

		const db = openDatabase(file);
		try {
			// Every row is kept; only the monthly series moved to the incident's month (0008), and
			// the "what works" histograms are new (0009: drift below checks them).
			const months = (rows: unknown[], keep: boolean) =>
				rows.filter((row) => {
					const { dimension } = row as { dimension: string };
					return !dimension.startsWith('works_') && (dimension === 'month') === keep;
				});
			const after = snapshot(db.$client);
			expect({ ...after, rollups: months(after.rollups, false) }).toEqual({
				...before,
				rollups: months(before.rollups, false)
			});
			expect(months(after.rollups, true)).not.toEqual(months(before.rollups, true));
			const facts = db.$client
				.prepare(
					`select count(*) as n, sum(contacts_at_least + agents_at_least + effort_at_least) as bounds,
					count(country) as countries, count(resolved_by) as resolved from report`
				)
				.get();
			expect(facts).toEqual({ n: 400, bounds: 0, countries: 0, resolved: 0 });
			// The stored roll-ups are what a recount from the migrated base tables gives.
			expect(rollupDrift(db)).toEqual([]);
			const first = getReport(db, 1);
			expect(first?.report.title).toBe((before.reports[0] as { title: string }).title);
			expect(first?.events).toEqual([]);
		} finally {
			db.$client.close();
		}
	});
});

/** Migrates a database file with the migrations up to `last` (its index in drizzle's journal). */
function migrateUpTo(file: string, last: number) {
	const dir = mkdtempSync(join(tmpdir(), 'recourse-migrations-'));
	dirs.push(dir);
	cpSync('drizzle', dir, { recursive: true });
	const journalFile = join(dir, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
	journal.entries = journal.entries.filter((entry) => entry.idx <= last);
	writeFileSync(journalFile, JSON.stringify(journal));
	const sqlite = new Database(file);
	sqlite.pragma('foreign_keys = OFF');
	migrate(drizzle(sqlite), { migrationsFolder: dir });
	sqlite.close();
}

describe('migrating a database of migrations 0000–0009 (several categories and circumstances, 0010)', () => {
	it('keeps every report, figure and count; each report names its category and trigger alone', () => {
		const file = previousReleaseDatabase();
		migrateUpTo(file, 9);
		const old = new Database(file);
		expect(old.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(10);
		const before = snapshot(old);
		const works = old.prepare('select * from rollup order by scope, dimension, key').all();
		old.close();

		const db = openDatabase(file);
		try {
			const sqlite = db.$client;
			expect(snapshot(sqlite)).toEqual(before);
			expect(sqlite.prepare('select * from rollup order by scope, dimension, key').all()).toEqual(
				works
			);
			const pairs = (query: string) => sqlite.prepare(query).raw().all();
			expect(pairs('select report_id, category from report_category order by 1')).toEqual(
				pairs('select id, category from report order by 1')
			);
			expect(pairs('select report_id, "trigger" from report_trigger order by 1')).toEqual(
				pairs('select id, "trigger" from report where "trigger" is not null order by 1')
			);
			expect(rollupDrift(db)).toEqual([]);
			// The change log follows the new tables, so the facet index re-reads a changed report.
			const seq = () => sqlite.prepare('select max(seq) from report_change').pluck().get();
			const last = seq();
			sqlite.prepare(`insert into report_category values (1, 'rude-staff')`).run();
			expect(seq()).not.toBe(last);
			const first = getReport(db, 1)!;
			expect(first.categories).toEqual([first.report.category, 'rude-staff']);
		} finally {
			db.$client.close();
		}
	});
});
