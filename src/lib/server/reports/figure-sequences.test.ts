/** Every figure stays exact through the write sequences a hostile audit tried (issue 21, items 3–5). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import type { Actor } from '../auth/roles';
import { grantRepresentative } from '../companies/representatives';
import { outboxTransport } from '../mail/mail';
import { deleteOwnReport, moderate } from '../moderation/moderation';
import { answerResponse, getResponse, postResponse } from '../responses/responses';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser, reportInput } from '../testing/factories';
import { rollupDrift } from '../testing/rollup-drift';
import { setMeToo } from './me-too';
import { getReport, updateReport } from './reports';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

async function world() {
	const acme = makeCompany(db, 'Acme Telecom', 'https://acme.example');
	const globex = makeCompany(db, 'Globex Energy', 'https://globex.example');
	const author = await makeUser(db);
	const neighbour = await makeUser(db);
	const moderator: Actor = { id: (await makeUser(db)).id, role: 'moderator' };
	const rep = await makeUser(db);
	grantRepresentative(db, moderator, { companyId: acme.id, email: rep.email, reason: 'test' });
	const id = makeReport(db, author.id, { company: 'Acme Telecom' });
	const respond = () =>
		postResponse(
			db,
			outboxTransport(db),
			{ id: rep.id, role: 'user' },
			id,
			{ body: 'We have corrected the account and apologise.', action: 'fixed' },
			''
		);
	const decide = (action: 'hide' | 'restore', targetType: 'report' | 'response' = 'report') =>
		moderate(db, moderator, {
			targetType,
			targetId: targetType === 'report' ? id : getResponseId(id),
			action,
			reason: 'personal-data',
			note: 'checked'
		});
	return { acme, globex, author, neighbour, id, respond, decide };
}

function getResponseId(reportId: number): number {
	return db.$client
		.prepare('select id from company_response where report_id = ?')
		.pluck()
		.get(reportId) as number;
}

describe('a report a company has answered', () => {
	it('keeps its company: moving it is refused beside the field, and no figure drifts', async () => {
		const w = await world();
		expect((await w.respond()).ok).toBe(true);
		const moved = updateReport(db, w.id, reportInput({ company: 'Globex Energy' }), w.author.id);
		expect(moved).toEqual({
			ok: false,
			problem: { field: 'company', reason: 'answered', company: 'Acme Telecom' }
		});
		expect(getReport(db, w.id)!.company.name).toBe('Acme Telecom');
		expect(rollupDrift(db)).toEqual([]);
	});

	it('moves its response between patterns when the author changes category or trigger', async () => {
		const w = await world();
		await w.respond();
		const edited = updateReport(
			db,
			w.id,
			reportInput({ category: 'billing-error', trigger: 'cancellation' }),
			w.author.id
		);
		expect(edited.ok).toBe(true);
		expect(rollupDrift(db)).toEqual([]);
	});

	it('keeps its company while the answer is hidden too, and counts exactly on restore', async () => {
		const w = await world();
		await w.respond();
		expect(w.decide('hide', 'response')).toEqual({ ok: true });
		const moved = updateReport(db, w.id, reportInput({ company: 'Globex Energy' }), w.author.id);
		expect(moved).toEqual({
			ok: false,
			problem: { field: 'company', reason: 'answered', company: 'Acme Telecom' }
		});
		updateReport(db, w.id, reportInput({ category: 'billing-error' }), w.author.id);
		expect(w.decide('restore', 'response')).toEqual({ ok: true });
		expect(rollupDrift(db)).toEqual([]);
	});

	it('may still move to another company before any answer', async () => {
		const w = await world();
		const moved = updateReport(db, w.id, reportInput({ company: 'Globex Energy' }), w.author.id);
		expect(moved.ok).toBe(true);
		expect(getReport(db, w.id)!.company.name).toBe('Globex Energy');
		expect(rollupDrift(db)).toEqual([]);
	});
});

describe('a hidden report', () => {
	it('refuses "me too" (as if it did not exist) and counts exactly after a restore', async () => {
		const w = await world();
		expect(w.decide('hide')).toEqual({ ok: true });
		expect(setMeToo(db, w.id, w.neighbour.id, true)).toEqual({ ok: false, reason: 'not-found' });
		expect(rollupDrift(db)).toEqual([]);
		expect(w.decide('restore')).toEqual({ ok: true });
		expect(getReport(db, w.id)!.report.meTooCount).toBe(0);
		expect(rollupDrift(db)).toEqual([]);
	});

	it('keeps a "me too" given before it was hidden, and counts it once after a restore', async () => {
		const w = await world();
		expect(setMeToo(db, w.id, w.neighbour.id, true)).toMatchObject({ ok: true, count: 1 });
		w.decide('hide');
		expect(setMeToo(db, w.id, w.neighbour.id, false)).toEqual({ ok: false, reason: 'not-found' });
		w.decide('restore');
		expect(getReport(db, w.id)!.report.meTooCount).toBe(1);
		expect(rollupDrift(db)).toEqual([]);
	});

	it('may be edited by its author without moving any figure, before and after a restore', async () => {
		const w = await world();
		await w.respond();
		w.decide('hide');
		const edited = updateReport(
			db,
			w.id,
			reportInput({ category: 'billing-error', contacts: 3, amountDisputedMinor: 99_00 }),
			w.author.id
		);
		expect(edited.ok).toBe(true);
		expect(rollupDrift(db)).toEqual([]);
		w.decide('restore');
		expect(rollupDrift(db)).toEqual([]);
	});

	it('takes no verdict, and its response hidden and restored meanwhile counts exactly', async () => {
		const w = await world();
		await w.respond();
		w.decide('hide');
		const verdict = { verdict: 'accepted', comment: '', outcome: 'resolved' } as const;
		expect(answerResponse(db, { id: w.author.id, role: 'user' }, w.id, verdict)).toEqual({
			ok: false,
			reason: 'not-found'
		});
		expect(w.decide('hide', 'response')).toEqual({ ok: true });
		w.decide('restore');
		expect(getResponse(db, w.id)).toBeUndefined();
		expect(rollupDrift(db)).toEqual([]);
		expect(w.decide('restore', 'response')).toEqual({ ok: true });
		expect(rollupDrift(db)).toEqual([]);
	});

	it('deleted by its author leaves no figure behind', async () => {
		const w = await world();
		await w.respond();
		setMeToo(db, w.id, w.neighbour.id, true);
		w.decide('hide');
		expect(deleteOwnReport(db, { id: w.author.id, role: 'user' }, w.id)).toEqual({ ok: true });
		expect(rollupDrift(db)).toEqual([]);
	});
});
