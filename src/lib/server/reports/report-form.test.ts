import { describe, expect, it } from 'vitest';
import type { ReportFormValues } from '../../validation/report';
import { redactionToken, submitReportForm } from './report-form';

const values: ReportFormValues = {
	company: 'Acme Telecom',
	website: '',
	industry: '',
	title: 'Line dead for days',
	product: 'Landline',
	category: 'service-outage',
	trigger: '',
	startedOn: '2024-03-01',
	endedOn: '',
	contacts: '',
	hours: '',
	agents: '',
	promisesBroken: '',
	channels: [],
	escalations: [],
	currency: '',
	amountDisputed: '',
	amountRecovered: '',
	outcome: 'unresolved',
	rating: '2',
	narrative: 'Call me back on +34 600 123 456 please.',
	language: 'en'
};

describe('publishing a report that holds personal data', () => {
	it('shows the author what will be removed first, and publishes once they confirm exactly that', async () => {
		let saves = 0;
		const save = () => {
			saves += 1;
			return { ok: true as const, id: 1 };
		};
		const first = await submitReportForm(values, save);
		expect(first).toMatchObject({
			ok: false,
			failure: { redactions: [{ kind: 'phone', text: '+34 600 123 456' }] }
		});
		expect(saves).toBe(0);
		// A confirmation of other findings (the text changed since) warns again.
		const changed = { ...values, narrative: `${values.narrative} Or ana@example.com.` };
		const unconfirmed = await submitReportForm(
			changed,
			save,
			redactionToken([{ text: '+34 600 123 456' }])
		);
		expect(unconfirmed.ok).toBe(false);
		expect(saves).toBe(0);
		expect(
			await submitReportForm(values, save, redactionToken([{ text: '+34 600 123 456' }]))
		).toEqual({
			ok: true,
			id: 1
		});
		expect(saves).toBe(1);
	});
});
