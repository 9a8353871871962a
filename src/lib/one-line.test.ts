import { describe, expect, it } from 'vitest';
import { oneLine } from './one-line';

describe('names and titles are one line', () => {
	it('fold line breaks, control characters and runs of spaces into single spaces', () => {
		expect(oneLine('Acme\r\nDear customer, pay at evil.example')).toBe(
			'Acme Dear customer, pay at evil.example'
		);
		for (const separator of [
			'\n',
			'\r',
			'\u2028',
			'\u2029',
			'\u0085',
			'\v',
			'\f',
			'\t',
			'\u0000'
		]) {
			expect(oneLine(`Acme${separator}${separator}Telecom`)).toBe('Acme Telecom');
		}
		expect(oneLine('  Acme \u00a0\u3000  Telecom\u0007 ')).toBe('Acme Telecom');
		// Letters of every script, and joiners inside words, stay.
		expect(oneLine('Ростелеком ПАО')).toBe('Ростелеком ПАО');
		expect(oneLine('می\u200cخواهم')).toBe('می\u200cخواهم');
	});
});
