import { beforeEach, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import type { Connection } from '../db/client';
import { auditLog, mailOutbox } from '../db/schema';
import { outboxTransport } from '../mail/mail';
import { listAudit } from '../moderation/audit';
import { createTestDb } from '../testing/db';
import { makeCompany, makeUser } from '../testing/factories';
import { grantRepresentative, startClaim, verifyClaim } from './representatives';
import {
	acceptInvite,
	changeRole,
	INVITE_LIFETIME,
	inviteColleague,
	listTeam,
	removeColleague,
	representativeRole
} from './team';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

const ORIGIN = 'http://recourse.test';

/** A company on `website` whose first representative (a manager) is returned. */
async function companyWithManager(website = 'acme-telecom.example') {
	const company = makeCompany(db, `Company on ${website}`, website);
	const owner = await makeUser(db);
	const mod = await makeUser(db);
	grantRepresentative(
		db,
		{ id: mod.id, role: 'moderator' },
		{ companyId: company.id, email: owner.email, reason: 'owner' }
	);
	return { company, owner: { id: owner.id, role: 'user' } };
}

const linkIn = (text: string) => text.match(/\/invites\/([a-z0-9]+)/)?.[1] ?? '';
const newestMail = () => db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).get();

describe('inviting a colleague', () => {
	it.each([
		['acme-telecom.example', 'ana@gmail.com', 'wrong-domain'],
		['acme-telecom.example', 'ana@acme-telecom.example.evil.example', 'wrong-domain'],
		['acme-telecom.example', 'ana@evilacme-telecom.example', 'wrong-domain'],
		['gmail.com', 'ana@gmail.com', 'shared-domain']
	])('on %s refuses %s (%s) and mails nothing', async (website, email, reason) => {
		const { company, owner } = await companyWithManager(website);
		const result = await inviteColleague(
			db,
			outboxTransport(db),
			owner,
			{ companyId: company.id, email, role: 'responder' },
			ORIGIN
		);
		expect(result).toEqual({ ok: false, reason });
		expect(db.select().from(mailOutbox).all()).toHaveLength(0);
	});

	it('mails a single-use link to an address on the domain; accepting makes a responder', async () => {
		const { company, owner } = await companyWithManager();
		const result = await inviteColleague(
			db,
			outboxTransport(db),
			owner,
			{ companyId: company.id, email: 'Ana@Support.Acme-Telecom.example', role: 'responder' },
			ORIGIN
		);
		expect(result).toEqual({ ok: true });
		const mail = newestMail()!;
		expect(mail.to).toBe('ana@support.acme-telecom.example');
		const token = linkIn(mail.text);
		const ana = await makeUser(db, { email: 'ana.private@example.test' });
		expect(acceptInvite(db, { id: ana.id, role: 'user' }, token)).toMatchObject({ ok: true });
		expect(representativeRole(db, ana.id, company.id)).toBe('responder');
		const other = await makeUser(db);
		expect(acceptInvite(db, { id: other.id, role: 'user' }, token)).toEqual({
			ok: false,
			reason: 'used'
		});
		expect(representativeRole(db, other.id, company.id)).toBeNull();
		const actions = db
			.select()
			.from(auditLog)
			.all()
			.map((e) => e.action);
		expect(actions).toEqual(
			expect.arrayContaining(['representative.invited', 'representative.joined'])
		);
	});

	it('refuses an expired link, a forged one, and a responder who tries to invite', async () => {
		const { company, owner } = await companyWithManager();
		const now = Date.UTC(2026, 10, 1);
		await inviteColleague(
			db,
			outboxTransport(db),
			owner,
			{ companyId: company.id, email: 'bo@acme-telecom.example', role: 'responder' },
			ORIGIN,
			now
		);
		const token = linkIn(newestMail()!.text);
		const bo = await makeUser(db);
		const actor = { id: bo.id, role: 'user' };
		expect(acceptInvite(db, actor, token, now + INVITE_LIFETIME + 1)).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(acceptInvite(db, actor, token.slice(0, -1) + 'x', now)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(acceptInvite(db, actor, token, now)).toMatchObject({ ok: true });
		expect(
			await inviteColleague(
				db,
				outboxTransport(db),
				actor,
				{ companyId: company.id, email: 'cy@acme-telecom.example', role: 'manager' },
				ORIGIN
			)
		).toEqual({ ok: false, reason: 'forbidden' });
	});
});

describe('managing the team', () => {
	it('refuses to revoke or demote the last manager, and allows it once there is another', async () => {
		const { company, owner } = await companyWithManager();
		const ownerRep = listTeam(db, company.id).members[0]!;
		expect(
			removeColleague(db, owner, { companyId: company.id, representativeId: ownerRep.id })
		).toEqual({ ok: false, reason: 'last-manager' });
		expect(
			changeRole(db, owner, {
				companyId: company.id,
				representativeId: ownerRep.id,
				role: 'responder'
			})
		).toEqual({ ok: false, reason: 'last-manager' });
		expect(representativeRole(db, owner.id, company.id)).toBe('manager');

		await inviteColleague(
			db,
			outboxTransport(db),
			owner,
			{ companyId: company.id, email: 'dee@acme-telecom.example', role: 'responder' },
			ORIGIN
		);
		const dee = await makeUser(db);
		acceptInvite(db, { id: dee.id, role: 'user' }, linkIn(newestMail()!.text));
		const deeRep = listTeam(db, company.id).members.find((m) => m.userId === dee.id)!;
		// A responder may not manage.
		expect(
			removeColleague(
				db,
				{ id: dee.id, role: 'user' },
				{
					companyId: company.id,
					representativeId: ownerRep.id
				}
			)
		).toEqual({ ok: false, reason: 'forbidden' });
		expect(
			changeRole(db, owner, { companyId: company.id, representativeId: deeRep.id, role: 'manager' })
		).toEqual({ ok: true });
		expect(
			removeColleague(db, owner, { companyId: company.id, representativeId: ownerRep.id })
		).toEqual({ ok: true });
		expect(representativeRole(db, owner.id, company.id)).toBeNull();
		// The trail reads as sentences in the reader's language, with the roles' names.
		const sentences = listAudit(db, 'pl').entries.map((e) => e.sentence);
		expect(sentences).toEqual(
			expect.arrayContaining([
				'Zmienił(a) rolę członka zespołu z odpowiadający na kierownik.',
				'Usunął/usunęła członka zespołu firmy.',
				'Zaprosił(a) współpracownika do zespołu firmy.',
				'Dołączył(a) do zespołu firmy przez zaproszenie.'
			])
		);
	});

	it('makes the first claimant a manager and later claimants responders', async () => {
		const company = makeCompany(db, 'Claimed', 'claimed.example');
		for (const [email, role] of [
			['first@claimed.example', 'manager'],
			['second@claimed.example', 'responder']
		] as const) {
			const user = await makeUser(db);
			await startClaim(db, outboxTransport(db), {
				userId: user.id,
				companyId: company.id,
				email,
				companyName: company.name,
				domain: company.domain
			});
			const code = newestMail()!.text.match(/(\d{6})/)![1]!;
			expect(verifyClaim(db, { userId: user.id, companyId: company.id, code })).toEqual({
				ok: true
			});
			expect(representativeRole(db, user.id, company.id)).toBe(role);
		}
	});
});
