/**
 * Group commit: writes queued together share one transaction, each is kept or rolled back on
 * its own, and a promise settles only once its write is committed (or known lost).
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { openDatabase } from './client';
import { GroupCommit } from './group-commit';
import { company } from './schema';
import { createTestDb } from '../testing/db';
import { makeUser, reportInput } from '../testing/factories';
import { createReport } from '../reports/reports';
import { report } from './schema';

/** A report to Acme Telecom, which the first one creates. */
const acme = (title = 'Dial tone cut early') =>
	reportInput({ title, website: 'https://acme-telecom.example' });

describe('group commit', () => {
	it('writes submissions that arrive together in one transaction, each readable once acknowledged', async () => {
		const db = createTestDb();
		const author = (await makeUser(db)).id;
		const group = new GroupCommit(db);
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				group.run((tx) => createReport(tx, acme(`Report ${i}`), author))
			)
		);
		expect(group.stats).toEqual({ groups: 1, writes: 12, waits: 0 });
		for (const [i, result] of results.entries()) {
			if (!result.ok) throw new Error('not filed');
			const row = db.select().from(report).where(eq(report.id, result.id)).get();
			expect(row?.title).toBe(`Report ${i}`);
		}
		// The company's roll-ups counted every one (one company, created by the first).
		expect(db.select().from(company).get()?.reportCount).toBe(12);
	});

	it('rolls back only the write that fails', async () => {
		const db = createTestDb();
		const author = (await makeUser(db)).id;
		const group = new GroupCommit(db);
		const failing = group.run((tx) => {
			createReport(tx, acme('Half written'), author);
			throw new Error('boom');
		});
		const fine = group.run((tx) => createReport(tx, acme('Kept'), author));
		await expect(failing).rejects.toThrow('boom');
		await expect(fine).resolves.toMatchObject({ ok: true });
		const titles = db
			.select({ title: report.title })
			.from(report)
			.all()
			.map((r) => r.title);
		expect(titles).toEqual(['Kept']);
		expect(db.select().from(company).get()?.reportCount).toBe(1);
	});

	it('reports the whole group lost when one write ends the transaction, and commits none of it', async () => {
		const db = createTestDb();
		const author = (await makeUser(db)).id;
		// As a full disk or an I/O error would: the whole transaction is rolled back.
		db.$client.exec(`create temp trigger boom before insert on report when new.title = 'boom'
			begin select raise(rollback, 'boom'); end`);
		const group = new GroupCommit(db);
		const writes = ['first', 'boom', 'third', 'fourth'].map((title) =>
			group.run((tx) => createReport(tx, acme(title), author))
		);
		const settled = await Promise.allSettled(writes);
		expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
		// Nothing was kept: a caller told its write failed may safely send it again.
		expect(db.select({ n: count() }).from(report).get()?.n).toBe(0);
		await expect(group.run((tx) => createReport(tx, acme('later'), author))).resolves.toMatchObject(
			{ ok: true }
		);
	});

	it('refuses a write that would continue after an await, outside the transaction', async () => {
		const db = createTestDb();
		const author = (await makeUser(db)).id;
		const group = new GroupCommit(db);
		const asyncWork = async (tx: Parameters<Parameters<GroupCommit['run']>[0]>[0]) => {
			createReport(tx, acme('async'), author);
			await Promise.resolve();
		};
		await expect(group.run(asyncWork as never)).rejects.toThrow(/asynchronous/);
		expect(db.select({ n: count() }).from(report).get()?.n).toBe(0);
	});

	it('reports every write of a group lost when the database cannot be written, and keeps going', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'recourse-group-')), 'test.db');
		const db = openDatabase(path);
		const author = (await makeUser(db)).id;
		db.$client.pragma('busy_timeout = 50');
		// Another process holds the write lock.
		const other = new Database(path);
		other.exec('begin immediate');
		const group = new GroupCommit(db);
		const lost = [1, 2].map(() => group.run((tx) => createReport(tx, acme(), author)));
		for (const write of lost) await expect(write).rejects.toThrow(/locked|busy/i);
		expect(db.select({ n: count() }).from(report).get()?.n).toBe(0);
		other.exec('rollback');
		await expect(group.run((tx) => createReport(tx, acme(), author))).resolves.toMatchObject({
			ok: true
		});
		expect(db.select({ n: count() }).from(report).get()?.n).toBe(1);
		other.close();
		db.$client.close();
	});

	it("waits for another process's write lock without stopping this one, then commits", async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'recourse-group-')), 'test.db');
		const db = openDatabase(path);
		const author = (await makeUser(db)).id;
		// Another worker (decision 026) is in the middle of its own write.
		const other = new Database(path);
		other.exec('begin immediate');
		const group = new GroupCommit(db);
		const write = group.run((tx) => createReport(tx, acme(), author));
		// The group's first try ran (it was queued first) and found the lock taken; this process
		// still answers, and the other one finishes its write meanwhile.
		await new Promise((r) => setImmediate(r));
		expect(db.select({ n: count() }).from(report).get()?.n).toBe(0);
		other.exec('commit');
		await expect(write).resolves.toMatchObject({ ok: true });
		expect(db.select({ n: count() }).from(report).get()?.n).toBe(1);
		other.close();
		db.$client.close();
	});
});
