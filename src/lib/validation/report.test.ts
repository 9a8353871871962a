import { describe, expect, it } from 'vitest';
import { parseReport, toMinorUnits } from './report';

const valid = {
	company: 'Acme Telecom',
	website: '',
	industry: '',
	title: 'Line dead for 112 hours',
	product: 'Landline',
	category: 'service-outage',
	trigger: '',
	startedOn: '2024-03-01',
	endedOn: '',
	contacts: '22',
	hours: '1,5',
	agents: '',
	promisesBroken: '3',
	channels: ['phone', 'phone', 'email'],
	escalations: [],
	currency: 'USD',
	amountDisputed: '7455',
	amountRecovered: '88.77',
	outcome: 'resolved',
	rating: '1',
	narrative: 'The line went dead a day early and stayed dead for 112 hours.',
	language: 'en'
};

describe('parseReport', () => {
	it('turns the typed strings into stored facts', () => {
		const result = parseReport(valid);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.input).toMatchObject({
			trigger: null,
			endedOn: null,
			contacts: 22,
			effortMinutes: 90,
			agents: null,
			channels: ['phone', 'email'],
			amountDisputedMinor: 745_500,
			amountRecoveredMinor: 8_877,
			rating: 1
		});
	});

	it('reads further categories and circumstances, the main ones first, each once', () => {
		const result = parseReport({
			...valid,
			category: 'billing-error',
			categories: ['account-closed', 'billing-error', 'account-closed'],
			trigger: 'death-of-account-holder',
			triggers: ['name-change']
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.input).toMatchObject({
			category: 'billing-error',
			categories: ['billing-error', 'account-closed'],
			trigger: 'death-of-account-holder',
			triggers: ['death-of-account-holder', 'name-change']
		});
		// Further circumstances without a main one: the first becomes the main one.
		const noMain = parseReport({ ...valid, trigger: '', triggers: ['moving-house', 'none'] });
		expect(noMain.ok && noMain.input).toMatchObject({
			trigger: 'moving-house',
			triggers: ['moving-house']
		});
	});

	it('refuses an unknown further category or circumstance beside its boxes', () => {
		const result = parseReport({ ...valid, categories: ['nope'], triggers: ['<script>'] });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.categories).toBe('Choose one of the options.');
		expect(result.errors.triggers).toBe('Choose one of the options.');
	});

	// Before: a title or company typed with CR/LF printed as lines of their own in mail.
	it('keeps the company, title and product on one line', () => {
		const result = parseReport({
			...valid,
			company: 'Acme\r\nTelecom',
			title: 'Line dead\r\nDear customer, pay at evil.example',
			product: 'Land\u2028line\t '
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.input).toMatchObject({
			company: 'Acme Telecom',
			title: 'Line dead Dear customer, pay at evil.example',
			product: 'Land line'
		});
	});

	it('reports every problem at once, each on its field', () => {
		const result = parseReport({
			...valid,
			title: '   ',
			category: 'nonsense',
			startedOn: '2024-02-30',
			contacts: '-1',
			hours: 'lots',
			channels: ['fax'],
			rating: '6',
			narrative: 'short',
			amountRecovered: '1.234'
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(
			[
				'amountRecovered',
				'category',
				'channels',
				'contacts',
				'hours',
				'narrative',
				'rating',
				'startedOn',
				'title'
			].sort()
		);
		expect(result.errors.amountRecovered).toBe('This currency has 2 decimal places at most.');
	});

	it('refuses an end before the start, future dates and amounts without currency', () => {
		const result = parseReport({
			...valid,
			startedOn: '2024-03-10',
			endedOn: '2024-03-01',
			currency: ''
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.endedOn).toBe('The end cannot be before the start.');
		expect(result.errors.currency).toBe('Choose the currency of the amounts.');
		const future = parseReport({ ...valid, startedOn: '2999-01-01' });
		expect(!future.ok && future.errors.startedOn).toBe('This date is in the future.');
	});

	it('never throws on fields of the wrong shape', () => {
		expect(parseReport({}).ok).toBe(false);
		expect(parseReport({ ...valid, channels: 'phone', rating: ['1'] }).ok).toBe(false);
	});
});

describe('toMinorUnits', () => {
	it('follows the currency’s decimals', () => {
		expect(toMinorUnits('88.77', 'USD')).toBe(8877);
		expect(toMinorUnits('88,7', 'EUR')).toBe(8870);
		expect(toMinorUnits('1200', 'JPY')).toBe(1200);
		expect(toMinorUnits('12.5', 'JPY')).toBeUndefined();
		expect(toMinorUnits('', 'USD')).toBeNull();
	});
});

describe('the case facts of a report', () => {
	it('keep lower bounds, the order value, the place and what resolved it', () => {
		const result = parseReport({
			...valid,
			contacts: '22',
			agents: '50+',
			hours: '112+',
			orderValue: '88.77',
			amountDisputed: '7,455',
			country: 'US',
			region: 'US-OH',
			resolvedBy: 'regulator'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.input).toMatchObject({
			contacts: 22,
			contactsAtLeast: false,
			agents: 50,
			agentsAtLeast: true,
			effortMinutes: 112 * 60,
			effortAtLeast: true,
			orderValueMinor: 8_877,
			amountDisputedMinor: 745_500,
			country: 'US',
			region: 'US-OH',
			resolvedBy: 'regulator'
		});
	});

	it('read amounts in the reader’s locale: 1.234,56 in German, 12 400 in Russian', () => {
		expect(toMinorUnits('1.234,56', 'EUR', 'de')).toBe(123_456);
		expect(toMinorUnits('12 400', 'RUB', 'ru')).toBe(1_240_000);
		expect(toMinorUnits('7,455', 'EUR', 'de')).toBeUndefined();
	});

	it('refuse a region of another country, and a timeline row that makes no sense, beside the field', () => {
		const result = parseReport({
			...valid,
			country: 'ES',
			region: 'US-OH',
			events: [
				{
					kind: 'escalation',
					date: '2024-03-05',
					time: '',
					promisedDate: '',
					promisedTime: '',
					escalation: '',
					note: ''
				}
			]
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.region).toBe('Choose a region of the country you chose.');
		expect(result.errors['event.0.escalation']).toBe('Choose to whom you escalated.');
	});
});

describe('the limits on every number (issue 21, item 11)', () => {
	it('refuses an amount over its currency’s limit beside the field, and accepts one at the limit', () => {
		const result = parseReport({
			...valid,
			currency: 'EUR',
			orderValue: '10000000.01',
			amountDisputed: '9,999,999,999.99',
			amountRecovered: '10000000'
		});
		expect(result).toEqual({
			ok: false,
			errors: {
				orderValue: 'Enter an amount no larger than €10,000,000.00.',
				amountDisputed: 'Enter an amount no larger than €10,000,000.00.'
			}
		});
		expect(
			parseReport({ ...valid, currency: 'JPY', amountDisputed: '1500000000', amountRecovered: '' })
				.ok
		).toBe(true);
		expect(
			parseReport({ ...valid, currency: 'JPY', amountDisputed: '1500000001', amountRecovered: '' })
		).toMatchObject({
			ok: false,
			errors: { amountDisputed: 'Enter an amount no larger than ¥1,500,000,000.' }
		});
	});

	it('refuses counts and hours over their limits beside the field', () => {
		const result = parseReport({
			...valid,
			contacts: '10001',
			agents: '99999+',
			hours: '10000.5',
			promisesBroken: '10001'
		});
		expect(result).toMatchObject({
			ok: false,
			errors: {
				contacts: 'Enter a number no larger than 10000.',
				agents: 'Enter a number no larger than 10000.',
				hours: 'Enter a number no larger than 10000.',
				promisesBroken: 'Enter a number no larger than 10000.'
			}
		});
	});
});
