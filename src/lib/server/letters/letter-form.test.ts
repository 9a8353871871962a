import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { moderate } from '../moderation/moderation';
import { createTestDb } from '../testing/db';
import { caseEvent, makeReport, makeUser } from '../testing/factories';
import { letterCaseFor, letterRecipients, readLetterForm } from './letter-form';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

const form = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	}
	return data;
};
const filled = {
	recipient: 'company',
	name: 'Ana García',
	address: 'Calle Mayor 12\n28013 Madrid',
	account: 'ES-99 1234',
	reference: 'REF-777',
	deadline: '14',
	asks: ['fix', 'final-response']
};

/** The letter its author writes with every field filled in (fails the test if refused). */
function writtenLetter(reportId: number, author: { id: string }): string {
	const result = readLetterForm(
		letterCaseFor(db, String(reportId), author)!,
		form(filled),
		'en',
		'2026-11-29'
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.letter;
}

describe('who may write a report’s letter', () => {
	it('its author only, hidden or not; nobody else, signed in or not, nor for a missing report', async () => {
		const author = await makeUser(db);
		const other = await makeUser(db);
		const id = makeReport(db, author.id, { website: 'acme.example' });
		expect(letterCaseFor(db, String(id), author)?.detail.report.id).toBe(id);
		expect(letterCaseFor(db, String(id), other)).toBeUndefined();
		expect(letterCaseFor(db, String(id), null)).toBeUndefined();
		expect(letterCaseFor(db, String(id + 1000), author)).toBeUndefined();
		expect(letterCaseFor(db, 'not-a-number', author)).toBeUndefined();
		const moderator = await makeUser(db);
		moderate(
			db,
			{ id: moderator.id, role: 'moderator' },
			{ targetType: 'report', targetId: id, action: 'hide', reason: 'spam', note: 'test' }
		);
		expect(letterCaseFor(db, String(id), author)?.detail.report.id).toBe(id);
	});
});

describe('the letter form', () => {
	it('writes the letter with what was typed, a reply date 14 days on, and stores nothing', async () => {
		const author = await makeUser(db);
		const id = makeReport(db, author.id, { website: 'acme.example' });
		const tables = () =>
			JSON.stringify(
				(
					db.$client
						.prepare("select name from sqlite_master where type = 'table'")
						.pluck()
						.all() as string[]
				).map((t) => db.$client.prepare(`select * from "${t}"`).all())
			);
		const before = tables();
		const letter = writtenLetter(id, author);
		expect(letter).toContain('Ana García\nCalle Mayor 12\n28013 Madrid');
		expect(letter).toContain('Customer or account number: ES-99 1234');
		expect(letter).toContain('Please reply in writing by December 13, 2026.');
		expect(tables()).toBe(before);
		expect(before).not.toContain('Ana García');
	});

	it('keeps every typed value and puts a message beside each bad field', async () => {
		const author = await makeUser(db);
		const c = letterCaseFor(
			db,
			String(makeReport(db, author.id, { website: 'acme.example' })),
			author
		)!;
		const bad = { ...filled, recipient: 'the-moon', deadline: 'two weeks', asks: [] };
		const result = readLetterForm(c, form(bad), 'en', '2026-11-29');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.values).toEqual(bad);
		expect(result.errors).toEqual({
			recipient: 'Choose one of the recipients listed.',
			deadline: 'Enter a whole number of days from 1 to 365.',
			asks: 'Choose at least one thing to ask for.'
		});
		for (const deadline of ['0', '366', '-3', '1.5', '1e3', '']) {
			const r = readLetterForm(c, form({ ...filled, deadline }), 'en', '2026-11-29');
			expect(r.ok ? null : r.errors.deadline, deadline).toBe(
				'Enter a whole number of days from 1 to 365.'
			);
		}
		const long = readLetterForm(c, form({ ...filled, name: 'x'.repeat(201) }), 'en', '2026-11-29');
		expect(long.ok ? null : long.errors.name).toBe('Use at most 200 characters.');
		const ask = readLetterForm(
			c,
			form({ ...filled, asks: ['fix', 'free-money'] }),
			'en',
			'2026-11-29'
		);
		expect(ask.ok ? null : ask.errors.asks).toBe('Choose at least one thing to ask for.');
	});

	it('tells the report as stored: what redaction removed on save does not come back', async () => {
		const author = await makeUser(db);
		const id = makeReport(db, author.id, {
			website: 'acme.example',
			title: 'Cut off for days, call me on +34 612 345 678',
			events: [
				caseEvent('contact', '2024-03-02', {
					note: 'Paid with card 4111 1111 1111 1111, IBAN ES91 2100 0418 4502 0005 1332'
				})
			]
		});
		const letter = writtenLetter(id, author);
		expect(letter).toContain('[phone removed]');
		expect(letter.replace(/\D/g, '')).not.toContain('612345678');
		expect(letter.replace(/\D/g, '')).not.toContain('4111111111111111');
		expect(letter).not.toMatch(/ES91/);
	});

	it('offers the company and the bodies the guide names, each letter citing its waiting rule', async () => {
		const author = await makeUser(db);
		const id = makeReport(db, author.id, {
			company: 'Telefónica Prueba',
			website: 'telefonica-prueba.example',
			industry: 'telecom',
			country: 'ES',
			region: 'ES-MD',
			escalations: [],
			resolvedBy: null,
			outcome: 'unresolved',
			events: [caseEvent('first-contact', '2026-09-01')]
		});
		const c = letterCaseFor(db, String(id), author)!;
		const recipients = letterRecipients(c, '2026-11-29');
		expect(recipients.map((r) => r.id)).toEqual([
			'company',
			'es-telecom-oficina-usuarios',
			'es-consumo-omic',
			'es-arbitraje-consumo'
		]);
		const toCompany = readLetterForm(c, form(filled), 'es', '2026-11-29');
		expect(toCompany.ok && toCompany.letter).toContain(
			'lo trasladaré a Oficina de Atención al Usuario de Telecomunicaciones.'
		);
		const toBody = readLetterForm(
			c,
			form({ ...filled, recipient: 'es-telecom-oficina-usuarios' }),
			'es',
			'2026-11-29'
		);
		expect(toBody.ok).toBe(true);
		if (!toBody.ok) return;
		expect(toBody.letter).toContain(
			'Oficina de Atención al Usuario de Telecomunicaciones\nhttps://'
		);
		expect(toBody.letter).toContain(
			'Reclamé por primera vez a Telefónica Prueba el 1 de septiembre de 2026'
		);
		// One month after the first contact, the body's waiting rule.
		expect(toBody.letter).toContain('1 mes después de que el consumidor haya reclamado');
		expect(toBody.letter).toContain('esa fecha es el 1 de octubre de 2026');
	});

	it('names in a letter to the company the body the report page names next: one already used is skipped', async () => {
		const author = await makeUser(db);
		const id = makeReport(db, author.id, {
			company: 'Telefónica Usada',
			website: 'telefonica-usada.example',
			industry: 'telecom',
			country: 'ES',
			region: 'ES-MD',
			escalations: ['regulator'],
			resolvedBy: null,
			outcome: 'unresolved'
		});
		const result = readLetterForm(
			letterCaseFor(db, String(id), author)!,
			form(filled),
			'es',
			'2026-11-29'
		);
		expect(result.ok && result.letter).toContain(
			'lo trasladaré a Oficinas de consumo (OMIC y servicios autonómicos de consumo).'
		);
	});

	it('offers the generic route where the guide knows no country, and no regional body outside its region', async () => {
		const author = await makeUser(db);
		const c = letterCaseFor(
			db,
			String(makeReport(db, author.id, { website: 'acme.example', country: 'JP', region: null })),
			author
		)!;
		expect(letterRecipients(c).map((r) => r.id)).toEqual(['company', 'generic-written-complaint']);
		const es = letterCaseFor(
			db,
			String(
				makeReport(db, author.id, {
					company: 'Otra',
					website: 'otra.example',
					country: 'ES',
					region: 'ES-MD'
				})
			),
			author
		)!;
		expect(letterRecipients(es).map((r) => r.id)).not.toContain('es-ct-agencia-catalana-consum');
	});
});
