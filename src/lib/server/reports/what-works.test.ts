/** "What works" figures: on generated data, every scope's figures equal a brute-force recount through every write path. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import type { Actor } from '../auth/roles';
import type { CaseEvent } from '../../case-timeline';
import type { Escalation } from '../../taxonomy';
import { grantRepresentative } from '../companies/representatives';
import { generateDemoData } from '../demo/generate';
import { outboxTransport } from '../mail/mail';
import { deleteOwnReport, moderate } from '../moderation/moderation';
import { answerResponse, postResponse } from '../responses/responses';
import { createTestDb } from '../testing/db';
import { makeUser, reportInput } from '../testing/factories';
import { rollupDrift } from '../testing/rollup-drift';
import { recountWhatWorks, whatWorksDrift } from '../testing/what-works-recount';
import { createReport, updateReport } from './reports';
import { companyScope, rebuildRollups } from './rollups';
import {
	countryScope,
	daysBucket,
	getWhatWorks,
	industryCountryScope,
	industryScope,
	worksRebuildSql
} from './what-works';

const event = (
	kind: CaseEvent['kind'],
	on: string,
	escalationTo: CaseEvent['escalationTo'] = null
) =>
	({
		kind,
		occurredOn: on,
		occurredAt: null,
		promisedOn: null,
		promisedAt: null,
		escalationTo,
		note: null
	}) satisfies CaseEvent;

let db: Connection;
/** Two demo companies of different industries. */
let first: { id: number; name: string; industry: string };
let second: { id: number; name: string; industry: string };

beforeAll(() => {
	db = createTestDb();
	generateDemoData(db, { reports: 800, companies: 40, users: 40 });
	const companies = db.$client
		.prepare(
			`select id, name, industry from company where industry is not null
			order by report_count desc, id`
		)
		.all() as (typeof first)[];
	first = companies[0]!;
	second = companies.find((c) => c.industry !== first.industry)!;
});

function expectExact() {
	expect(whatWorksDrift(db)).toEqual([]);
	expect(rollupDrift(db)).toEqual([]);
}

