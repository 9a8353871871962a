import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
	categoryRules,
	companyResponses,
	mapCategory,
	mapOutcome,
	mapTags,
	mapTimely,
	mapVerdict
} from './cfpb-mapping';
import { samplePath } from '../testing/cfpb-sample';

describe('CFPB mapping', () => {
	it('maps the issues the issue names to their categories', () => {
		const credit = 'Credit reporting, credit repair services, or other personal consumer reports';
		expect(mapCategory(credit, 'Incorrect information on your report', '').category).toBe(
			'data-privacy'
		);
		expect(
			mapCategory(
				'Credit card or prepaid card',
				'Problem with a purchase shown on your statement',
				''
			).category
		).toBe('billing-error');
		expect(mapCategory('Credit card', 'Billing disputes', '').category).toBe('billing-error');
		expect(mapCategory('Checking or savings account', 'Closing an account', '')).toEqual({
			category: 'cancellation-obstructed',
			trigger: 'cancellation'
		});
		// A sub-issue that says more wins over its issue.
		expect(
			mapCategory(
				'Credit card or prepaid card',
				'Closing your account',
				'Company closed your account'
			).category
		).toBe('account-closed');
		expect(
			mapCategory(credit, 'Unable to get your credit report or credit score', '').category
		).toBe('unreachable-support');
		expect(mapCategory('Debt collection', 'Communication tactics', '').category).toBe('rude-staff');
	});

	it('falls back by product, then to one category', () => {
		expect(mapCategory('Mortgage', 'Something new in 2027', '').category).toBe('billing-error');
		expect(mapCategory('Credit reporting', 'Something new', '').category).toBe('data-privacy');
		expect(mapCategory('Something else', 'Something new', '')).toEqual({
			category: 'billing-error',
			trigger: null
		});
	});

	it('maps every product and issue of the sample by a rule, not by the fallback', () => {
		const rows = parse(readFileSync(samplePath), { bom: true, columns: true }) as Record<
			string,
			string
		>[];
		const unmatched = new Set<string>();
		for (const row of rows) {
			const [p, i, s] = [row['Product']!, row['Issue']!, row['Sub-issue']!].map((v) =>
				v.toLowerCase()
			);
			const matched = categoryRules.some(
				(r) =>
					(!r.subIssue || r.subIssue.some((x) => s!.includes(x))) &&
					(!r.issue || r.issue.some((x) => i!.includes(x))) &&
					(!r.product || r.product.some((x) => p!.includes(x)))
			);
			if (!matched) unmatched.add(`${row['Product']} / ${row['Issue']}`);
		}
		expect([...unmatched]).toEqual([]);
	});

	it('maps company responses, timeliness and disputes', () => {
		expect(companyResponses['Closed with explanation']).toEqual({ action: 'explanation' });
		expect(companyResponses['Closed with monetary relief']).toEqual({ action: 'monetary-relief' });
		expect(companyResponses['Closed with non-monetary relief']).toEqual({
			action: 'non-monetary-relief'
		});
		expect(companyResponses['Closed without relief']).toEqual({ action: 'no-action' });
		expect(companyResponses['Closed']).toEqual({ action: 'no-action' });
		expect(companyResponses['Untimely response']).toEqual({ action: null, untimely: true });
		expect(companyResponses['In progress']).toBeNull();
		expect([mapTimely('Yes'), mapTimely('No'), mapTimely('')]).toEqual([true, false, false]);
		expect([mapVerdict('Yes'), mapVerdict('No'), mapVerdict('N/A')]).toEqual([
			'disputed',
			null,
			null
		]);
	});

	it('derives the outcome from the response', () => {
		expect(mapOutcome('monetary-relief', null)).toBe('resolved');
		expect(mapOutcome('monetary-relief', 'disputed')).toBe('partly-resolved');
		expect(mapOutcome('non-monetary-relief', null)).toBe('partly-resolved');
		expect(mapOutcome('explanation', null)).toBe('unresolved');
		expect(mapOutcome(null, null)).toBe('unresolved');
	});

	it('keeps vulnerability tags as slugs', () => {
		expect(mapTags('Older American, Servicemember')).toEqual(['older-american', 'servicemember']);
		expect(mapTags('Servicemember')).toEqual(['servicemember']);
		expect(mapTags('')).toEqual([]);
	});
});
