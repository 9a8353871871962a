import { describe, expect, it } from 'vitest';
import { cfpbColumns, readCfpbHeader, readCfpbRow } from './cfpb-record';

describe('a CFPB row', () => {
	it('gives its company a one-line name, whatever line breaks the file holds', () => {
		const header = readCfpbHeader([...cfpbColumns]);
		const values: Partial<Record<(typeof cfpbColumns)[number], string>> = {
			'Date received': '2023-09-01',
			Product: 'Mortgage',
			Company: 'ACME BANK,\r\nN.A.\u2028Pay at evil.example',
			'Complaint ID': '1234567'
		};
		const row = cfpbColumns.map((column) => values[column] ?? '');
		const result = readCfpbRow(header, row);
		expect(result.ok && result.complaint.companyName).toBe('ACME BANK, N.A. Pay at evil.example');
	});
});