describe('what works, on generated data', () => {
	it('has cases resolved after escalations with dates, and figures equal to a recount for every scope', () => {
		const recount = recountWhatWorks(db);
		const all = recount.get('all')!;
		expect(all.cases).toBeGreaterThan(700);
		expect(all.resolutionDays.n).toBeGreaterThan(100);
		expect(all.resolvedWithoutEscalation.count).toBeGreaterThan(50);
		for (const e of all.escalations) expect(e.days.n).toBeGreaterThan(0);
		expect(all.escalations.map((e) => e.escalation)).toContain('regulator');
		// Every kind of scope is there: companies, patterns, industries, countries, both.
		for (const prefix of ['company:', 'pattern:', 'industry:', 'country:', 'industry-country:']) {
			expect([...recount.keys()].some((s) => s.startsWith(prefix))).toBe(true);
		}
		expectExact();
	});

	it('stays exact through a create, edits of company, country, escalations and resolution, a response and its verdict, hides, restores and a delete', async () => {
		const author = await makeUser(db);
		const moderator: Actor = { id: (await makeUser(db)).id, role: 'moderator' };
		const rep = await makeUser(db);
		grantRepresentative(db, moderator, { companyId: first.id, email: rep.email, reason: 'test' });

		const before = getWhatWorks(db, industryScope(first.industry));
		const created = createReport(
			db,
			reportInput({
				company: first.name,
				country: 'ES',
				region: null,
				startedOn: '2024-01-01',
				endedOn: null,
				escalations: ['executive-office'],
				events: [
					event('first-contact', '2024-01-02'),
					event('escalation', '2024-01-10', 'regulator'),
					event('escalation', '2024-02-01', 'regulator'),
					event('resolved', '2024-02-20')
				],
				outcome: 'resolved',
				resolvedBy: 'regulator'
			}),
			author.id
		);
		if (!created.ok) throw new Error(JSON.stringify(created.problem));
		const id = created.id;
		const after = getWhatWorks(db, industryScope(first.industry));
		expect(after.cases).toBe(before.cases + 1);
		const regulator = after.escalations.find((e) => e.escalation === 'regulator')!;
		expect(regulator.days.n).toBe(
			(before.escalations.find((e) => e.escalation === 'regulator')?.days.n ?? 0) + 1
		);
		// Counted from the first escalation to the regulator: 41 days; 50 days from the start.
		expect(getWhatWorks(db, industryCountryScope(first.industry, 'ES')).cases).toBeGreaterThan(0);
		expectExact();

		const edit = (overrides: Parameters<typeof reportInput>[0]) => {
			const result = updateReport(db, id, reportInput(overrides), author.id);
			expect(result.ok).toBe(true);
			expectExact();
		};
		// Company, country, escalations and resolution, one at a time, then all together.
		const base = {
			company: first.name,
			country: 'ES',
			region: null,
			startedOn: '2024-01-01',
			endedOn: null,
			escalations: ['executive-office'] as Escalation[],
			events: [event('escalation', '2024-01-10', 'regulator'), event('resolved', '2024-02-20')],
			outcome: 'resolved' as const,
			resolvedBy: 'regulator' as const
		};
		edit({ ...base, company: second.name });
		expect(getWhatWorks(db, companyScope(second.id)).cases).toBeGreaterThan(0);
		edit({ ...base, company: second.name, country: 'DE' });
		edit({ ...base, company: second.name, country: 'DE', escalations: ['media', 'court'] });
		edit({ ...base, company: first.name, outcome: 'unresolved', resolvedBy: null, events: [] });
		edit({ ...base, company: first.name, resolvedBy: 'company', escalations: [] });

		// A company response, then the author says it is still not fixed.
		const responded = await postResponse(
			db,
			outboxTransport(db),
			{ id: rep.id, role: 'user' },
			id,
			{ body: 'We have fixed the line and apologise.', action: 'fixed' },
			''
		);
		expect(responded.ok).toBe(true);
		expectExact();
		const failedBefore = getWhatWorks(db, countryScope('ES')).responsesFailed;
		expect(
			answerResponse(db, { id: author.id, role: 'user' }, id, {
				verdict: 'accepted',
				outcome: 'unresolved',
				comment: ''
			}).ok
		).toBe(true);
		expect(getWhatWorks(db, countryScope('ES')).responsesFailed).toEqual({
			count: failedBefore.count + 1,
			n: failedBefore.n
		});
		expectExact();
		edit({ ...base, company: first.name, country: 'PL' });

		const decide = (action: 'hide' | 'restore') =>
			expect(
				moderate(db, moderator, {
					targetType: 'report',
					targetId: id,
					action,
					reason: 'personal-data',
					note: 'checked'
				}).ok
			).toBe(true);
		decide('hide');
		expectExact();
		decide('restore');
		expectExact();
		expect(deleteOwnReport(db, { id: author.id, role: 'user' }, id).ok).toBe(true);
		expectExact();
		expect(getWhatWorks(db, industryScope(first.industry))).toEqual(before);
	});

	it('rebuilds to the same rows it keeps incrementally', () => {
		const stored = recountWhatWorks(db);
		rebuildRollups(db);
		expect(recountWhatWorks(db)).toEqual(stored);
		expectExact();
	});
});

describe('migration 0009', () => {
	it("wrote existing databases' rows with the statements rebuildRollups runs (one pattern a report then)", () => {
		const migration = readFileSync('drizzle/0009_what-works.sql', 'utf8');
		const statements = migration
			.split('--> statement-breakpoint')
			.map((s) => s.replace(/\s+/g, ' ').replace(/;\s*$/, '').trim());
		// After the widened trigger and the emptying of old rows: exactly the rebuild.
		const after = statements.findIndex((s) => s.startsWith('DELETE FROM `rollup`'));
		// Since 0010 a report can be in several patterns (decision 028): the statements that find
		// a case's patterns differ, every other one is still the migration's.
		const patternFree = (list: string[]) =>
			list.filter((s) => !/^create temp table works_(case|scope) /.test(s));
		const rebuilt = worksRebuildSql('select 0 as id, null as scope').map((s) =>
			s.replace(/\s+/g, ' ').trim()
		);
		expect(after).toBeGreaterThan(0);
		expect(patternFree(statements.slice(after + 1))).toEqual(patternFree(rebuilt));
	});
});

describe('days buckets', () => {
	it('are exact to the day up to two years, then rounded down to 30 days', () => {
		expect(daysBucket(0)).toBe(0);
		expect(daysBucket(730)).toBe(730);
		expect(daysBucket(731)).toBe(720);
		expect(daysBucket(1000)).toBe(990);
	});
});
