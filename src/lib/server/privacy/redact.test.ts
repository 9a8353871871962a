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

	it('finds phone numbers of every interface country, written nationally or internationally', () => {
		const phones: Record<string, string[]> = {
			US: [
				'(212) 555-0123',
				'212-555-0123',
				'212.555.0123',
				'1-800-555-0199',
				'+1 415 555 2671',
				'+1 (212) 555-0123'
			],
			GB: [
				'020 7946 0958',
				'07911 123456',
				'+44 20 7946 0958',
				'+44 7911 123456',
				'0044 20 7946 0958'
			],
			ES: ['600 123 456', '600123456', '91 123 45 67', '+34 600 123 456', '0034 912 345 678'],
			// Catalonia: Barcelona, Girona, Lleida, Tarragona.
			'ES-CT': ['93 123 45 67', '934 123 456', '972 12 34 56', '973 123 456', '+34 977 12 34 56'],
			DE: [
				'030 12345678',
				'(030) 1234567',
				'030/1234567',
				'0151 23456789',
				'+49 30 12345678',
				'0049 89 1234567'
			],
			RU: [
				'8 (495) 123-45-67',
				'8-916-123-45-67',
				'8 800 555-35-35',
				'+7 (495) 123-45-67',
				'+7 916 123 45 67',
				'(495) 123-45-67'
			],
			PL: [
				'601 234 567',
				'22 123 45 67',
				'(22) 123 45 67',
				'12 345 67 89',
				'+48 601 234 567',
				'+48 22 123 45 67'
			]
		};
		for (const [country, list] of Object.entries(phones)) {
			for (const phone of list) {
				expect(kinds(`Call me on ${phone} please`), `${country} ${phone}`).toEqual([
					['phone', phone]
				]);
			}
		}
	});

	it('finds phones among other numbers, in running text of each language', () => {
		expect(kinds('Llamé al 600 123 456 el 01.03.2024 y me cobraron 49,99 €.')).toEqual([
			['phone', '600 123 456']
		]);
		expect(kinds('Ich rief am 03.01.2024 um 10:15 unter 030 12345678 an.')).toEqual([
			['phone', '030 12345678']
		]);
		expect(kinds('Звонил 15 раз на +7 (495) 123-45-67, ждал 3 часа.')).toEqual([
			['phone', '+7 (495) 123-45-67']
		]);
		expect(kinds('Dzwoniłem 12 razy pod 601 234 567, zapłaciłem 1 250,00 zł.')).toEqual([
			['phone', '601 234 567']
		]);
		expect(kinds('Trucava al 93 123 45 67 cada dia des del 2023.')).toEqual([
			['phone', '93 123 45 67']
		]);
		expect(kinds('Call (213) 373-4253 ext. 1234 or +44 20 7946 0958, not 7,455 times.')).toEqual([
			['phone', '(213) 373-4253 ext. 1234'],
			['phone', '+44 20 7946 0958']
		]);
	});

	it('leaves dates, prices, amounts, years, durations and order numbers alone', () => {
		const notPhones = [
			// dates and times
			'On 2024-03-01 it stopped',
			'between 01.03.2024 and 12/03/2024',
			'am 03.01.2024 um 10:15',
			'el 1.3.2024',
			'on 2024/03/12',
			'12.03.2024 15:00',
			// years
			'a customer 1990 - 2024',
			'between 2019-2024',
			'in 2023, 2024 and 2025',
			'2021 2022 2023',
			// prices and amounts
			'A $7,455.00 fee on $88.77 of goods',
			'they charged 7,455 twice',
			'Betrag 1.234,56 EUR',
			'Zapłaciłem 1 250,00 zł.',
			'kostete es 49,99 €',
			'a $1,234,567 judgment',
			'2.500.000 zł w sumie',
			'30.000 Euro Schaden',
			'сумма 12 345 руб',
			'долг 1 000 000 руб.',
			'€1.234.567,89',
			// order, case and tracking numbers
			'Order #112-4455667-8812345 never came',
			'order 123456789 never came',
			'ticket 987654321 was closed',
			'case 20231105-0042 reopened',
			'Bestellnummer 4455667 storniert',
			'Auftragsnummer: 1234567890',
			'pedido nº 600123456 perdido',
			'заказ № 4815162342 потерян',
			'zamówienie nr 123456789 zaginęło',
			'tracking 1Z999AA10123456784',
			'ISBN 978-3-16-148410-0',
			// durations and counts
			'out for 112 hours',
			'cut 18 hours early',
			'22 calls to 50 agents',
			'ждал 3 часа, звонил 15 раз',
			'90 Minuten in der Warteschleife'
		];
		for (const text of notPhones) expect(kinds(text), text).toEqual([]);
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

describe('hostile keyword runs', () => {
	it('answers at once for a run of number words that ends in no number', () => {
		// Each "no" could be read two ways; unbounded, 200 of them took longer than the universe.
		for (const keyword of ['account', 'order', 'PO', 'cuenta', 'заказ']) {
			const text = `${keyword} ${'no '.repeat(200)}x`;
			expect(findPersonalData(text), keyword).toEqual([]);
			expect(redactPersonalData(`${text} 600 123 456`).text, keyword).toContain('[phone removed]');
		}
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
