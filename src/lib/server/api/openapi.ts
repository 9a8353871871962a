/** The OpenAPI 3 description of the read API: served as JSON and rendered on /api. */
import { exportColumns } from '../reports/export';
import {
	categories,
	channels,
	escalations,
	industries,
	outcomes,
	reportLanguages,
	reportSources,
	triggers
} from '../../taxonomy';

const listParam = (name: string, values: readonly string[], description: string) => ({
	name,
	in: 'query',
	required: false,
	description: `${description} Repeat the parameter to match any of several values.`,
	schema: { type: 'array', items: { type: 'string', enum: [...values] } },
	style: 'form',
	explode: true
});

const reportFilters = [
	{
		name: 'q',
		in: 'query',
		required: false,
		description:
			'Words in the title, product or narrative (all must match; case and diacritics ignored).',
		schema: { type: 'string', maxLength: 200 }
	},
	{
		name: 'company',
		in: 'query',
		required: false,
		description: 'Company slug. Repeat for several companies.',
		schema: { type: 'array', items: { type: 'string' } },
		style: 'form',
		explode: true
	},
	listParam('industry', industries, 'Industry of the company.'),
	listParam('category', categories, 'What failed.'),
	listParam('trigger', triggers, 'Life event that triggered it.'),
	listParam('outcome', outcomes, 'Outcome.'),
	listParam('channel', channels, 'A channel the consumer tried.'),
	listParam('escalation', escalations, 'An escalation the consumer tried.'),
	listParam('rating', ['1', '2', '3', '4', '5'], 'Rating from 1 (worst) to 5.'),
	listParam('language', reportLanguages, 'Language of the report.'),
	listParam(
		'source',
		reportSources,
		'Where the report comes from: recourse (written here) or cfpb (imported from the CFPB Consumer Complaint Database).'
	),
	{
		name: 'from',
		in: 'query',
		required: false,
		description: 'Started on or after (YYYY-MM-DD).',
		schema: { type: 'string', format: 'date' }
	},
	{
		name: 'to',
		in: 'query',
		required: false,
		description: 'Started on or before (YYYY-MM-DD).',
		schema: { type: 'string', format: 'date' }
	}
];

const paging = [
	{
		name: 'cursor',
		in: 'query',
		required: false,
		description: 'The next_cursor of the previous page.',
		schema: { type: 'string' }
	},
	{
		name: 'limit',
		in: 'query',
		required: false,
		description: 'Items per page (1 to 200, default 50).',
		schema: { type: 'integer', minimum: 1, maximum: 200 }
	}
];

const page = (item: string) => ({
	type: 'object',
	properties: {
		data: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
		next_cursor: {
			type: ['string', 'null'],
			description: 'Pass as cursor for the next page; null on the last page.'
		}
	}
});

const ok = (description: string, schema: object) => ({
	'200': { description, content: { 'application/json': { schema } } }
});
const notFound = {
	'404': {
		description: 'Not found',
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	}
};

export function openApiDocument(origin: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Recourse read API',
			version: '1.0.0',
			description:
				'Public, read-only access to Recourse reports, company scorecards and recurring patterns. No key is needed; responses allow any origin. Personal data is never included.'
		},
		servers: [{ url: `${origin}/api/v1` }],
		paths: {
			'/reports': {
				get: {
					summary: 'Reports matching filters, newest first',
					parameters: [...reportFilters, ...paging],
					responses: ok('A page of reports', page('Report'))
				}
			},
			'/reports/{id}': {
				get: {
					summary: 'One report',
					parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
					responses: {
						...ok('The report', {
							type: 'object',
							properties: { data: { $ref: '#/components/schemas/Report' } }
						}),
						...notFound
					}
				}
			},
			'/companies': {
				get: {
					summary: 'Companies in alphabetical order',
					parameters: paging,
					responses: ok('A page of companies', page('Company'))
				}
			},
			'/companies/{slug}': {
				get: {
					summary: 'A company with its scorecard figures',
					parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
					responses: { ...ok('The company', { type: 'object' }), ...notFound }
				}
			},
			'/patterns': {
				get: {
					summary: 'Recurring patterns seen at two companies or more',
					parameters: [
						{
							name: 'sort',
							in: 'query',
							required: false,
							schema: { type: 'string', enum: ['volume', 'growth'] }
						}
					],
					responses: ok('All patterns', page('Pattern'))
				}
			},
			'/patterns/{slug}': {
				get: {
					summary: 'A pattern with its figures and the companies most affected',
					parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
					responses: { ...ok('The pattern', { type: 'object' }), ...notFound }
				}
			}
		},
		components: {
			schemas: {
				Report: {
					type: 'object',
					properties: Object.fromEntries(
						exportColumns.map(([name, description]) => [
							name,
							{ description: description({}, { locale: 'en' }) }
						])
					)
				},
				Company: {
					type: 'object',
					properties: {
						slug: { type: 'string' },
						name: { type: 'string' },
						industry: { type: ['string', 'null'] },
						report_count: { type: 'integer' },
						url: { type: 'string' }
					}
				},
				Pattern: {
					type: 'object',
					properties: {
						slug: { type: 'string' },
						category: { type: 'string' },
						trigger: { type: 'string' },
						report_count: { type: 'integer' },
						company_count: { type: 'integer' },
						me_too_count: { type: 'integer' },
						last_90_days: { type: 'integer' },
						previous_90_days: { type: 'integer' },
						url: { type: 'string' }
					}
				},
				Error: { type: 'object', properties: { error: { type: 'string' } } }
			}
		}
	};
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>;
