import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { authenticate } from '../auth/users';
import { renderMarkdown } from '../markdown';
import { ALL_SCOPE, companyScope, rebuildRollups } from '../reports/rollups';
import { getScorecard } from '../reports/scorecard';
import { createTestDb } from '../testing/db';
import { generateDemoData, hasReports, type DemoOptions } from './generate';
import { missionCases } from './mission-cases';

const small = { reports: 400, companies: 60, users: 50 } satisfies DemoOptions;

function load(options: DemoOptions = small): Connection {
	const conn = createTestDb();
	generateDemoData(conn, options);
	return conn;
}

function all<T = Record<string, unknown>>(conn: Connection, sql: string, ...params: unknown[]) {
	return conn.$client.prepare(sql).all(...params) as T[];
}

function count(conn: Connection, sql: string, ...params: unknown[]): number {
	return (
		(conn.$client
			.prepare(sql)
			.pluck()
			.get(...params) as number) ?? 0
	);
}

/** A digest of every row the generator writes, in a stable order. */
function digest(conn: Connection): string {
	const hash = createHash('sha256');
	for (const table of ['user', 'company', 'report', 'report_channel', 'report_escalation']) {
		for (const row of all(conn, `select * from "${table}" order by 1, 2`)) {
			hash.update(JSON.stringify(row));
		}
	}
	return hash.digest('hex');
}

/** Every roll-up row, pattern and company count, as rebuildRollups leaves them. */
function rollupSnapshot(conn: Connection) {
	return {
		rollups: all(conn, 'select * from rollup order by scope, dimension, key'),
		patterns: all(conn, 'select * from pattern order by slug'),
		counts: all(conn, 'select id, report_count from company order by id')
	};
}

