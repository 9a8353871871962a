import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { createTestDb } from './db';
import { makeReport, makeUser } from './factories';
import { rollupDrift } from './rollup-drift';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

describe('rollupDrift', () => {
	it('finds no drift in figures kept by the write paths, and leaves them untouched', async () => {
		const author = await makeUser(db);
		makeReport(db, author.id, { company: 'Acme Telecom', website: 'acme.example' });
		const rows = () => db.$client.prepare('select * from rollup order by 1, 2, 3').all();
		const before = rows();
		expect(rollupDrift(db)).toEqual([]);
		expect(rows()).toEqual(before);
	});

	it('names every stored figure a recount does not reproduce', async () => {
		const author = await makeUser(db);
		const id = makeReport(db, author.id, { company: 'Acme Telecom', website: 'acme.example' });
		db.$client.exec(`update rollup set n = n + 5 where scope = 'all' and dimension = 'reports'`);
		db.$client.exec(`update company set report_count = 7`);
		db.$client.exec(`update report set me_too_count = 2 where id = ${id}`);
		db.$client.exec(`update pattern set report_count = 0`);
		const p = 'pattern service-outage-after-moving-house';
		expect(rollupDrift(db)).toEqual([
			'company 1 report_count: stored 7, recount 1',
			`${p} me_too_count: stored 0, recount 2`,
			`${p} report_count: stored 0, recount 1`,
			'rollup all me_too=: stored 0, recount 2',
			'rollup all reports=: stored 6, recount 1',
			'rollup company:1 me_too=: stored 0, recount 2',
			'rollup pattern:service-outage-after-moving-house me_too=: stored 0, recount 2',
			`report ${id} me_too_count: stored 2, counted 0`
		]);
	});
});
