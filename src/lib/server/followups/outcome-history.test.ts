import { describe, expect, it } from 'vitest';
import { updateReport } from '../reports/reports';
import { createTestDb } from '../testing/db';
import { makeReport, makeUser, reportInput } from '../testing/factories';
import { readOutcomeHistory } from './outcome-history';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);

describe('the outcome history', () => {
	it('records a change made by editing the report, dated, and none for an edit that keeps it', async () => {
		const db = createTestDb();
		const author = await makeUser(db);
		const facts = { website: 'https://acme-telecom.example', resolvedBy: null };
		const id = makeReport(db, author.id, { ...facts, outcome: 'unresolved' }, T0);
		expect(readOutcomeHistory(db, id)).toEqual({
			steps: [{ outcome: 'unresolved', at: T0 }],
			daysToResolution: null
		});
		const edit = (outcome: 'unresolved' | 'resolved', now: number) =>
			updateReport(
				db,
				id,
				reportInput({ ...facts, outcome, resolvedBy: outcome === 'resolved' ? 'company' : null }),
				author.id,
				now
			);
		expect(edit('unresolved', T0 + DAY).ok).toBe(true);
		expect(edit('resolved', T0 + 9 * DAY).ok).toBe(true);
		expect(readOutcomeHistory(db, id)).toEqual({
			steps: [
				{ outcome: 'unresolved', at: T0 },
				{ outcome: 'resolved', at: T0 + 9 * DAY }
			],
			daysToResolution: 9
		});
	});
});
