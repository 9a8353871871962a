import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Connection } from '../db/client';
import { company, report } from '../db/schema';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';
import { escalationFigures, routeExploreHref } from './figures';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

describe('escalationFigures', () => {
	it('counts the public reports of a country and industry that escalated each way, and the resolved ones', async () => {
		const telecom = makeCompany(db, 'Movistar Prueba');
		const bank = makeCompany(db, 'Banco Prueba');
		db.update(company).set({ industry: 'telecom' }).where(eq(company.id, telecom.id)).run();
		db.update(company).set({ industry: 'banking' }).where(eq(company.id, bank.id)).run();
		const author = await makeUser(db);
		const file = (name: string, facts: Parameters<typeof makeReport>[2]) =>
			makeReport(db, author.id, { company: name, country: 'ES', region: null, ...facts });
		file('Movistar Prueba', {
			escalations: ['regulator'],
			outcome: 'resolved',
			resolvedBy: 'regulator'
		});
		file('Movistar Prueba', {
			escalations: ['regulator'],
			outcome: 'unresolved',
			resolvedBy: null
		});
		file('Movistar Prueba', { escalations: ['media'], outcome: 'resolved', resolvedBy: 'media' });
		file('Banco Prueba', {
			escalations: ['regulator'],
			outcome: 'resolved',
			resolvedBy: 'regulator'
		});
		const hidden = file('Movistar Prueba', {
			escalations: ['regulator'],
			outcome: 'resolved',
			resolvedBy: 'regulator'
		});
		db.update(report).set({ hiddenAt: Date.now() }).where(eq(report.id, hidden)).run();
		makeReport(db, author.id, { company: 'Movistar Prueba', country: 'PL', region: null });

		const figures = escalationFigures(db, 'ES', 'telecom', ['regulator', 'media', 'court']);
		expect(figures?.get('regulator')).toEqual({ escalated: 2, resolved: 1 });
		expect(figures?.get('media')).toEqual({ escalated: 1, resolved: 1 });
		expect(figures?.get('court')).toEqual({ escalated: 0, resolved: 0 });
	});

	it('links to the same reports in explore', () => {
		expect(routeExploreHref('ES', 'telecom', 'regulator')).toBe(
			'/explore?industry=telecom&escalation=regulator&country=ES'
		);
	});
});
