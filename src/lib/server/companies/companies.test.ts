import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { company, mailOutbox } from '../db/schema';
import { outboxTransport } from '../mail/mail';
import { createReport } from '../reports/reports';
import { makeUser, reportInput } from '../testing/factories';
import { createTestDb } from '../testing/db';
import { createCompany, findCompanyBySlug } from './companies';
import { startClaim } from './representatives';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

const add = (name: string, website: string) => {
	const result = createCompany(db, { name, website }, null);
	if (!result.ok) throw new Error(result.reason);
	return result.company;
};

describe('company slugs', () => {
	it('spell Cyrillic and Greek names in the address', () => {
		expect(add('Ростелеком', 'rt.example').slug).toBe('rostelekom');
		expect(add('ΟΤΕ', 'ote.example').slug).toBe('ote');
		expect(findCompanyBySlug(db, 'rostelekom')?.name).toBe('Ростелеком');
		// Two names that spell the same get the next free suffix, as before.
		expect(add('Rostelecom Kids', 'rt-kids.example').slug).toBe('rostelecom-kids');
		expect(add('Ростелеком ТВ', 'rt-tv.example').slug).toBe('rostelekom-tv');
		expect(add('Rostelekom', 'rostelekom.example').slug).toBe('rostelekom-2');
	});

	it('leave a slug given before transliteration where it was', () => {
		// A database from before: a Cyrillic name that was given the fallback slug.
		db.insert(company)
			.values({ slug: 'company', name: 'Мегафон', nameKey: 'мегафон', createdAt: 0 })
			.run();
		expect(findCompanyBySlug(db, 'company')?.name).toBe('Мегафон');
		// New companies get spelled slugs; the old one keeps its address.
		expect(add('Билайн', 'beeline.example').slug).toBe('bilayn');
		expect(findCompanyBySlug(db, 'company')?.name).toBe('Мегафон');
		expect(findCompanyBySlug(db, 'megafon')).toBeUndefined();
	});
});

describe('company names are one line', () => {
	const spoof = 'Acme Telecom\r\n\r\nYour account is closed: pay at evil.example\u2028Thanks';

	it('are stored as one line, whether created directly or from the report form', async () => {
		expect(add(spoof, 'acme-telecom.example').name).toBe(
			'Acme Telecom Your account is closed: pay at evil.example Thanks'
		);
		const author = await makeUser(db);
		const filed = createReport(
			db,
			reportInput({ company: 'Other\nEnergy\t\tLtd', website: 'other-energy.example' }),
			author.id
		);
		expect(filed.ok).toBe(true);
		const stored = db.select({ name: company.name }).from(company).all();
		expect(stored.map((c) => c.name)).toContain('Other Energy Ltd');
		for (const { name } of stored) expect(name).not.toMatch(/[\r\n\u2028\u2029\t]|\s{2}/);
	});

	it('print on one line in mail bodies, even when an older row still holds line breaks', async () => {
		const acme = add('Acme Telecom', 'acme-telecom.example');
		const author = await makeUser(db);
		await startClaim(db, outboxTransport(db), {
			userId: author.id,
			companyId: acme.id,
			email: 'me@acme-telecom.example',
			companyName: spoof,
			domain: acme.domain
		});
		const [sent] = db.select().from(mailOutbox).all();
		expect(sent?.text.split('\n')[0]).toContain(
			'Your account is closed: pay at evil.example Thanks'
		);
		expect(sent?.text).not.toMatch(/\r|\u2028/);
	});
});
