/** The read API against its own OpenAPI document: every operation, realistic and hostile, each real answer validated with ajv. */
import type { APIResponse } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createUser } from '../../src/lib/server/auth/users';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { openDatabase } from '../../src/lib/server/db/client';
import { databasePath, expect, test, uniqueEmail } from './fixtures';

type Spec = {
	paths: Record<string, { get: { responses: Record<string, { content?: object }> } }>;
};

const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

test('every API operation answers as its OpenAPI document says, to realistic and hostile requests', async ({
	request
}) => {
	const stamp = Date.now().toString(36);
	const company = `Contract Carrier ${stamp}`;
	const slug = `contract-carrier-${stamp}`;
	const db = openDatabase(databasePath);
	try {
		const user = await createUser(db, {
			email: uniqueEmail('openapi'),
			password: 'a long enough password'
		});
		if (!user.ok) throw new Error('no user');
		for (const [i, category] of (
			['billing-error', 'refund-refused', 'billing-error'] as const
		).entries()) {
			createReport(
				db,
				reportInput({
					company,
					website: `contract-${stamp}.example`,
					title: `Contract report ${i}`,
					category,
					trigger: 'moving-house'
				}),
				user.user.id
			);
		}
	} finally {
		db.$client.close();
	}

	const spec = (await (await request.get('/api/openapi.json')).json()) as Spec;
	const ajv = new Ajv2020({ strict: true, allErrors: true });
	addFormats(ajv);
	// The document's own keys are not JSON Schema keywords: they only hold the schemas.
	ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components']);
	ajv.addSchema(spec, 'openapi');

	const checked: string[] = [];
	/** Calls an operation and validates its answer against the schema documented for that status. */
	async function call(template: string, url: string): Promise<APIResponse> {
		const response = await request.get(`/api/v1${url}`);
		const status = String(response.status());
		const documented = spec.paths[template]!.get.responses[status];
		expect(documented, `${url}: status ${status} is documented`).toBeDefined();
		const type = response.headers()['content-type']!.split(';')[0]!;
		expect(Object.keys(documented!.content ?? {}), `${url}: ${type}`).toContain(type);
		const validate = ajv.getSchema(
			`openapi#/paths/${pointer(template)}/get/responses/${status}/content/${pointer(type)}/schema`
		)!;
		const body = await response.json();
		expect(validate(body) ? [] : validate.errors, `${url} → ${status}`).toEqual([]);
		expect(response.headers()['access-control-allow-origin']).toBe('*');
		checked.push(`${status} ${url}`);
		return response;
	}

	// Realistic.
	const all = await (await call('/reports', '/reports?limit=2')).json();
	expect(all.data).toHaveLength(2);
	await call('/reports', `/reports?cursor=${all.next_cursor}&limit=2`);
	const mine = await (
		await call(
			'/reports',
			`/reports?company=${slug}&category=billing-error&category=refund-refused&rating=1&rating=2&rating=3&rating=4&rating=5&from=2020-01-01&to=2030-12-31&language=en&source=recourse&q=contract`
		)
	).json();
	expect(mine.data.length).toBeGreaterThan(0);
	await call('/reports', '/reports?source=cfpb&limit=200');
	await call('/reports/{id}', `/reports/${mine.data[0].id}`);
	const companies = await (await call('/companies', '/companies?limit=1')).json();
	await call('/companies', `/companies?limit=200&cursor=${companies.next_cursor}`);
	await call('/companies/{slug}', `/companies/${slug}`);
	await call('/patterns', '/patterns');
	await call('/patterns', '/patterns?sort=growth');
	await call('/patterns/{slug}', '/patterns/billing-error-after-moving-house');

	// Hostile: each refused with a problem naming the parameter, never a wider answer.
	for (const [query, parameter] of [
		['limit=abc', 'limit'],
		['limit=0', 'limit'],
		['limit=201', 'limit'],
		['limit=1.5', 'limit'],
		['cursor=garbage', 'cursor'],
		['from=not-a-date', 'from'],
		['from=2024-02-30', 'from'],
		['from=2024-05-01&to=2024-01-01', 'to'],
		['industry=bogus', 'industry'],
		['category=biling-error', 'category'],
		['rating=9', 'rating'],
		['language=xx', 'language'],
		['limit=5&limit=6', 'limit'],
		['sort=newest', 'sort'],
		['utm_source=x', 'utm_source'],
		[`q=${'x'.repeat(201)}`, 'q'],
		['company=%3Cscript%3E', 'company'],
		// Before: an unknown company answered 200 with no rows, as if it had no reports.
		['company=no-such-company', 'company']
	] as const) {
		const response = await call('/reports', `/reports?${query}`);
		expect(response.status(), query).toBe(400);
		expect(await response.json(), query).toMatchObject({ status: 400, parameter });
	}
	const unknown = await (await call('/reports', '/reports?category=biling-error')).json();
	expect(unknown.allowed).toContain('billing-error');
	expect((await call('/companies', '/companies?cursor=%21%21')).status()).toBe(400);
	expect((await call('/companies', '/companies?limit=-5')).status()).toBe(400);
	expect((await call('/patterns', '/patterns?sort=bogus')).status()).toBe(400);
	expect((await call('/reports/{id}', `/reports/${mine.data[0].id}?x=1`)).status()).toBe(400);
	expect((await call('/reports/{id}', '/reports/999999999')).status()).toBe(404);
	expect((await call('/reports/{id}', '/reports/abc')).status()).toBe(404);
	expect((await call('/companies/{slug}', '/companies/no-such-company')).status()).toBe(404);
	expect((await call('/patterns/{slug}', '/patterns/nonsense')).status()).toBe(404);
	expect(checked.length).toBeGreaterThan(30);

	// Unknown API addresses answer as the API does: a JSON problem, not an HTML page.
	const validateProblem = ajv.getSchema('openapi#/components/schemas/Problem')!;
	for (const path of ['/api/v1/nope', '/api/v1/reports/1/extra', '/api/v1']) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(404);
		expect(response.headers()['content-type']).toBe('application/problem+json');
		expect(validateProblem(await response.json()) ? [] : validateProblem.errors).toEqual([]);
	}

	// A browser's CORS preflight is answered, with CORS headers.
	const preflight = await request.fetch('/api/v1/reports', {
		method: 'OPTIONS',
		headers: {
			origin: 'https://newsroom.example',
			'access-control-request-method': 'GET',
			'access-control-request-headers': 'accept'
		}
	});
	expect(preflight.status()).toBe(204);
	expect(preflight.headers()).toMatchObject({
		'access-control-allow-origin': '*',
		'access-control-allow-methods': expect.stringContaining('GET'),
		'access-control-allow-headers': 'accept'
	});
});
