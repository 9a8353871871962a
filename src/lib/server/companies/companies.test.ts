import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { company } from '../db/schema';
import { createTestDb } from '../testing/db';
import { createCompany, findCompanyBySlug } from './companies';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

const add = (name: string, website: string) => {
	const result = createCompany(db, { name, website }, null);
	if (!result.ok) throw new Error(result.reason);
	return result.company;
};

describe('company slugs', () => {
	it('spell Cyrillic and Greek names in the address', () => {
		expect(add('Ростелеком', 'rt.example').slug).toBe('rostelekom');
		expect(add('ΟΤΕ', 'ote.example').slug).toBe('ote');
		expect(findCompanyBySlug(db, 'rostelekom')?.name).toBe('Ростелеком');
		// Two names that spell the same get the next free suffix, as before.
		expect(add('Rostelecom Kids', 'rt-kids.example').slug).toBe('rostelecom-kids');
		expect(add('Ростелеком ТВ', 'rt-tv.example').slug).toBe('rostelekom-tv');
		expect(add('Rostelekom', 'rostelekom.example').slug).toBe('rostelekom-2');
	});

	it('leave a slug given before transliteration where it was', () => {
		// A database from before: a Cyrillic name that was given the fallback slug.
		db.insert(company)
			.values({ slug: 'company', name: 'Мегафон', nameKey: 'мегафон', createdAt: 0 })
			.run();
		expect(findCompanyBySlug(db, 'company')?.name).toBe('Мегафон');
		// New companies get spelled slugs; the old one keeps its address.
		expect(add('Билайн', 'beeline.example').slug).toBe('bilayn');
		expect(findCompanyBySlug(db, 'company')?.name).toBe('Мегафон');
		expect(findCompanyBySlug(db, 'megafon')).toBeUndefined();
	});
});
