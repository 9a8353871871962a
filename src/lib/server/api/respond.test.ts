import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { readDataVersion } from '../db/data-version';
import { createTestDb } from '../testing/db';
import { makeCompany } from '../testing/factories';
import { apiRead } from './respond';

const companies = (db: ReturnType<typeof createTestDb>) =>
	db.$client.prepare('select count(*) from company').pluck().get() as number;

// Before: API answers did not say which state of the data they were read from.
describe('apiRead', () => {
	it('states the data version in X-Data-Version and in the body', async () => {
		const db = createTestDb();
		makeCompany(db, 'Acme Telecom');
		const response = apiRead(db, () => ({ data: { companies: companies(db) } }));
		const version = readDataVersion(db);
		expect(response.headers.get('x-data-version')).toBe(version);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(await response.json()).toEqual({ data: { companies: 1 }, data_version: version });
	});

	it('names the version the data was read at when another process writes during the read', async () => {
		const db = createTestDb();
		const other = openDatabase(db.$client.name, { migrate: false });
		try {
			makeCompany(db, 'Acme Telecom');
			let reads = 0;
			const response = apiRead(db, () => {
				const n = companies(db);
				// Another process commits between this read and the version read after it.
				if (reads++ === 0) makeCompany(other, 'Globex Bank');
				return { data: n };
			});
			const body = (await response.json()) as { data: number; data_version: string };
			expect(body.data_version).toBe(readDataVersion(db));
			expect(body.data).toBe(2);
			expect(response.headers.get('x-data-version')).toBe(body.data_version);
		} finally {
			other.$client.close();
		}
	});

	it('passes a problem answer through unchanged', () => {
		const db = createTestDb();
		const notFound = new Response(null, { status: 404 });
		expect(apiRead(db, () => notFound)).toBe(notFound);
	});
});
