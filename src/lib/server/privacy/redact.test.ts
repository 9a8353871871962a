import { describe, expect, it } from 'vitest';
import { findPersonalData, ibanValid, luhnValid, redactPersonalData } from './redact';

const kinds = (text: string) => findPersonalData(text).map((r) => [r.kind, r.text]);

describe('finding personal data', () => {
	it('finds e-mail addresses, cards (Luhn) and IBANs (mod 97)', () => {
		expect(kinds('Write to maria.garcia+bills@correo.example.es today')).toEqual([
			['email', 'maria.garcia+bills@correo.example.es']
		]);
		expect(luhnValid('4111111111111111')).toBe(true);
		expect(luhnValid('4111111111111112')).toBe(false);
		expect(kinds('Card 4111 1111 1111 1111 was charged twice')).toEqual([
			['card', '4111 1111 1111 1111']
		]);
		// Sixteen digits that fail Luhn are not a card (and too long for a phone).
		expect(kinds('Tracking 4111 1111 1111 1112 lost')).toEqual([]);
		expect(ibanValid('ES91 2100 0418 4502 0005 1332')).toBe(true);
		expect(ibanValid('ES91 2100 0418 4502 0005 1333')).toBe(false);
		expect(kinds('Paid into ES91 2100 0418 4502 0005 1332 on Monday')).toEqual([
			['iban', 'ES91 2100 0418 4502 0005 1332']
		]);
		expect(kinds('Überweisung auf DE89370400440532013000 zurück')).toEqual([
			['iban', 'DE89370400440532013000']
		]);
		expect(kinds('Wpłata na PL61109010140000071219812874')).toEqual([
			['iban', 'PL61109010140000071219812874']
		]);
	});

	it('finds phone numbers written the usual ways', () => {
		for (const phone of [
			'+34 600 123 456',
			'(555) 123-4567',
			'0044 20 7946 0958',
			'+7 (495) 123-45-67',
			'600123456',
			'030 12345678',
			'+48 601 234 567'
		]) {
			expect(kinds(`Call me on ${phone} please`), phone).toEqual([['phone', phone]]);
		}
	});

	it('finds account and reference numbers after a keyword, in six languages', () => {
		const cases: [string, string][] = [
			['My account number is 88213377, closed in May.', '88213377'],
			['Reference: AB-20931-X was given twice', 'AB-20931-X'],
			['El número de cuenta 0049-1234-56 seguía activo', '0049-1234-56'],
			['Número de client: 7781234 i no responen', '7781234'],
			['Meine Kundennummer 12345678 wurde gesperrt', '12345678'],
			['Vertragsnummer: V-2023-55821 gekündigt', 'V-2023-55821'],
			['Лицевой счёт № 100200300 заблокирован', '100200300'],
			['номер договора 77-123456 от марта', '77-123456'],
			['Numer klienta 5512309 nadal aktywny', '5512309'],
			['nr umowy: UM/2023/0042 wypowiedziana', 'UM/2023/0042']
		];
		for (const [text, number] of cases) expect(kinds(text), text).toEqual([['account', number]]);
	});

	it('finds street addresses whose shape gives them away', () => {
		const cases: [string, string][] = [
			['They sent it to 221 Baker Street instead', '221 Baker Street'],
			['Visc al Carrer de Mallorca 401 des de fa anys', 'Carrer de Mallorca 401'],
			['Vivo en la Calle Mayor 12 de Madrid', 'Calle Mayor 12'],
			['Die Rechnung ging an die Hauptstraße 5 in Köln', 'Hauptstraße 5'],
			['Mieszkam przy ul. Długa 5/7 od lat', 'ul. Długa 5/7'],
			['Живу по адресу ул. Ленина, д. 5, кв. 12, а счёт пришёл не туда', 'ул. Ленина, д. 5, кв. 12']
		];
		for (const [text, address] of cases) expect(kinds(text), text).toEqual([['address', address]]);
	});

	it('leaves dates, amounts, counts and durations alone', () => {
		const story =
			'On 2024-03-01 the dial tone was cut 18 hours early and stayed out for 112 hours. ' +
			'I made 22 calls to 50 agents between 01.03.2024 and 12/03/2024; three deadlines were missed. ' +
			'A $7,455.00 shipping fee on $88.77 of goods was refunded after 6 complaints (1990 - 2024 customer). ' +
			'Я звонил 15 раз, ждал 3 часа. Zapłaciłem 1 250,00 zł. Im Jahr 2023 kostete es 49,99 €.';
		expect(findPersonalData(story)).toEqual([]);
	});
});

describe('redacting', () => {
	it('replaces each item by its label and lists what went', () => {
		const result = redactPersonalData(
			'Call +34 600 123 456 or write to ana@example.com about account 12345678.'
		);
		expect(result.text).toBe(
			'Call [phone removed] or write to [email removed] about account [account number removed].'
		);
		expect(result.redactions.map((r) => r.kind)).toEqual(['phone', 'email', 'account']);
		expect(redactPersonalData('Nothing personal here.').redactions).toEqual([]);
	});
});
