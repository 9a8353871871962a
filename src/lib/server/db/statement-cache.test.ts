/** Drizzle's queries reuse prepared statements without changing what they return. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../testing/db';
import { company } from './schema';
import { StatementCache, statementCache } from './client';

describe('StatementCache', () => {
	it('hands back the same statement for the same text, in object mode each time', () => {
		const db = createTestDb();
		const cache = statementCache(db);
		const a = cache.prepare('select 1 as one');
		expect(a.raw().get()).toEqual([1]);
		const b = cache.prepare('select 1 as one');
		expect(b).toBe(a);
		expect(b.get()).toEqual({ one: 1 });
	});

	it('keeps drizzle reads and writes correct across repeats, in and out of transactions', () => {
		const db = createTestDb();
		for (let i = 0; i < 3; i++) {
			db.insert(company)
				.values({
					name: `C${i}`,
					slug: `c${i}`,
					nameKey: `c${i}`,
					industry: 'telecom',
					createdAt: i
				})
				.run();
		}
		const read = (slug: string) =>
			db.select({ name: company.name }).from(company).where(eq(company.slug, slug)).get();
		expect(read('c1')).toEqual({ name: 'C1' });
		expect(db.select({ slug: company.slug }).from(company).all()).toHaveLength(3);
		db.transaction((tx) => {
			tx.update(company).set({ name: 'Changed' }).where(eq(company.slug, 'c1')).run();
			expect(
				tx.select({ name: company.name }).from(company).where(eq(company.slug, 'c1')).get()
			).toEqual({ name: 'Changed' });
		});
		expect(read('c1')).toEqual({ name: 'Changed' });
		expect(read('c2')).toEqual({ name: 'C2' });
	});

	it('drops the least recently used statement past its capacity', () => {
		const db = createTestDb();
		const cache = new StatementCache(db.$client, 2);
		const one = cache.prepare('select 1');
		cache.prepare('select 2');
		cache.prepare('select 1');
		cache.prepare('select 3');
		expect(cache.prepare('select 1')).toBe(one);
		expect(cache.prepare('select 2')).not.toBe(one);
	});
});
