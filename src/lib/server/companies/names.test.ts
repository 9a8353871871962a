import { describe, expect, it } from 'vitest';
import { domainFromWebsite, normaliseCompanyName, slugifyCompanyName } from './names';

describe('company names', () => {
	it('ignore case, punctuation, diacritics and legal suffixes', () => {
		expect(normaliseCompanyName('AT&T Inc.')).toBe(normaliseCompanyName('at & t'));
		expect(normaliseCompanyName('Telefónica, S.A.')).toBe('telefonica');
		expect(normaliseCompanyName('WELLS FARGO & COMPANY')).toBe('wells fargo and');
		expect(normaliseCompanyName('Bank of America, N.A.')).toBe('bank of america');
		expect(normaliseCompanyName('Ростелеком ПАО')).toBe('ростелеком пао');
		expect(normaliseCompanyName('Vistel Sp. z o.o.')).toBe('vistel');
		expect(normaliseCompanyName('Vistel sp. z o. o.')).toBe('vistel');
	});

	it('make ASCII slugs, falling back for other scripts', () => {
		expect(slugifyCompanyName('Telefónica, S.A.')).toBe('telefonica');
		expect(slugifyCompanyName('Deutsche Telekom AG')).toBe('deutsche-telekom');
		expect(slugifyCompanyName('Ростелеком')).toBe('company');
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
