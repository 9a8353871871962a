import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { companyResponse } from '../db/schema';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';
import { firstAnswerMonth } from './first-answer';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

describe('firstAnswerMonth', () => {
	it('is the month of the earliest visible answer to a report filed here', async () => {
		const author = await makeUser(db);
		const acme = makeCompany(db, 'Acme Telecom');
		const reports = [0, 1, 2, 3].map(() => makeReport(db, author.id, { company: 'Acme Telecom' }));
		expect(firstAnswerMonth(db, acme.id)).toBeNull();

		const answer = (reportId: number, at: string, extra: object = {}) =>
			db
				.insert(companyResponse)
				.values({ reportId, companyId: acme.id, timely: true, createdAt: Date.parse(at), ...extra })
				.run();
		// An imported answer, and a hidden one, are not the company answering here.
		answer(reports[0]!, '2024-01-10T00:00:00Z', { source: 'cfpb' });
		answer(reports[1]!, '2024-02-10T00:00:00Z', { hiddenAt: Date.parse('2024-02-11T00:00:00Z') });
		expect(firstAnswerMonth(db, acme.id)).toBeNull();
		answer(reports[2]!, '2024-06-30T23:59:00Z');
		answer(reports[3]!, '2024-09-01T00:00:00Z');
		expect(firstAnswerMonth(db, acme.id)).toBe('2024-06');
	});
});
