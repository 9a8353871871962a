/**
 * What must go and what must stay: one row per case, in the six interface languages. A positive
 * row lists every personal datum the text holds, in order; a negative row holds none, and its
 * text must come out of redaction unchanged.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../markdown';
import { findPersonalData, redactPersonalData, type PersonalDataKind } from './redact';

type Language = 'en' | 'ca' | 'de' | 'es' | 'pl' | 'ru';
type Found = [PersonalDataKind, string];

const mustGo: [Language, string, Found[]][] = [
	// English (US and UK)
	['en', 'They sent it to 221B Baker Street by mistake', [['address', '221B Baker Street']]],
	['en', 'Deliver to 12 high street, please', [['address', '12 high street']]],
	['en', 'SHIP TO 221B BAKER STREET LONDON', [['address', '221B BAKER STREET']]],
	['en', 'ref 600123456 on the letter', [['account', '600123456']]],
	['en', 'Bills go to 1600 Pennsylvania Avenue NW', [['address', '1600 Pennsylvania Avenue']]],
	['en', 'Return it to 42 Elm St. in Springfield', [['address', '42 Elm St.']]],
	['en', 'Flat 2, 7 Oxford Road, Manchester', [['address', '7 Oxford Road']]],
	['en', 'the letter went to 350 Fifth Avenue', [['address', '350 Fifth Avenue']]],
	['en', 'Card 4111.1111.1111.1111 was charged', [['card', '4111.1111.1111.1111']]],
	['en', 'card 4111/1111/1111/1111 charged twice', [['card', '4111/1111/1111/1111']]],
	['en', 'my card 4111  1111  1111  1111 was cloned', [['card', '4111  1111  1111  1111']]],
	['en', 'Amex 3782 822463 10005 was billed', [['card', '3782 822463 10005']]],
	['en', 'Visa 4242-4242-4242-4242 declined', [['card', '4242-4242-4242-4242']]],
	['en', 'card number 5555555555554444 leaked', [['card', '5555555555554444']]],
	['en', 'acct 4821 was closed', [['account', '4821']]],
	['en', 'My account number is 88213377', [['account', '88213377']]],
	['en', 'Acct. #55123 frozen', [['account', '55123']]],
	['en', 'Customer 77812345 was billed', [['account', '77812345']]],
	['en', 'IBAN gb29 nwbk 6016 1331 9268 19 refunded', [['iban', 'gb29 nwbk 6016 1331 9268 19']]],
	[
		'en',
		'Paid to GB82-WEST-1234-5698-7654-32 yesterday',
		[['iban', 'GB82-WEST-1234-5698-7654-32']]
	],
	['en', 'Wire to Gb29 Nwbk 6016 1331 9268 19 failed', [['iban', 'Gb29 Nwbk 6016 1331 9268 19']]],
	['en', 'Call me on (212) 555-0123', [['phone', '(212) 555-0123']]],
	['en', 'ring 020 7946 0958 after 5', [['phone', '020 7946 0958']]],
	['en', 'text +1 415 555 2671 today', [['phone', '+1 415 555 2671']]],
	['en', 'call 07911 123456 on 15.03.2024 14:30', [['phone', '07911 123456']]],
	['en', 'email me at john.smith@example.com', [['email', 'john.smith@example.com']]],
	['en', 'see mailto:jane@example.org for details', [['email', 'mailto:jane@example.org']]],
	['en', '[write to me](mailto:jane@example.org)', [['email', 'mailto:jane@example.org']]],
	['en', '[call me](tel:+34600123456) after six', [['phone', 'tel:+34600123456']]],
	[
		'en',
		'https://shop.example/unsubscribe?email=jane@example.org',
		[['email', 'https://shop.example/unsubscribe?email=jane@example.org']]
	],
	[
		'en',
		'Order 4500123456 went to 221B Baker Street, card 4111 1111 1111 1111',
		[
			['address', '221B Baker Street'],
			['card', '4111 1111 1111 1111']
		]
	],
	// Spanish
	['es', 'Vivo en calle Mayor 12, Madrid', [['address', 'calle Mayor 12']]],
	['es', 'ENVIAR A CALLE MAYOR 12, MADRID', [['address', 'CALLE MAYOR 12']]],
	['es', 'Enviado a la Calle de Alcalá, 45', [['address', 'Calle de Alcalá, 45']]],
	['es', 'en la Avenida de la Constitución 3', [['address', 'Avenida de la Constitución 3']]],
	['es', 'Plaza Mayor 1 de Madrid', [['address', 'Plaza Mayor 1']]],
	['es', 'c/ Balmes 45, 3º 2ª', [['address', 'c/ Balmes 45']]],
	['es', 'Avda. Diagonal nº 3', [['address', 'Avda. Diagonal nº 3']]],
	['es', 'Mi tarjeta 4111 1111 1111 1111 fue clonada', [['card', '4111 1111 1111 1111']]],
	['es', 'tarjeta 5105.1051.0510.5100 cobrada', [['card', '5105.1051.0510.5100']]],
	['es', 'IBAN es91 2100 0418 4502 0005 1332', [['iban', 'es91 2100 0418 4502 0005 1332']]],
	['es', 'cuenta ES79-2100-0813-6101-2345-6789', [['iban', 'ES79-2100-0813-6101-2345-6789']]],
	['es', 'número de cuenta 0049-1234-56', [['account', '0049-1234-56']]],
	['es', 'cuenta 4821 bloqueada', [['account', '4821']]],
	['es', 'cliente 7781234 sin servicio', [['account', '7781234']]],
	['es', 'Llámame al 600 123 456', [['phone', '600 123 456']]],
	['es', 'al 91 123 45 67 nadie contesta', [['phone', '91 123 45 67']]],
	['es', '+34 600 123 456 es mi móvil', [['phone', '+34 600 123 456']]],
	['es', 'escríbeme a lucia@correo.es', [['email', 'lucia@correo.es']]],
	['es', 'pedido 4500123456 a calle Mayor 12', [['address', 'calle Mayor 12']]],
	['es', 'Pedido 4500123456: llámame al 600 123 456', [['phone', '600 123 456']]],
	// Catalan
	['ca', 'Visc al Carrer de Mallorca, 401', [['address', 'Carrer de Mallorca, 401']]],
	['ca', "a l'Avinguda Diagonal 640", [['address', 'Avinguda Diagonal 640']]],
	['ca', 'Plaça de Catalunya 1, Barcelona', [['address', 'Plaça de Catalunya 1']]],
	['ca', 'al carrer Gran de Gràcia 15', [['address', 'carrer Gran de Gràcia 15']]],
	['ca', 'Passeig de Gràcia, 92', [['address', 'Passeig de Gràcia, 92']]],
	['ca', 'la targeta 4012 8888 8888 1881 va ser clonada', [['card', '4012 8888 8888 1881']]],
	['ca', 'compte AD12 0001 2030 2003 5910 0100', [['iban', 'AD12 0001 2030 2003 5910 0100']]],
	['ca', 'iban es79 2100 0813 6101 2345 6789', [['iban', 'es79 2100 0813 6101 2345 6789']]],
	['ca', 'compte 4821 tancat', [['account', '4821']]],
	['ca', 'número de compte 12345678', [['account', '12345678']]],
	['ca', 'Truqueu al 93 123 45 67', [['phone', '93 123 45 67']]],
	['ca', 'al 972 12 34 56 no contesten', [['phone', '972 12 34 56']]],
	['ca', 'escriviu a jordi@exemple.cat', [['email', 'jordi@exemple.cat']]],
	// German
	['de', 'Berliner Straße 12 in Potsdam', [['address', 'Berliner Straße 12']]],
	['de', 'Berliner Str. 8, 10115 Berlin', [['address', 'Berliner Str. 8']]],
	['de', 'an die Hauptstraße 5 geschickt', [['address', 'Hauptstraße 5']]],
	['de', 'LIEFERADRESSE: HAUPTSTRASSE 5', [['address', 'HAUPTSTRASSE 5']]],
	['de', 'wohnt im Lindenweg 12a', [['address', 'Lindenweg 12a']]],
	['de', 'Potsdamer Platz 1 ist die Adresse', [['address', 'Potsdamer Platz 1']]],
	['de', 'Schillerallee 3, zweiter Stock', [['address', 'Schillerallee 3']]],
	['de', 'Karl-Marx-Allee 90 in Berlin', [['address', 'Karl-Marx-Allee 90']]],
	['de', 'Kreditkarte 4111-1111-1111-1111 belastet', [['card', '4111-1111-1111-1111']]],
	['de', 'Karte 5555 5555 5555 4444 gesperrt', [['card', '5555 5555 5555 4444']]],
	['de', 'IBAN de89 3704 0044 0532 0130 00', [['iban', 'de89 3704 0044 0532 0130 00']]],
	['de', 'Konto DE89-3704-0044-0532-0130-00', [['iban', 'DE89-3704-0044-0532-0130-00']]],
	['de', 'Konto 4821 gesperrt', [['account', '4821']]],
	['de', 'Kundennummer 12345678 gekündigt', [['account', '12345678']]],
	['de', 'unter 030 12345678 angerufen', [['phone', '030 12345678']]],
	['de', 'Handy 0151 23456789', [['phone', '0151 23456789']]],
	['de', '+49 30 12345678 ist die Hotline', [['phone', '+49 30 12345678']]],
	['de', 'Mail an max.mustermann@beispiel.de', [['email', 'max.mustermann@beispiel.de']]],
	// Polish
	['pl', 'ul. Długa 5/7, Kraków', [['address', 'ul. Długa 5/7']]],
	['pl', 'al. Jerozolimskie 100 w Warszawie', [['address', 'al. Jerozolimskie 100']]],
	['pl', 'pl. Grunwaldzki 3 we Wrocławiu', [['address', 'pl. Grunwaldzki 3']]],
	['pl', 'Mieszkam przy ul. Marszałkowskiej 12', [['address', 'ul. Marszałkowskiej 12']]],
	['pl', 'ulica Piotrkowska 25 w Łodzi', [['address', 'ulica Piotrkowska 25']]],
	['pl', 'karta 4111 1111 1111 1111 została obciążona', [['card', '4111 1111 1111 1111']]],
	['pl', 'karta 3530-1113-3330-0000 zablokowana', [['card', '3530-1113-3330-0000']]],
	[
		'pl',
		'konto pl61 1090 1014 0000 0712 1981 2874',
		[['iban', 'pl61 1090 1014 0000 0712 1981 2874']]
	],
	[
		'pl',
		'numer konta PL27-1140-2004-0000-3002-0135-5387',
		[['iban', 'PL27-1140-2004-0000-3002-0135-5387']]
	],
	['pl', 'numer konta 4821', [['account', '4821']]],
	['pl', 'Numer klienta 5512309 nadal aktywny', [['account', '5512309']]],
	['pl', 'dzwoniłem pod 601 234 567', [['phone', '601 234 567']]],
	['pl', 'tel. 22 123 45 67', [['phone', '22 123 45 67']]],
	['pl', '+48 601 234 567 to mój numer', [['phone', '+48 601 234 567']]],
	['pl', 'pisz na jan.kowalski@przyklad.pl', [['email', 'jan.kowalski@przyklad.pl']]],
	// Russian
	['ru', 'ул. Ленина, д. 5, кв. 12', [['address', 'ул. Ленина, д. 5, кв. 12']]],
	['ru', 'улица Тверская, 7 — мой адрес', [['address', 'улица Тверская, 7']]],
	['ru', 'проспект Мира, д. 10', [['address', 'проспект Мира, д. 10']]],
	['ru', 'пр-т Ленина 45, Екатеринбург', [['address', 'пр-т Ленина 45']]],
	['ru', 'живу: д. 5, кв. 12', [['address', 'д. 5, кв. 12']]],
	['ru', 'карта 4111 1111 1111 1111 заблокирована', [['card', '4111 1111 1111 1111']]],
	['ru', 'карта 2200 0000 0000 0004 (Мир)', [['card', '2200 0000 0000 0004']]],
	['ru', 'счёт 4821 закрыт', [['account', '4821']]],
	['ru', 'лицевой счёт 100200300', [['account', '100200300']]],
	['ru', 'лицевой счёт 4821 закрыт', [['account', '4821']]],
	['ru', 'счет № 40817810099910004312', [['account', '40817810099910004312']]],
	['ru', 'номер договора 77-123456', [['account', '77-123456']]],
	['ru', 'звоните 8 (495) 123-45-67', [['phone', '8 (495) 123-45-67']]],
	['ru', '+7 916 123 45 67 — мой', [['phone', '+7 916 123 45 67']]],
	['ru', 'пишите на ivan@primer.ru', [['email', 'ivan@primer.ru']]]
];

const mustStay: [Language, string][] = [
	// English: dates and times, order and ticket numbers, versions, links, counts, bare streets
	['en', 'On 2024.03.15 14:30 the line dropped'],
	// A keyword is a whole word, or one of its endings: "refused" and "refund" are not "ref".
	['en', 'Refund refused mx2000sm'],
	['en', 'the refund 2k4x9 never came'],
	['es', 'Una factura social 12ab34 de ayuda'],
	['en', 'at 15.03.2024 14:30 they called'],
	['en', '2024/03/15 14:30 UTC'],
	['en', 'at 14:30:15 on 2024.03.15'],
	['en', 'Invoice dated 03/15/2024 10:45 AM'],
	['en', '15 March 2024 at 14:30'],
	['en', 'Order 4500123456 never arrived'],
	['en', 'ORDER 600123456 LOST'],
	['en', 'order number 123456789 was cancelled'],
	['en', 'PO 4500123456 was rejected'],
	['en', 'Ticket-ID 123456789 closed'],
	['en', 'ticket #987654321 reopened'],
	['en', 'case ID 600123456 escalated'],
	['en', 'Order #112-4455667-8812345 never came'],
	['en', 'firmware 10.2.123456789 broke it'],
	['en', 'after version 2.1.0.123456789 it froze'],
	['en', 'v2.0.1 build 123456789'],
	['en', 'see [the order](https://shop.example/orders/123456789)'],
	['en', 'https://example.com/track?id=600123456'],
	['en', 'www.example.com/p/4500123456 is the product'],
	['en', 'see www.example.com/orders/600123456.'],
	['en', '<https://example.com/item/4111111111111111>'],
	['en', '[receipt]: https://example.com/r/600123456'],
	['en', '[order](/orders/600123456)'],
	['en', 'A $7,455.00 fee on $88.77 of goods'],
	['en', 'they charged 7,455 twice'],
	['en', 'waited 3 hours on the road'],
	['en', 'drove 40 miles down the road'],
	['en', 'I called 12 times about the street lights'],
	['en', 'the shop on Baker Street closed'],
	['en', 'the Oxford Street store'],
	['en', 'I waited 45 minutes. Drive to the store took longer'],
	['en', 'paid $1,500 Main Street Bank fees'],
	['en', 'between 2019-2024'],
	['en', 'ISBN 978-3-16-148410-0'],
	['en', 'tracking 1Z999AA10123456784'],
	['en', '22 calls to 50 agents'],
	['en', 'out for 112 hours'],
	['en', 'in 2023, 2024 and 2025'],
	['en', 'a $1,234,567 judgment'],
	// Spanish
	['es', 'el 15/03/2024 a las 14:30'],
	['es', 'el 2024-03-15 14:30:00 llamé'],
	['es', 'pedido 4500123456 perdido'],
	['es', 'número de pedido: 123456789'],
	['es', 'incidencia 4500123456 abierta'],
	['es', 'mi pedido es el 600123456'],
	['es', 'versión 3.2.1.600123456 del firmware'],
	['es', 'firmware v4.2.0 desde ayer'],
	['es', 'esperé en la calle 3 horas'],
	['es', 'vivo en la calle Mayor'],
	['es', 'pagué 1.234,56 €'],
	['es', 'expediente 2023/0004512'],
	['es', 'ticket 600123456 cerrado'],
	['es', 'https://tienda.example/pedidos/600123456'],
	['es', 'Mira (www.tienda.es/p/600123456) y verás'],
	['es', 'Llamé 15 veces en 2024'],
	['es', 'referencia del pedido 600123456'],
	// Catalan
	['ca', 'el 15.03.2024 14:30 vaig trucar'],
	['ca', 'comanda 4500123456 perduda'],
	['ca', 'número de comanda 600123456'],
	['ca', 'incidència 4500123456 oberta'],
	['ca', 'expedient 600123456 tancat'],
	['ca', 'vaig pagar 1.250,00 €'],
	['ca', 'al carrer de Mallorca hi ha la botiga'],
	['ca', 'versió 1.2.600123456 del programari'],
	['ca', '[enllaç](https://botiga.example/comanda/600123456)'],
	['ca', 'vaig esperar 45 minuts'],
	['ca', 'tiquet 600123456 resolt'],
	['ca', 'el 2024-03-15 a les 09:15'],
	// German
	['de', 'am 15.03.2024 14:30 Uhr angerufen'],
	['de', 'am 15.03.2024, 14:30 Uhr'],
	['de', 'am 15.03.2024 um 14.30 Uhr'],
	['de', 'Bestellung 4500123456 storniert'],
	['de', 'Bestellnr. 600123456'],
	['de', 'Auftragsnummer: 1234567890'],
	['de', 'Vorgang 4500123456'],
	['de', 'Vorgangsnummer 600123456'],
	['de', 'Ticket-Nr. 600123456'],
	['de', 'Firmware-Version 5.1.600123456'],
	['de', 'Version 2.3.4 seit gestern'],
	['de', 'Betrag 1.234,56 EUR'],
	['de', '30.000 Euro Schaden'],
	['de', 'auf Platz 1 der Warteschlange'],
	['de', 'Parkplatz 3 war besetzt'],
	['de', 'Die Straße 5 Minuten lang gesperrt'],
	['de', 'in der Hauptstraße gab es einen Laden'],
	['de', 'https://shop.example/bestellung/600123456?x=1'],
	['de', 'Sendungsnummer 00340434161234567890'],
	['de', '90 Minuten in der Warteschleife'],
	// Polish
	['pl', '15.03.2024 o 14:30 dzwoniłem'],
	['pl', 'zamówienie nr 4500123456'],
	['pl', 'numer zamówienia 600123456'],
	['pl', 'zgłoszenie 600123456 zamknięte'],
	['pl', 'reklamacja 600123456'],
	['pl', 'wersja 1.0.600123456'],
	['pl', 'zapłaciłem 1 250,00 zł'],
	['pl', 'przy ulicy Długiej'],
	['pl', '2.500.000 zł w sumie'],
	['pl', '[link](https://sklep.example/zamowienie/601234567)'],
	['pl', 'paczka 600123456 zaginęła'],
	['pl', 'czekałem 3 tygodnie'],
	// Russian
	['ru', '15.03.2024 в 14:30 звонил'],
	['ru', 'заказ № 4815162342 потерян'],
	['ru', 'номер заказа 600123456'],
	['ru', 'заявка 600123456 закрыта'],
	['ru', 'обращение № 600123456'],
	['ru', 'прошивка 1.2.600123456'],
	['ru', 'версия 3.4.5'],
	['ru', 'долг 1 000 000 руб.'],
	['ru', 'сумма 12 345 руб'],
	['ru', 'на улице Ленина'],
	['ru', 'https://shop.example/заказ/600123456'],
	['ru', 'ждал 3 часа, звонил 15 раз'],
	['ru', 'трек 80087654321098']
];

describe('personal data that must go', () => {
	it('has at least 100 cases, in every interface language', () => {
		expect(mustGo.length).toBeGreaterThanOrEqual(100);
		expect(new Set(mustGo.map(([language]) => language)).size).toBe(6);
	});

	it.each(mustGo)('%s: %s', (_language, text, expected) => {
		expect(findPersonalData(text).map((r) => [r.kind, r.text])).toEqual(expected);
		const redacted = redactPersonalData(text).text;
		for (const [, personal] of expected) expect(redacted).not.toContain(personal);
	});
});

describe('text that must stay', () => {
	it('has at least 100 cases, in every interface language', () => {
		expect(mustStay.length).toBeGreaterThanOrEqual(100);
		expect(new Set(mustStay.map(([language]) => language)).size).toBe(6);
	});

	it.each(mustStay)('%s: %s', (_language, text) => {
		expect(findPersonalData(text)).toEqual([]);
		expect(redactPersonalData(text).text).toBe(text);
	});
});

describe('links in redacted Markdown', () => {
	it('keeps a link with a long digit run in its URL working, and removes the phone beside it', () => {
		const html = renderMarkdown(
			redactPersonalData(
				'My [order](https://shop.example/orders/4500123456?ref=600123456) never came; call 600 123 456.'
			).text
		);
		expect(html).toContain('<a href="https://shop.example/orders/4500123456?ref=600123456"');
		expect(html).toContain('>order</a>');
		expect(html).toContain('call [phone removed].');
		expect(html).not.toContain('%5B');
	});

	it('keeps bare and angle-bracket links working', () => {
		const html = renderMarkdown(
			redactPersonalData(
				'See https://example.com/item/600123456 and <https://example.com/4111111111111111>.'
			).text
		);
		expect(html).toContain('<a href="https://example.com/item/600123456"');
		expect(html).toContain('<a href="https://example.com/4111111111111111"');
	});

	it('removes a link that carries an e-mail address whole, leaving its text readable', () => {
		const html = renderMarkdown(
			redactPersonalData('[Write to me](mailto:jane@example.org) about it.').text
		);
		expect(html).not.toContain('jane@example.org');
		expect(html).not.toContain('href');
		expect(html).toContain('[email removed]');
	});
});
