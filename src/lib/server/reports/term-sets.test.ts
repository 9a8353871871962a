/**
 * The word sets behind explore's text search match exactly what FTS5 matches: for common words
 * (read at start), rare ones, prefixes, several words, other alphabets and hostile strings, and
 * after every kind of write, by this server or another writer, without reading a word again.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Connection } from '../db/client';
import { report } from '../db/schema';
import { generateDemoData } from '../demo/generate';
import { createTestDb } from '../testing/db';
import { makeUser, reportInput } from '../testing/factories';
import {
	exploreFilters,
	facetFilter,
	ftsTerms,
	parseExploreFilters,
	summariseExplore
} from './explore';
import { facetsFor, type FacetIndex } from './facets';
import { createReport, updateReport } from './reports';
import { Tokenizer } from './term-sets';

const blns = JSON.parse(readFileSync('tests/fixtures/blns/blns.json', 'utf8')) as string[];

/** The visible reports FTS5 itself matches for a search, ascending. */
function ftsIds(db: Connection, q: string): number[] {
	const terms = ftsTerms(q);
	if (!terms.length) return [];
	return db.$client
		.prepare(
			`select rowid from report_fts where report_fts match ?
			 and rowid in (select id from report where hidden_at is null) order by rowid`
		)
		.pluck()
		.all(terms.join(' ')) as number[];
}

/** The same search answered from the word sets (after the index has caught up with writes). */
function setIds(db: Connection, q: string): number[] {
	const index = facetsFor(db)!;
	// Any words, however long: what the word sets answer, not what the query parser lets through.
	const filter = facetFilter(db, index, exploreFilters({ q }));
	return filter?.text ? index.select(filter).sort((a, b) => a - b) : [];
}

const searches = [
	'refund',
	'ref',
	'bill',
	'account',
	'the',
	'a',
	'engineer visit',
	'broadband engineer',
	'line',
	'lines',
	'dialtone',
	'zebracorn',
	'Telefónica',
	'telefonica',
	'ёлка',
	'елка',
	'Łódź',
	'lodz',
	'Straße',
	'çà',
	'ꭰꭱ',
	'日本語',
	'١٢٣',
	'x'.repeat(300)
];
/** Words FTS5 splits in two (U+19B0 is a letter to JavaScript, not to SQLite's tables). */
const phrases = ['a\u19b0b', 'refund a\u19b0b', 'line\u19b0'];
/** Words FTS5 reads no token from: dropped from the search, as FTS5 drops them. */
const tokenless = ['refund \u19b0', '\u19b0 refund', 'agent refund \u19b0\u19b1', '\u19b0'];

describe('word sets', () => {
	let db: Connection;
	let index: FacetIndex;
	let authorId: string;
	let singleWordReads = 0;
	/** Compares every search; counts the FTS5 reads the single-token words cost. */
	const check = (extra: string[] = []) => {
		const before = facetsFor(db)!.textStats().reads;
		for (const q of [...searches, ...extra]) expect(setIds(db, q), q).toEqual(ftsIds(db, q));
		singleWordReads += facetsFor(db)!.textStats().reads - before;
		for (const q of [...phrases, ...tokenless]) expect(setIds(db, q), q).toEqual(ftsIds(db, q));
	};

	beforeAll(async () => {
		db = createTestDb();
		generateDemoData(db, { reports: 300, companies: 12, seed: 11 });
		authorId = (await makeUser(db)).id;
		const filed = createReport(
			db,
			reportInput({
				company: 'Nowhere Inc',
				website: 'https://nowhere.example',
				title: 'Telefónica cut the line',
				narrative:
					'Ёлка. Łódź office, Straße. Agents promised a refund twice and never called back; 日本語 too.'
			}),
			authorId
		);
		expect(filed).toMatchObject({ ok: true });
		index = facetsFor(db)!;
		expect(index).not.toBeNull();
		await index.warming;
	});

	it('reads the common words at start and then matches as FTS5 does', () => {
		expect(index.textStats().kept).toBeGreaterThan(20);
		check();
		check(blns.slice(0, 200));
		// Spellings FTS5 reads as one token share that token's set: none is read again.
		for (const q of ['engineer', 'telefonica']) setIds(db, q);
		const reads = index.textStats().reads;
		for (const q of ['ENGINEER', 'Engineer', 'Telefónica', 'TELEFONICA']) setIds(db, q);
		expect(index.textStats().reads).toBe(reads);
	});

	it('follows writes without reading a word again, whoever writes', () => {
		check();
		singleWordReads = 0;
		const input = reportInput({
			company: 'Nowhere Inc',
			title: 'Zebracorn billing',
			narrative: 'No dialtone; the engineer visit never happened. Refund refused. a\u19b0b'
		});
		const filed = createReport(db, input, authorId);
		if (!filed.ok) throw new Error('not filed');
		check();
		// An edit removes words and adds others.
		updateReport(
			db,
			filed.id,
			{
				...input,
				title: 'Quiet',
				narrative: 'Елка and lodz only, nothing else worth saying here at all.'
			},
			authorId
		);
		check();
		// Another writer (a script, a moderator's tool) changes text, hides and deletes directly.
		const ids = db.$client
			.prepare('select id from report order by id limit 40')
			.pluck()
			.all() as number[];
		blns.slice(200, 240).forEach((text, i) => {
			db.update(report).set({ narrative: text }).where(eq(report.id, ids[i]!)).run();
		});
		check();
		db.update(report).set({ hiddenAt: Date.now() }).where(eq(report.id, ids[0]!)).run();
		check();
		db.update(report).set({ hiddenAt: null }).where(eq(report.id, ids[0]!)).run();
		db.delete(report).where(eq(report.id, ids[1]!)).run();
		check();
		// A word of one token had its set corrected, never read again; a phrase is read again.
		expect(singleWordReads).toBe(0);
	});

	it('starts over when the change log is emptied under it', () => {
		db.run(sql`delete from report_change`);
		db.update(report).set({ narrative: 'zebracorn' }).where(eq(report.id, 5)).run();
		check();
		const f = parseExploreFilters(new URLSearchParams({ q: 'zebracorn' }));
		expect(summariseExplore(db, f).total).toBe(ftsIds(db, 'zebracorn').length);
	});
});

describe('Tokenizer', () => {
	it('splits and folds words as report_fts does', () => {
		const tokenizer = new Tokenizer();
		expect(tokenizer.tokens('Telefónica')).toEqual(['telefonica']);
		expect(tokenizer.tokens('Ёлка')).toEqual(['елка']);
		expect(tokenizer.tokens('Łódź')).toEqual(['lodz']);
		expect(tokenizer.tokens('broadband-engineer')).toEqual(['broadband', 'engineer']);
		const words = tokenizer.words([[1, 'Refund REFUSED', null, 'refund, refused… again']]);
		expect(words.get(1)).toEqual(['again', 'refund', 'refused']);
	});
});
