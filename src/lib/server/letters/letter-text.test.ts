import { describe, expect, it } from 'vitest';
import { locales, type Locale } from '../../paraglide/runtime';
import { caseEvent } from '../testing/factories';
import { writeLetter, type LetterFacts, type LetterInput } from './letter-text';

const facts: LetterFacts = {
	company: 'Meridian Line',
	title: 'Dial tone cut 18 hours early, out for 112 hours',
	product: 'Landline and broadband',
	category: 'service-outage',
	startedOn: '2026-09-14',
	endedOn: null,
	outcome: 'unresolved',
	contacts: 22,
	contactsAtLeast: false,
	agents: 50,
	agentsAtLeast: true,
	effortMinutes: 870,
	effortAtLeast: false,
	outageMinutes: 112 * 60,
	currency: 'EUR',
	amountDisputedMinor: 745_500,
	amountRecoveredMinor: 8_877,
	orderValueMinor: 54_000,
	escalations: ['regulator'],
	events: [
		caseEvent('first-contact', '2026-09-01', { note: 'Ticket 48213' }),
		caseEvent('promise-made', '2026-09-14', {
			occurredAt: '17:00',
			promisedOn: '2026-09-16',
			promisedAt: '10:00',
			note: '"By Wednesday"'
		}),
		caseEvent('promise-broken', '2026-09-16', { occurredAt: '10:00' }),
		caseEvent('escalation', '2026-09-18', { escalationTo: 'regulator' })
	]
};

const sender = {
	name: 'Ana García',
	address: 'Calle Mayor 12\n28013 Madrid',
	account: 'ES-99 1234',
	reference: 'REF-777'
};

function letter(overrides: Partial<LetterInput> = {}, locale: Locale = 'en') {
	return writeLetter(
		{
			facts,
			recipient: { kind: 'company', name: 'Meridian Line', next: null },
			asks: ['fix', 'refund', 'final-response'],
			sender,
			today: '2026-11-29',
			replyBy: '2026-12-13',
			...overrides
		},
		locale
	);
}

