import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import ScorecardFigures from '$lib/components/ScorecardFigures.svelte';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import type { Connection } from './db/client';
import { createTestDb } from './testing/db';
import { makeCompany, makeReport, makeUser } from './testing/factories';
import { companyScope } from './reports/rollups';
import { getScorecard } from './reports/scorecard';
import { renderOnce } from './render-cache';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});
const original = getLocale;
afterEach(() => overwriteGetLocale(original));

/** The figures of Acme's scorecard through the cache, and rendered afresh. */
function figures(companyId: number) {
	const props = () => ({ card: getScorecard(db, companyScope(companyId)) });
	return {
		cached: renderOnce(db, `company:${companyId}`, ScorecardFigures, props),
		fresh: render(ScorecardFigures, { props: props() }).body
	};
}

describe('renderOnce', () => {
	it('gives the markup a fresh render gives, in the reader’s language, until the next write', async () => {
		const author = await makeUser(db);
		const acme = makeCompany(db, 'Acme Telecom');
		makeReport(db, author.id, { category: 'billing-error' });
		const english = figures(acme.id);
		expect(english.cached).toBe(english.fresh);
		expect(english.cached).toContain('What failed');

		overwriteGetLocale(() => 'de');
		const german = figures(acme.id);
		expect(german.cached).toBe(german.fresh);
		expect(german.cached).toContain('Was schiefging');

		overwriteGetLocale(original);
		makeReport(db, author.id, { category: 'refund-refused' });
		const after = figures(acme.id);
		expect(after.cached).toBe(after.fresh);
		expect(after.cached).not.toBe(english.cached);
		expect(after.cached).toContain('Refund refused');
	});
});
