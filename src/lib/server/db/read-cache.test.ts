import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb } from '../testing/db';
import { openDatabase, type Connection, type Db } from './client';
import { ReadCache } from './read-cache';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
	db.run(sql`create table figure (n integer not null)`);
	db.run(sql`insert into figure (n) values (1)`);
});

/** The sum of the figures and how many times it was computed. */
function counted(cache: ReadCache<{ sum: number }>, key = 'sum') {
	let computed = 0;
	const read = (on: Db = db) =>
		cache.read(on, key, () => {
			computed += 1;
			return { sum: on.get<{ sum: number }>(sql`select sum(n) as sum from figure`).sum };
		}).sum;
	return { read, computed: () => computed };
}

describe('ReadCache', () => {
	it('computes once until something is written', () => {
		const { read, computed } = counted(new ReadCache(10));
		expect([read(), read(), read()]).toEqual([1, 1, 1]);
		expect(computed()).toBe(1);
		db.run(sql`insert into figure (n) values (2)`);
		expect(read()).toBe(3);
		expect(computed()).toBe(2);
		// A write that changes no row leaves the cache alone.
		db.run(sql`update figure set n = n where 0`);
		expect(read()).toBe(3);
		expect(computed()).toBe(2);
	});

	it('sees commits of another connection', () => {
		const { read } = counted(new ReadCache(10));
		expect(read()).toBe(1);
		const other = openDatabase(db.$client.name, { migrate: false });
		try {
			other.run(sql`insert into figure (n) values (5)`);
			other.transaction((tx) => tx.run(sql`insert into figure (n) values (10)`));
		} finally {
			other.$client.close();
		}
		expect(read()).toBe(16);
	});

	it('neither serves nor keeps what a transaction reads, even when it rolls back', () => {
		const { read, computed } = counted(new ReadCache(10));
		expect(read()).toBe(1);
		expect(() =>
			db.transaction((tx) => {
				tx.run(sql`insert into figure (n) values (100)`);
				// The transaction sees its own write, through itself and through the connection.
				expect(read(tx)).toBe(101);
				expect(read()).toBe(101);
				throw new Error('rolled back');
			})
		).toThrow('rolled back');
		expect(read()).toBe(1);
		expect(computed()).toBe(4);
	});

	it('keeps at most its size, dropping the least recently read', () => {
		const cache = new ReadCache<{ sum: number }>(2);
		const a = counted(cache, 'a');
		const b = counted(cache, 'b');
		const c = counted(cache, 'c');
		a.read();
		b.read();
		a.read();
		c.read(); // evicts b, read longer ago than a
		a.read();
		b.read();
		expect([a.computed(), b.computed(), c.computed()]).toEqual([1, 2, 1]);
	});
});