describe('the complaint letter', () => {
	it('tells the facts, the promises with their dates, the effort, the amounts and the deadline', () => {
		const text = letter();
		expect(text).toContain('Ana García\nCalle Mayor 12\n28013 Madrid');
		expect(text).toContain('November 29, 2026');
		expect(text).toContain('Subject: Formal complaint – Dial tone cut 18 hours early');
		expect(text).toContain('Customer or account number: ES-99 1234');
		expect(text).toContain('Reference: REF-777');
		expect(text).toContain('Dear Sir or Madam,');
		expect(text).toContain('about Landline and broadband (Service outage)');
		expect(text).toContain('The problem began on September 14, 2026.');
		expect(text).toContain('It has still not been resolved.');
		expect(text).toContain('interrupted for 112 hours');
		// The timeline, in order, with reference numbers from the notes.
		expect(text).toContain('- September 1, 2026: First contact – Ticket 48213');
		expect(text).toContain(
			'- September 14, 2026 at 5:00 PM: Promise made (promised for September 16, 2026 at 10:00 AM) – "By Wednesday"'
		);
		expect(text).toContain(
			'- promised for September 16, 2026 at 10:00 AM, not kept on September 16, 2026 at 10:00 AM'
		);
		expect(text).toContain('contacts with the company: 22');
		expect(text).toContain('different agents spoken to: at least 50');
		expect(text).toContain('time spent: 14.5 hours');
		expect(text).toContain('The amount in dispute is €7,455.00.');
		expect(text).toContain('The value of the order or contract is €540.00.');
		expect(text).toContain('So far €88.77 has been refunded.');
		expect(text).toContain('I have already taken the matter to: Regulator or ombudsman.');
		expect(text).toContain('- a refund of €7,455.00');
		expect(text).toContain('- a final response in writing');
		expect(text).not.toContain('compensation');
		expect(text).toContain('Please reply in writing by December 13, 2026.');
		expect(text.trimEnd().endsWith('Yours faithfully,\n\nAna García')).toBe(true);
	});

	it('names the body the case goes to next when the guide knows one', () => {
		const text = letter({ recipient: { kind: 'company', name: 'Meridian Line', next: 'Ofcom' } });
		expect(text).toContain('I will refer it to Ofcom.');
	});

	it('to a body: says when the company was told and refers to the body’s waiting rule', () => {
		const text = letter({
			recipient: {
				kind: 'body',
				name: 'Financial Ombudsman Service',
				url: 'https://www.financial-ombudsman.org.uk/',
				wait: { kind: 'final-response-or-after', period: { count: 8, unit: 'weeks' } },
				from: '2026-10-27'
			}
		});
		expect(text).toContain('Financial Ombudsman Service\nhttps://www.financial-ombudsman.org.uk/');
		expect(text).toContain('Subject: Complaint about Meridian Line – Dial tone');
		expect(text).toContain('I first complained to Meridian Line on September 1, 2026');
		expect(text).toContain('once the company has given its final response, or 8 weeks after');
		expect(text).toContain('that date is October 27, 2026');
		expect(text).toContain('From Meridian Line I request:');
		expect(text).toContain('Promises the company made and did not keep:');
		expect(text).toContain('I would be grateful for your reply by December 13, 2026.');
	});

	it('is written in each interface language, with its dates and money formatted there', () => {
		const expected: Record<Locale, string[]> = {
			en: ['Dear Sir or Madam,', 'September 14, 2026', '€7,455.00', 'Yours faithfully,'],
			ca: ['Distingits senyors,', '14 de setembre del 2026', '7.455,00 €', 'Atentament,'],
			de: [
				'Sehr geehrte Damen und Herren,',
				'14. September 2026',
				'7.455,00 €',
				'Mit freundlichen Grüßen'
			],
			es: ['Muy señores míos:', '14 de septiembre de 2026', '7455,00 €', 'Atentamente,'],
			pl: ['Szanowni Państwo,', '14 września 2026', '7455,00 €', 'Z poważaniem'],
			ru: [
				'Уважаемые господа!',
				'Проблема возникла 14 сентября 2026 г. До',
				'7 455,00 €',
				'С уважением,'
			]
		};
		for (const locale of locales) {
			const text = letter({}, locale).replace(/\u00a0|\u202f/g, ' ');
			for (const part of expected[locale]) expect(text, `${locale}: ${part}`).toContain(part);
		}
	});

	it('without a timeline still tells what failed, since when, and what is asked', () => {
		const text = letter({
			facts: {
				...facts,
				events: [],
				escalations: [],
				contacts: null,
				agents: null,
				effortMinutes: null,
				outageMinutes: null,
				amountDisputedMinor: null,
				amountRecoveredMinor: null,
				orderValueMinor: null,
				currency: null,
				endedOn: '2026-09-20',
				outcome: 'resolved'
			},
			sender: { name: '', address: '', account: '', reference: '' },
			asks: ['compensation', 'refund']
		});
		expect(text).toContain(
			'The problem began on September 14, 2026. It lasted until September 20, 2026.'
		);
		expect(text).not.toContain('What happened, in order');
		expect(text).not.toContain('Promises');
		expect(text).not.toContain('Pursuing this');
		expect(text).not.toContain('Customer or account number');
		expect(text).toContain('- a refund of the amounts charged wrongly');
		// Asks come in a fixed order, whatever order they were ticked in.
		expect(text.indexOf('- a refund')).toBeLessThan(text.indexOf('- compensation'));
		expect(text.startsWith('Meridian Line\n\nNovember 29, 2026')).toBe(true);
	});

	it('tells only the stored, redacted texts: nothing removed comes back', () => {
		const text = letter({
			facts: {
				...facts,
				title: 'Cut off, call me on [phone removed]',
				events: [caseEvent('contact', '2026-09-02', { note: 'Card [card removed]' })]
			},
			sender: { name: 'Ana', address: '', account: '', reference: '' }
		});
		expect(text).toContain('Cut off, call me on [phone removed]');
		expect(text).toContain('Card [card removed]');
	});
});
