/** Test data builders: valid by default, overridable field by field. */
import type { Db } from '../db/client';
import { createUser } from '../auth/users';
import { createCompany } from '../companies/companies';
import { createReport } from '../reports/reports';
import type { ReportInput } from '../../validation/report';
import type { CaseEvent } from '../../case-timeline';

let sequence = 0;

export async function makeUser(db: Db, overrides: { email?: string; password?: string } = {}) {
	sequence += 1;
	const result = await createUser(db, {
		email: overrides.email ?? `user${sequence}@example.test`,
		password: overrides.password ?? 'correct horse battery'
	});
	if (!result.ok) throw new Error(`makeUser: ${result.reason}`);
	return result.user;
}

export function makeCompany(db: Db, name = `Company ${++sequence}`, website?: string) {
	const result = createCompany(
		db,
		{ name, website: website ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example` },
		null
	);
	if (!result.ok) throw new Error(`makeCompany: ${result.reason}`);
	return result.company;
}

export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
	return {
		company: 'Acme Telecom',
		website: '',
		industry: null,
		title: 'Dial tone cut early and out for days',
		product: 'Landline',
		category: 'service-outage',
		categories: [],
		trigger: 'moving-house',
		triggers: [],
		startedOn: '2024-03-01',
		endedOn: '2024-03-06',
		contacts: 22,
		contactsAtLeast: false,
		effortMinutes: 600,
		effortAtLeast: false,
		agents: 50,
		agentsAtLeast: true,
		promisesBroken: 3,
		channels: ['phone'],
		escalations: ['regulator'],
		currency: 'USD',
		orderValueMinor: null,
		amountDisputedMinor: 12_000,
		amountRecoveredMinor: 0,
		country: 'US',
		region: 'US-NY',
		outcome: 'resolved',
		resolvedBy: 'regulator',
		events: [],
		rating: 1,
		narrative: 'The line went dead a day early and stayed dead for 112 hours.',
		language: 'en',
		...overrides
	};
}

export function makeReport(db: Db, authorId: string, overrides: Partial<ReportInput> = {}) {
	const result = createReport(db, reportInput(overrides), authorId);
	if (!result.ok) throw new Error(`makeReport: ${JSON.stringify(result.problem)}`);
	return result.id;
}

/** One timeline event on a day, without a time, promise or escalation unless given. */
export function caseEvent(
	kind: CaseEvent['kind'],
	occurredOn: string,
	more: Partial<CaseEvent> = {}
): CaseEvent {
	return {
		kind,
		occurredOn,
		occurredAt: null,
		promisedOn: null,
		promisedAt: null,
		escalationTo: null,
		note: null,
		...more
	};
}
