/** Several worker processes, each with its own facet index on one database file (decision 026). */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../db/client';
import { generateDemoData } from '../demo/generate';
import { createTestDb } from '../testing/db';
import { facetFilter, parseExploreFilters } from './explore';
import { FacetIndex } from './facets';

const opened: Connection[] = [];
afterEach(() => {
	for (const conn of opened.splice(0)) conn.$client.close();
});

/** A worker's own connection and facet index, loading in batches as on a large database. */
async function worker(file: string) {
	const db = openDatabase(file, { migrate: false });
	opened.push(db);
	const index = new FacetIndex(db.$client, { loadBatch: 100, syncLoadMax: 0, warmTerms: false });
	for (let i = 0; i < 1000 && !index.ready(); i++) await new Promise((r) => setImmediate(r));
	return { db, index };
}

describe('facet indexes of two workers on one file', () => {
	it('answer from memory and see every change after another worker pruned the change log', async () => {
		const writer = createTestDb();
		generateDemoData(writer, { reports: 300, companies: 10, seed: 5 });
		const [first, second] = [await worker(writer.$client.name), await worker(writer.$client.name)];
		expect([first.index.ready(), second.index.ready()]).toEqual([true, true]);

		// 1,500 changes: the first worker follows them and prunes the log it no longer needs.
		for (let round = 0; round < 5; round++) {
			writer.$client.exec('update report set rating = coalesce(rating, 0) % 5 + 1');
		}
		expect(first.index.ready()).toBe(true);

		// The second worker must not start over (seconds of SQL-answered pages on a large file).
		expect(second.index.ready()).toBe(true);
		const f = parseExploreFilters(new URLSearchParams('rating=1'));
		const counted = (w: { db: Connection; index: FacetIndex }) =>
			w.index.count(facetFilter(w.db, w.index, f)!);
		const truth = writer.$client
			.prepare('select count(*) from report where rating = 1 and hidden_at is null')
			.pluck()
			.get();
		expect(counted(second)).toBe(truth);
		expect(counted(first)).toBe(truth);
	});
});
