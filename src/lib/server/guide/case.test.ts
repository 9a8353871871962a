import { describe, expect, it } from 'vitest';
import { caseNextStep, type CaseFacts } from './case';

const spanishTelecom: CaseFacts = {
	country: 'ES',
	region: null,
	industry: 'telecom',
	startedOn: '2026-03-02',
	outcome: 'unresolved',
	resolvedOn: null,
	escalations: [],
	events: [],
	respondedAt: null
};

describe('caseNextStep', () => {
	it('counts from the day the problem started when the timeline has no first contact', () => {
		expect(caseNextStep(spanishTelecom)).toMatchObject({
			route: { id: 'es-telecom-oficina-usuarios' },
			from: '2026-04-02',
			countedFrom: '2026-03-02'
		});
	});

	it('counts from the timeline’s first contact', () => {
		const events = [
			{ kind: 'contact', occurredOn: '2026-03-02', escalationTo: null },
			{ kind: 'first-contact', occurredOn: '2026-03-10', escalationTo: null }
		] as const;
		expect(caseNextStep({ ...spanishTelecom, events: [...events] })?.from).toBe('2026-04-10');
	});

	it('takes the company’s public response as its final response', () => {
		const uk: CaseFacts = { ...spanishTelecom, country: 'GB', industry: 'energy' };
		const step = caseNextStep({ ...uk, respondedAt: Date.parse('2026-03-20T15:00:00Z') });
		expect(step).toMatchObject({
			route: { id: 'gb-energy-ombudsman' },
			from: '2026-03-20',
			basis: 'final-response',
			countedFrom: '2026-03-20'
		});
	});

	it('passes over a body the timeline says the consumer already went to', () => {
		const events = [
			{ kind: 'escalation', occurredOn: '2026-04-05', escalationTo: 'regulator' }
		] as const;
		expect(caseNextStep({ ...spanishTelecom, events: [...events] })?.route.id).toBe(
			'es-consumo-omic'
		);
		expect(caseNextStep({ ...spanishTelecom, escalations: ['regulator'] })?.route.id).toBe(
			'es-consumo-omic'
		);
	});

	it('proposes nothing for a resolved case', () => {
		expect(caseNextStep({ ...spanishTelecom, outcome: 'resolved' })).toBeNull();
		expect(caseNextStep({ ...spanishTelecom, resolvedOn: '2026-05-01' })).toBeNull();
	});
});
