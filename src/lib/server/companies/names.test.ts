import { describe, expect, it } from 'vitest';
import { domainFromWebsite, normaliseCompanyName, slugifyCompanyName } from './names';

describe('company names', () => {
	it('ignore case, punctuation, diacritics and legal suffixes', () => {
		expect(normaliseCompanyName('AT&T Inc.')).toBe(normaliseCompanyName('at & t'));
		expect(normaliseCompanyName('Telefónica, S.A.')).toBe('telefonica');
		expect(normaliseCompanyName('WELLS FARGO & COMPANY')).toBe('wells fargo');
		expect(normaliseCompanyName('Harbor Cable & Internet')).toBe('harbor cable and internet');
		expect(normaliseCompanyName('Bank of America, N.A.')).toBe('bank of america');
		expect(normaliseCompanyName('Ростелеком ПАО')).toBe('ростелеком пао');
		expect(normaliseCompanyName('Vistel Sp. z o.o.')).toBe('vistel');
		expect(normaliseCompanyName('Vistel sp. z o. o.')).toBe('vistel');
	});

	it('match the legal forms of the CFPB company list', () => {
		const same = [
			['EQUIFAX, INC.', 'Equifax Inc'],
			['CITIBANK, N.A.', 'Citibank'],
			['BANK OF AMERICA, NATIONAL ASSOCIATION', 'Bank of America, N.A.'],
			['ACIMA CREDIT, LLC', 'Acima Credit'],
			['21ST MORTGAGE CORP.', '21st Mortgage Corporation'],
			['FORD MOTOR CREDIT CO.', 'Ford Motor Credit Company'],
			['JPMORGAN CHASE & CO.', 'JPMorgan Chase'],
			['Navient Solutions, LLC.', 'NAVIENT SOLUTIONS'],
			['Resurgent Capital Services L.P.', 'Resurgent Capital Services'],
			['John C. Heath, Attorney at Law, PLLC', 'John C. Heath, Attorney at Law']
		];
		for (const [a, b] of same) expect(normaliseCompanyName(a!)).toBe(normaliseCompanyName(b!));
		// A name that is only a suffix, or ends in "and" without one, keeps its words.
		expect(normaliseCompanyName('Co')).toBe('co');
		expect(normaliseCompanyName('Black and')).toBe('black and');
	});

	it('make ASCII slugs, transliterating other alphabets', () => {
		const cases: [string, string][] = [
			['Ростелеком', 'rostelekom'],
			['Билайн', 'bilayn'],
			['Почта России', 'pochta-rossii'],
			['Сбербанк России', 'sberbank-rossii'],
			['Ελληνικά Ταχυδρομεία', 'ellinika-taxydromeia'],
			['Światłonet Sp. z o.o.', 'swiatlonet'],
			['Straßenbahn Köln GmbH', 'strassenbahn-koln'],
			['Ærø Færger', 'aero-faerger']
		];
		for (const [name, slug] of cases) expect(slugifyCompanyName(name), name).toBe(slug);
	});

	it('keep the slugs Latin names always had (only accents dropped, no "ue" for "ü")', () => {
		const cases: [string, string][] = [
			['Telefónica, S.A.', 'telefonica'],
			['Deutsche Telekom AG', 'deutsche-telekom'],
			['Stadtwerke Mühlbrunn', 'stadtwerke-muhlbrunn'],
			['Aigües de la Serra', 'aigues-de-la-serra'],
			['Envíos Relámpago', 'envios-relampago'],
			['AT&T Inc.', 'at-and-t']
		];
		for (const [name, slug] of cases) expect(slugifyCompanyName(name), name).toBe(slug);
	});

	it('fall back to "company" when nothing is left to spell', () => {
		for (const name of ['中国移动', 'עברית', '💩', '\u202e\u0000', '   ']) {
			expect(slugifyCompanyName(name), name).toBe('company');
		}
	});

	it('reduce a website to its host', () => {
		expect(domainFromWebsite('https://www.Example.com/about?x=1')).toBe('example.com');
		expect(domainFromWebsite('example.co.uk')).toBe('example.co.uk');
		expect(domainFromWebsite('http://shop.example.com')).toBe('shop.example.com');
		for (const bad of [
			'',
			'not a site',
			'javascript:alert(1)',
			'ftp://example.com',
			'http://127.0.0.1',
			'localhost'
		]) {
			expect(domainFromWebsite(bad)).toBeNull();
		}
	});
});