describe('generateDemoData', () => {
	it('gives identical rows for the same seed and different rows for another', () => {
		const first = digest(load({ ...small, seed: 7 }));
		expect(digest(load({ ...small, seed: 7 }))).toBe(first);
		expect(digest(load({ ...small, seed: 8 }))).not.toBe(first);
	});

	it('creates the requested numbers of reports, companies and users', () => {
		const conn = createTestDb();
		expect(hasReports(conn)).toBe(false);
		const summary = generateDemoData(conn, { reports: 1234, companies: 90, users: 40 });
		expect(hasReports(conn)).toBe(true);
		expect(count(conn, 'select count(*) from report')).toBe(1234);
		expect(count(conn, 'select count(*) from company')).toBe(90);
		expect(count(conn, 'select count(*) from user')).toBe(40);
		expect(summary).toMatchObject({ reports: 1234, companies: 90, users: 40 });
		expect(count(conn, 'select count(*) from report_channel')).toBe(summary.channels);
		expect(count(conn, 'select count(*) from report_escalation')).toBe(summary.escalations);
	});

	it('starts with the mission cases, and a tiny load has only the first of them', () => {
		const conn = load();
		const shipping = all<{ id: number; title: string; amount_recovered_minor: number }>(
			conn,
			`select id, title, amount_recovered_minor from report
			where amount_disputed_minor = 745500 and currency = 'USD' and outcome = 'resolved'`
		);
		expect(shipping).toHaveLength(1);
		expect(shipping[0]).toMatchObject({ title: expect.stringContaining('$7,455') });
		expect(shipping[0]!.amount_recovered_minor).toBe(745_500);
		expect(
			all(conn, 'select escalation from report_escalation where report_id = ?', shipping[0]!.id)
		).toContainEqual({ escalation: 'media' });

		const landline = all(
			conn,
			`select r.category, r.contacts, r.agents, r.promises_broken, c.escalation, h.channel
			from report r join report_escalation c on c.report_id = r.id
			join report_channel h on h.report_id = r.id
			where r.id = 1`
		);
		expect(landline).toEqual([
			{
				category: 'service-outage',
				contacts: 22,
				agents: 50,
				promises_broken: 3,
				escalation: 'regulator',
				channel: 'phone'
			}
		]);
		expect(
			count(
				conn,
				`select count(*) from report where category = 'cancellation-obstructed'
			and "trigger" = 'cancellation' and id <= ?`,
				missionCases.length
			)
		).toBeGreaterThan(0);
		expect(
			count(
				conn,
				`select count(*) from report where "trigger" = 'death-of-account-holder'
			and narrative like '%in arrears%' and id <= ?`,
				missionCases.length
			)
		).toBe(1);
		expect(
			count(
				conn,
				`select count(*) from report where category = 'account-closed'
			and id <= ?`,
				missionCases.length
			)
		).toBeGreaterThan(0);
		const languages = all<{ language: string }>(
			conn,
			'select distinct language from report where id <= ? order by 1',
			missionCases.length
		).map((r) => r.language);
		expect(languages).toEqual(['ca', 'de', 'en', 'es', 'pl', 'ru']);
		// The widow's two circumstances and the support line's two failures (decision 028).
		expect(
			count(
				conn,
				`select count(*) from report r
				join report_trigger a on a.report_id = r.id and a."trigger" = 'death-of-account-holder'
				join report_trigger b on b.report_id = r.id and b."trigger" = 'name-change'
				where r.id <= ?`,
				missionCases.length
			)
		).toBe(2);
		expect(
			count(
				conn,
				`select count(*) from report r
				join report_category c on c.report_id = r.id and c.category = 'unreachable-support'
				where r.category = 'service-outage' and r.id <= ?`,
				missionCases.length
			)
		).toBe(2);
		// Every report names at least its own category.
		expect(
			count(
				conn,
				`select count(*) from report r
				where not exists (select 1 from report_category c
					where c.report_id = r.id and c.category = r.category)`
			)
		).toBe(0);
		// Every fact of the founding cases is a field, not only words in the narrative.
		expect(
			all(
				conn,
				`select title, agents, agents_at_least as agentsAtLeast, outage_minutes as outage,
				promise_delta_minutes as delta, promises_made as made, promises_broken as broken,
				resolved_by as resolvedBy, order_value_minor as orderValue, amount_disputed_minor as disputed,
				country, region, (select count(*) from report_event e where e.report_id = report.id) as events
				from report where title in (?, ?) order by id`,
				'Dial tone cut 18 hours early, then out for 112 hours',
				'$7,455 shipping fee on $88.77 of goods'
			)
		).toEqual([
			{
				title: 'Dial tone cut 18 hours early, then out for 112 hours',
				agents: 50,
				agentsAtLeast: 1,
				outage: 112 * 60,
				delta: -18 * 60,
				made: 4,
				broken: 3,
				resolvedBy: 'regulator',
				orderValue: null,
				disputed: null,
				country: 'US',
				region: 'US-OH',
				events: 12
			},
			{
				title: '$7,455 shipping fee on $88.77 of goods',
				agents: 7,
				agentsAtLeast: 0,
				outage: null,
				delta: null,
				made: 1,
				broken: 1,
				resolvedBy: 'media',
				orderValue: 8_877,
				disputed: 745_500,
				country: 'US',
				region: 'US-OR',
				events: 12
			}
		]);

		const tiny = load({ reports: 3, companies: 60, users: 5 });
		expect(all(tiny, 'select title from report order by id')).toEqual(
			missionCases.slice(0, 3).map((c) => ({ title: c.title }))
		);
	});

	it('leaves roll-ups equal to a rebuild, and scorecards that count every report', () => {
		const conn = load({ ...small, reports: 3000 });
		const generated = rollupSnapshot(conn);
		rebuildRollups(conn);
		expect(rollupSnapshot(conn)).toEqual(generated);

		const companies = all<{ id: number; report_count: number }>(
			conn,
			'select id, report_count from company order by report_count desc, id'
		);
		for (const c of [companies[0]!, companies[5]!, companies[companies.length - 1]!]) {
			const reports = count(conn, 'select count(*) from report where company_id = ?', c.id);
			const scorecard = getScorecard(conn, companyScope(c.id));
			expect(scorecard.reportCount).toBe(reports);
			expect(scorecard.rating.n).toBe(reports);
			expect(c.report_count).toBe(reports);
		}
		expect(getScorecard(conn, ALL_SCOPE).reportCount).toBe(3000);
		// A few big companies and a long tail.
		expect(companies[0]!.report_count).toBeGreaterThan(20 * companies.at(-1)!.report_count);
	});

	it('writes only valid rows: foreign keys, dates, effort, money, ratings, rendered HTML', () => {
		const conn = load({ ...small, reports: 3000 });
		expect(all(conn, 'pragma foreign_key_check')).toEqual([]);
		expect(
			count(
				conn,
				`select count(*) from report where ended_on < started_on
				or created_at < unixepoch(started_on) * 1000 or updated_at < created_at
				or date(started_on) is not started_on or (ended_on is not null and date(ended_on) is not ended_on)
				or effort_minutes % 15 <> 0 or effort_minutes > 6000
				or contacts not between 1 and 60 or rating not between 1 and 5
				or (currency is null) <> (amount_disputed_minor is null)`
			)
		).toBe(0);
		// Recovered money rarely exceeds the amount in dispute (goodwill gestures).
		expect(
			count(
				conn,
				'select count(*) from report where amount_recovered_minor > amount_disputed_minor'
			)
		).toBeLessThan(count(conn, 'select count(*) from report where currency is not null') / 20);
		const lowRatings = count(conn, 'select count(*) from report where rating <= 2');
		expect(lowRatings).toBeGreaterThan(3000 / 2);

		const sample = all<{ narrative: string; narrative_html: string }>(
			conn,
			'select narrative, narrative_html from report where id % 97 = 0'
		);
		expect(sample.length).toBeGreaterThan(20);
		for (const r of sample) expect(r.narrative_html).toBe(renderMarkdown(r.narrative));
	});

	it('names at least 50 companies across at least 5 industries, with unique slugs and domains', () => {
		const conn = load();
		expect(count(conn, 'select count(*) from company')).toBeGreaterThanOrEqual(50);
		expect(count(conn, 'select count(distinct industry) from company')).toBeGreaterThanOrEqual(5);
		const big = load({ reports: 2000, companies: 3000, users: 10 });
		expect(count(big, 'select count(distinct slug) from company')).toBe(3000);
		expect(count(big, 'select count(distinct domain) from company')).toBe(3000);
		expect(count(big, `select count(*) from company where domain not like '%.example'`)).toBe(0);
	});

	it('keeps the full-text index complete while loading in bulk', () => {
		const conn = createTestDb();
		const triggers = all(conn, `select name, sql from sqlite_master where type = 'trigger'`);
		generateDemoData(conn, small);
		expect(all(conn, `select name, sql from sqlite_master where type = 'trigger'`)).toEqual(
			expect.arrayContaining(triggers)
		);
		const matching = (word: string) =>
			all<{ rowid: number }>(conn, 'select rowid from report_fts where report_fts match ?', word)
				.map((r) => r.rowid)
				.sort((a, b) => a - b);
		const containing = (pattern: RegExp) =>
			all<{ id: number; text: string }>(
				conn,
				`select id, title || ' ' || product || ' ' || narrative as text from report order by id`
			)
				.filter((r) => pattern.test(r.text))
				.map((r) => r.id);
		expect(matching('arrears')).toEqual(containing(/\barrears\b/i));
		expect(matching('arrears').length).toBeGreaterThan(1);
		// Russian ё is indexed as е.
		expect(matching('счет')).toContain(missionCases.findIndex((c) => c.language === 'ru') + 1);
	});

	it('leaves nothing behind, and every trigger in place, when a load fails', () => {
		const conn = createTestDb();
		const triggers = all(conn, `select name, sql from sqlite_master where type = 'trigger'`);
		expect(() =>
			generateDemoData(conn, {
				...small,
				onStage: (stage) => {
					if (stage === 'search index') throw new Error('interrupted');
				}
			})
		).toThrow('interrupted');
		expect(hasReports(conn)).toBe(false);
		expect(count(conn, 'select count(*) from company')).toBe(0);
		expect(all(conn, `select name, sql from sqlite_master where type = 'trigger'`)).toEqual(
			triggers
		);
	});

	it('creates demo users who cannot sign in, and restores the connection settings', async () => {
		const conn = createTestDb();
		const before = conn.$client.pragma('synchronous', { simple: true });
		generateDemoData(conn, small);
		expect(conn.$client.pragma('synchronous', { simple: true })).toBe(before);
		const demo = all<{ email: string; display_name: string }>(
			conn,
			'select email, display_name from user order by email limit 3'
		);
		for (const user of demo) {
			expect(user.email).toMatch(/^demo-user-\d+@demo\.recourse\.invalid$/);
			expect(user.display_name).toMatch(/^Consumer \d{6}$/);
			expect(await authenticate(conn, user.email, '!demo-no-login')).toBeNull();
			expect(await authenticate(conn, user.email, '')).toBeNull();
		}
	});
});
