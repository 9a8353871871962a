import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { mailOutbox } from '../db/schema';
import { outboxTransport } from '../mail/mail';
import { createTestDb } from '../testing/db';
import { makeCompany, makeUser } from '../testing/factories';
import { startClaim } from './representatives';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

/** What someone who types `email` on the claim page of a company with `website` gets. */
async function claim(website: string, email: string) {
	const company = makeCompany(db, `Company on ${website}`, website);
	const user = await makeUser(db);
	return startClaim(db, outboxTransport(db), {
		userId: user.id,
		companyId: company.id,
		email,
		companyName: company.name,
		domain: company.domain
	});
}

describe('who may claim a company by e-mail', () => {
	it.each([
		['gmail.com', 'someone@gmail.com'],
		['https://www.gmail.com', 'someone@googlemail.com'],
		['yahoo.co.uk', 'someone@yahoo.co.uk'],
		['mailinator.com', 'anyone@mailinator.com'],
		['co.uk', 'someone@random-shop.co.uk'],
		['co.uk', 'someone@co.uk'],
		['github.io', 'someone@someone.github.io']
	])('refuses every address when the website %s is shared (%s)', async (website, email) => {
		expect(await claim(website, email)).toEqual({ ok: false, reason: 'shared-domain' });
		expect(db.select().from(mailOutbox).all()).toHaveLength(0);
	});

	it.each([
		['example.co.uk', 'someone@random-shop.co.uk'],
		['example.co.uk', 'someone@gmail.com'],
		['shop.example.co.uk', 'someone@other-example.co.uk'],
		['acme-telecom.example', 'someone@evilacme-telecom.example'],
		['acme-telecom.example', 'someone@acme-telecom.example.evil.example'],
		['someone.github.io', 'someone@other.github.io']
	])('refuses %s to an address on another registrable domain (%s)', async (website, email) => {
		expect(await claim(website, email)).toEqual({ ok: false, reason: 'wrong-domain' });
		expect(db.select().from(mailOutbox).all()).toHaveLength(0);
	});

	it.each([
		['example.co.uk', 'care@example.co.uk'],
		['example.co.uk', 'care@shop.example.co.uk'],
		['shop.example.co.uk', 'care@example.co.uk'],
		['https://www.acme-telecom.example/contact', 'Care@Support.Acme-Telecom.example']
	])('mails a code when %s and %s share a registrable domain', async (website, email) => {
		expect(await claim(website, email)).toMatchObject({ ok: true });
		expect(db.select().from(mailOutbox).all()).toHaveLength(1);
	});
});
