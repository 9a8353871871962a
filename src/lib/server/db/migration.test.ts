/**
 * An existing database keeps every report, figure and count across the case-timeline migration
 * (0005): the fixture was made by the previous release (migrations 0000–0004) with demo data,
 * responses, verdicts and "me too"s (tests/fixtures/migrations/README.md).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
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
			// The conversation after an answer (decision 031) starts empty; every answer and
			// verdict is kept as it was, and writing an entry moves the data version (ETags).
			expect(db.$client.prepare('select count(*) from response_entry').pluck().get()).toBe(0);
			const answered = before.responses[0] as { id: number; report_id: number };
			const version = () =>
				db.$client.prepare('select version from data_version').pluck().get() as number;
			const was = version();
			db.$client
				.prepare(
					`insert into response_entry (response_id, report_id, role, body, body_html, created_at)
					values (?, ?, 'author', 'Still broken.', '<p>Still broken.</p>', 1)`
				)
				.run(answered.id, answered.report_id);
			expect(version()).toBe(was + 1);
		} finally {
			db.$client.close();
		}
	});
});
