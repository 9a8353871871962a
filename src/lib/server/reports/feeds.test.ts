import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { createTestDb } from '../testing/db';
import { makeCompany, makeUser, reportInput } from '../testing/factories';
import { parseExploreFilters } from './explore';
import { atomFeedResponse, viewTitle } from './feeds';
import { createReport } from './reports';

let db: Connection;
beforeEach(async () => {
	db = createTestDb();
	const author = (await makeUser(db)).id;
	makeCompany(db, 'Acme Telecom');
	const file = (title: string, narrative: string, at: number) => {
		const result = createReport(db, reportInput({ title, narrative }), author, at);
		if (!result.ok) throw new Error('not filed');
	};
	file('Refund never came', 'They promised a refund after I cancelled.', Date.UTC(2026, 0, 1));
	file('Line dead for days', 'The line stayed dead for a week.', Date.UTC(2026, 0, 2));
	file('Another dead line', 'Dead again, and no refund offered.', Date.UTC(2026, 0, 3));
});

async function feed(query: string) {
	const filters = parseExploreFilters(query);
	const response = atomFeedResponse(
		db,
		filters,
		{
			title: viewTitle(db, filters),
			selfUrl: `https://recourse.test/explore/feed?${query}`,
			pageUrl: `https://recourse.test/explore?${query}`
		},
		Date.UTC(2026, 5, 1)
	);
	return response.text();
}

const entryTitles = (atom: string) =>
	[...atom.matchAll(/<entry>[\s\S]*?<title type="html"><!\[CDATA\[(.*?)\]\]><\/title>/g)].map(
		(m) => m[1]
	);

describe('the feed of an explore view', () => {
	// Before: the feed dropped the words (q: '') and listed the newest reports of the rest.
	it('follows the search words, newest first', async () => {
		const atom = await feed('q=refund');
		expect(entryTitles(atom)).toEqual([
			expect.stringContaining('Another dead line'),
			expect.stringContaining('Refund never came')
		]);
	});

	// Before: an empty feed was dated 1970-01-01 and had no author (RFC 4287 requires one).
	it('is valid when empty: dated when read, with an author', async () => {
		const atom = await feed('q=zzzunmatched');
		expect(entryTitles(atom)).toEqual([]);
		expect(atom).toMatch(/<feed[^>]*>[\s\S]*<updated>2026-06-01T00:00:00.000Z<\/updated>/);
		expect(atom).toMatch(/<author>\s*<name>Recourse<\/name>/);
	});

	it('names its author on the feed and on every entry', async () => {
		const atom = await feed('');
		const entries = atom.split('<entry>').slice(1);
		expect(entries).toHaveLength(3);
		for (const entry of entries) expect(entry).toMatch(/<author>\s*<name>Recourse<\/name>/);
	});

	// Before: every view's feed was titled "Explore reports".
	it('is titled after its view', async () => {
		expect(await feed('category=billing-error&q=refund')).toContain(
			'<title>Reports: Billing error · “refund” · Recourse</title>'
		);
		expect(viewTitle(db, parseExploreFilters(''))).toBe('All reports · Recourse');
	});
});
