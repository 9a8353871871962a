import { describe, expect, it } from 'vitest';
import type { ReportFormValues } from '../../validation/report';
import { answerWithoutSaving, redactionToken, submitReportForm } from './report-form';

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

describe('the preview', () => {
	it('refuses what publishing would refuse, and echoes the amounts as read', () => {
		const preview = (fields: Partial<ReportFormValues>) => {
			const data = new FormData();
			data.set('intent', 'preview');
			return answerWithoutSaving(data, {
				...values,
				narrative: 'A long enough account of it all.',
				...fields
			});
		};
		const refused = preview({ currency: 'USD', amountDisputed: '7.455' });
		expect(refused?.status).toBe(400);
		expect(refused?.failure.errors.amountDisputed).toBe(
			'This currency has 2 decimal places at most.'
		);
		const unknownRegion = preview({ country: 'ES', region: 'ES-XX' });
		expect(unknownRegion?.status).toBe(400);
		expect(unknownRegion?.failure.errors.region).toBeTruthy();
		const read = preview({
			currency: 'USD',
			amountDisputed: '7,455',
			orderValue: '88.77',
			agents: '50+'
		});
		expect(read?.status).toBe(200);
		expect(read?.failure.readAs).toMatchObject({
			amountDisputed: '$7,455.00',
			orderValue: '$88.77',
			agents: '50+'
		});
	});
});
