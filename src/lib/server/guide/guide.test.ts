import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { locales } from '$lib/paraglide/runtime';
import { industries } from '$lib/taxonomy';
import data from './routes.json' with { type: 'json' };
import { addPeriod, guideRoutes, nextStep, routesFor } from './index';
import { guideSchema } from './schema';

/** The countries of the interface languages (ca → ES, en → US and GB, de → DE and AT). */
const coveredCountries = ['US', 'GB', 'ES', 'DE', 'AT', 'PL', 'RU'];

describe('the guide file', () => {
	it('gives every entry a body, a scope in every language, a wait, an https address and a date', () => {
		expect(guideRoutes.length).toBeGreaterThan(20);
		for (const route of guideRoutes) {
			expect(route.name.length, route.id).toBeGreaterThan(2);
			expect(Object.keys(route.scope).sort(), route.id).toEqual([...locales].sort());
			for (const locale of locales) expect(route.scope[locale].length).toBeGreaterThan(20);
			expect(route.wait.kind, route.id).toBeTruthy();
			expect(new URL(route.url).protocol, route.id).toBe('https:');
			expect(route.checkedOn, route.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
	});

	it('has a route of its own for telecom, energy and banking in every covered country', () => {
		for (const country of coveredCountries)
			for (const industry of ['telecom', 'energy', 'banking'] as const) {
				const routes = routesFor(country, industry);
				expect(routes[0]?.country, `${country} ${industry}`).toBe(country);
			}
	});

	it('always ends with a route, the generic one where nothing is known', () => {
		for (const country of [...coveredCountries, 'FR', null])
			for (const industry of [...industries, null])
				expect(routesFor(country, industry).length).toBeGreaterThan(0);
		expect(routesFor('FR', 'telecom').map((r) => r.id)).toEqual(['generic-written-complaint']);
	});

	it('puts the industry’s own bodies before the general consumer bodies', () => {
		const ids = routesFor('ES', 'telecom').map((r) => r.id);
		expect(ids[0]).toBe('es-telecom-oficina-usuarios');
		expect(ids).toContain('es-consumo-omic');
		expect(routesFor('ES', 'retail').map((r) => r.id)).not.toContain('es-telecom-oficina-usuarios');
	});

	it('refuses an entry without a scope in every language or with a plain http address', () => {
		const [first] = data;
		const noPolish = { ...first, scope: { ...first?.scope, pl: undefined } };
		expect(v.safeParse(guideSchema, [noPolish, ...data.slice(1)]).success).toBe(false);
		const http = { ...first, url: 'http://example.org/' };
		expect(v.safeParse(guideSchema, [http, ...data.slice(1)]).success).toBe(false);
		expect(v.safeParse(guideSchema, data).success).toBe(true);
	});
});

describe('nextStep', () => {
	const spanishTelecom = {
		country: 'ES',
		industry: 'telecom',
		firstContactOn: '2026-01-31',
		finalResponseOn: null,
		escalatedTo: []
	} as const;

	it('gives Spain’s telecom user office one month after the first complaint', () => {
		const step = nextStep(spanishTelecom);
		expect(step?.route.id).toBe('es-telecom-oficina-usuarios');
		expect(step?.from).toBe('2026-02-28');
		expect(step?.basis).toBe('first-contact');
	});

	it('gives a UK ombudsman eight weeks after the first complaint, or the final response if sooner', () => {
		const uk = { ...spanishTelecom, country: 'GB', industry: 'banking' } as const;
		expect(nextStep(uk)).toMatchObject({
			route: { id: 'gb-financial-ombudsman' },
			from: '2026-03-28',
			basis: 'first-contact'
		});
		expect(nextStep({ ...uk, finalResponseOn: '2026-02-10' })).toMatchObject({
			from: '2026-02-10',
			basis: 'final-response'
		});
		expect(nextStep({ ...uk, finalResponseOn: '2026-05-01' })?.from).toBe('2026-03-28');
	});

	it('picks the next body the consumer has not used yet', () => {
		const step = nextStep({ ...spanishTelecom, escalatedTo: ['regulator'] });
		expect(step?.route.id).toBe('es-consumo-omic');
		expect(nextStep({ ...spanishTelecom, escalatedTo: ['media', 'court'] })?.route.id).toBe(
			'es-telecom-oficina-usuarios'
		);
		const used = routesFor('ES', 'telecom').map((r) => r.escalation);
		expect(nextStep({ ...spanishTelecom, escalatedTo: used })).toBeNull();
	});

	it('offers a regional body only to people of that region', () => {
		const energy = { ...spanishTelecom, industry: 'energy' } as const;
		expect(nextStep(energy)?.route.id).toBe('es-consumo-omic');
		expect(nextStep({ ...energy, region: 'ES-CT' })?.route.id).toBe(
			'es-ct-agencia-catalana-consum'
		);
		expect(nextStep({ ...energy, region: 'ES-MD' })?.route.id).toBe('es-consumo-omic');
	});

	it('never gives a date before the first contact', () => {
		for (const country of [...coveredCountries, null])
			for (const industry of industries) {
				const step = nextStep({
					country,
					industry,
					firstContactOn: '2026-03-15',
					finalResponseOn: '2026-03-01',
					escalatedTo: []
				});
				expect(step?.from && step.from >= '2026-03-15', `${country} ${industry}`).toBe(true);
			}
	});

	it('counts from today when there is no first contact yet', () => {
		const step = nextStep({ ...spanishTelecom, firstContactOn: null, today: '2026-11-29' });
		expect(step?.from).toBe('2026-12-29');
	});
});

describe('addPeriod', () => {
	it('adds days, weeks and calendar months', () => {
		expect(addPeriod('2026-01-31', { count: 1, unit: 'months' })).toBe('2026-02-28');
		expect(addPeriod('2024-01-31', { count: 1, unit: 'months' })).toBe('2024-02-29');
		expect(addPeriod('2026-12-15', { count: 1, unit: 'months' })).toBe('2027-01-15');
		expect(addPeriod('2026-12-28', { count: 8, unit: 'weeks' })).toBe('2027-02-22');
		expect(addPeriod('2026-03-01', { count: 30, unit: 'days' })).toBe('2026-03-31');
	});
});
