/**
 * Several failures and circumstances per report (issue 14 item 1, decision 028): stored, read
 * back, and counted once under each category and in each pattern it names, through every write path.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import type { Actor } from '../auth/roles';
import { grantRepresentative } from '../companies/representatives';
import { outboxTransport } from '../mail/mail';
import { deleteOwnReport, moderate } from '../moderation/moderation';
import { getPattern } from '../patterns/patterns';
import { postResponse } from '../responses/responses';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser, reportInput } from '../testing/factories';
import { rollupDrift } from '../testing/rollup-drift';
import { setMeToo } from './me-too';
import { getReport, updateReport } from './reports';
import { readRollup, ALL_SCOPE, patternScope } from './rollups';
import type { ReportInput } from '../../validation/report';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

/** The widow's case: a billing error and a closed account, after a death and a name change. */
const widow: Partial<ReportInput> = {
	category: 'billing-error',
	categories: ['account-closed'],
	trigger: 'death-of-account-holder',
	triggers: ['name-change']
};

const patternsOfWidow = [
	'billing-error-after-death-of-account-holder',
	'billing-error-after-name-change',
	'account-closed-after-death-of-account-holder',
	'account-closed-after-name-change'
];

/** Reports counted per key of one dimension of the whole site's figures. */
function counted(dimension: 'category' | 'trigger'): Record<string, number> {
	return Object.fromEntries(
		(readRollup(db, ALL_SCOPE).get(dimension) ?? []).map((row) => [row.key, row.n])
	);
}

function patternCount(slug: string): number {
	return getPattern(db, slug)?.pattern.reportCount ?? 0;
}

async function world() {
	makeCompany(db, 'Acme Telecom', 'https://acme.example');
	const author = await makeUser(db);
	const neighbour = await makeUser(db);
	const moderator: Actor = { id: (await makeUser(db)).id, role: 'moderator' };
	const id = makeReport(db, author.id, widow);
	const decide = (action: 'hide' | 'restore') =>
		moderate(db, moderator, {
			targetType: 'report',
			targetId: id,
			action,
			reason: 'personal-data',
			note: 'checked'
		});
	return { author, neighbour, moderator, id, decide };
}

describe('a report naming two categories and two circumstances', () => {
	it('keeps the primary category and first circumstance, and reads back all of them', async () => {
		const { id } = await world();
		const detail = getReport(db, id)!;
		expect(detail.report.category).toBe('billing-error');
		expect(detail.report.trigger).toBe('death-of-account-holder');
		expect(detail.categories).toEqual(['billing-error', 'account-closed']);
		expect(detail.triggers).toEqual(['death-of-account-holder', 'name-change']);
	});

	it('counts once under each category and circumstance, and in each of its four patterns', async () => {
		await world();
		expect(counted('category')).toEqual({ 'billing-error': 1, 'account-closed': 1 });
		expect(counted('trigger')).toEqual({ 'death-of-account-holder': 1, 'name-change': 1 });
		for (const slug of patternsOfWidow) expect(patternCount(slug), slug).toBe(1);
		expect(getPattern(db, patternsOfWidow[3]!)!.reports.map((r) => r.title)).toEqual([
			'Dial tone cut early and out for days'
		]);
		expect(rollupDrift(db)).toEqual([]);
	});

	it('moves every figure when the author adds and removes categories and circumstances', async () => {
		const { author, id } = await world();
		const edited = updateReport(
			db,
			id,
			reportInput({
				category: 'account-closed',
				categories: ['refund-refused', 'billing-error'],
				trigger: 'name-change',
				triggers: []
			}),
			author.id
		);
		expect(edited.ok).toBe(true);
		const detail = getReport(db, id)!;
		expect(detail.categories).toEqual(['account-closed', 'billing-error', 'refund-refused']);
		expect(detail.triggers).toEqual(['name-change']);
		expect(counted('category')).toEqual({
			'account-closed': 1,
			'billing-error': 1,
			'refund-refused': 1
		});
		expect(counted('trigger')).toEqual({ 'name-change': 1 });
		expect(patternCount('billing-error-after-death-of-account-holder')).toBe(0);
		expect(patternCount('refund-refused-after-name-change')).toBe(1);
		expect(rollupDrift(db)).toEqual([]);
	});

	it('takes "me too" and a company response into each of its patterns', async () => {
		const { neighbour, moderator, id } = await world();
		expect(setMeToo(db, id, neighbour.id, true)).toMatchObject({ ok: true, count: 1 });
		for (const slug of patternsOfWidow) {
			expect(getPattern(db, slug)!.pattern.meTooCount, slug).toBe(1);
		}
		const rep = await makeUser(db);
		const acmeId = getReport(db, id)!.company.id;
		grantRepresentative(db, moderator, { companyId: acmeId, email: rep.email, reason: 'test' });
		const answered = await postResponse(
			db,
			outboxTransport(db),
			{ id: rep.id, role: 'user' },
			id,
			{ body: 'We have corrected the account and apologise.', action: 'fixed' },
			''
		);
		expect(answered.ok).toBe(true);
		for (const slug of patternsOfWidow) {
			const responded = readRollup(db, patternScope(slug)).get('responded');
			expect(responded, slug).toEqual([{ key: 'recourse', n: 1 }]);
		}
		expect(rollupDrift(db)).toEqual([]);
	});

	it('leaves every figure while hidden, comes back whole, and leaves for good when deleted', async () => {
		const { author, neighbour, id, decide } = await world();
		setMeToo(db, id, neighbour.id, true);
		expect(decide('hide')).toEqual({ ok: true });
		expect(counted('category')).toEqual({});
		for (const slug of patternsOfWidow) expect(patternCount(slug), slug).toBe(0);
		expect(rollupDrift(db)).toEqual([]);
		expect(decide('restore')).toEqual({ ok: true });
		expect(counted('category')).toEqual({ 'billing-error': 1, 'account-closed': 1 });
		for (const slug of patternsOfWidow) expect(patternCount(slug), slug).toBe(1);
		expect(rollupDrift(db)).toEqual([]);
		expect(deleteOwnReport(db, { id: author.id, role: 'user' }, id)).toEqual({ ok: true });
		expect(counted('trigger')).toEqual({});
		expect(db.$client.prepare('select count(*) from report_category').pluck().get()).toBe(0);
		expect(rollupDrift(db)).toEqual([]);
	});

	it('names "none" only when no other circumstance is given', async () => {
		makeCompany(db, 'Acme Telecom', 'https://acme.example');
		const author = await makeUser(db);
		const id = makeReport(db, author.id, { trigger: 'none', triggers: ['moving-house'] });
		expect(getReport(db, id)!.triggers).toEqual(['moving-house']);
		expect(getReport(db, id)!.report.trigger).toBe('moving-house');
		const alone = makeReport(db, author.id, { trigger: 'none', triggers: [] });
		expect(getReport(db, alone)!.triggers).toEqual(['none']);
		expect(rollupDrift(db)).toEqual([]);
	});
});
