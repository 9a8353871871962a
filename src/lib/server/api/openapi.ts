/**
 * The OpenAPI 3.1 description of the read API: the contract, served as JSON and rendered on
 * /api. Every property is typed; tests validate real responses against it (tests/e2e/openapi)
 * and lint it with Redocly (src/lib/server/api/openapi-lint.test.ts).
 */
import {
	categories,
	channels,
	escalations,
	industries,
	outcomes,
	reportLanguages,
	reportSources,
	responseActions,
	triggers,
	verdicts
} from '../../taxonomy';
import { resolutionRoutes } from '../../case-timeline';
import { followupAnswers } from '../../followup-answers';
import { exploreFilterParams } from '../reports/explore';
import { exportColumns, type ExportColumn } from '../reports/export';
import type { Scorecard } from '../reports/scorecard';
import type { WhatWorks } from '../reports/what-works';
import { countryCodes } from '../places/places';
import type { Param } from '../query-params';
import { problemTypeDescriptions, type ProblemType } from './problem';
import { dataLicence } from '../dataset/manifest';

type Schema = Record<string, unknown>;

const nullable = (schema: Schema): Schema => ({
	...schema,
	type: [schema.type as string, 'null'],
	...(schema.enum ? { enum: [...(schema.enum as unknown[]), null] } : {})
});
const string: Schema = { type: 'string' };
const integer: Schema = { type: 'integer', minimum: 0 };
const enumOf = (values: readonly string[]): Schema => ({ type: 'string', enum: [...values] });
const dateTime: Schema = { type: 'string', format: 'date-time' };
const uri: Schema = { type: 'string', format: 'uri' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** An object whose every listed property is present (nullable ones as null). */
const object = (properties: Record<string, Schema>, description?: string): Schema => ({
	type: 'object',
	...(description ? { description } : {}),
	properties,
	required: Object.keys(properties),
	additionalProperties: false
});

/** The JSON type of each export column; keyed by ExportColumn so a new column needs one. */
const reportColumnSchemas: Record<ExportColumn, Schema> = {
	id: { type: 'integer', minimum: 1 },
	url: uri,
	source: enumOf(reportSources),
	external_id: nullable(string),
	company_slug: string,
	company_name: string,
	industry: nullable(enumOf(industries)),
	title: string,
	product: string,
	category: enumOf(categories),
	trigger: nullable(enumOf(triggers)),
	categories: {
		type: 'string',
		description: `Every category the report names, the primary first: values of ${categories.join(', ')}, separated by |.`
	},
	triggers: {
		type: 'string',
		description: `Every circumstance the report names, the first one first: values of ${triggers.join(', ')}, separated by | (empty if none).`
	},
	started_on: { type: 'string', format: 'date' },
	ended_on: { type: ['string', 'null'], format: 'date' },
	contacts: nullable(integer),
	contacts_at_least: { type: 'boolean' },
	hours: { type: ['number', 'null'], minimum: 0 },
	agents: nullable(integer),
	agents_at_least: { type: 'boolean' },
	promises_made: nullable(integer),
	promises_broken: nullable(integer),
	channels: { type: 'string', description: `Values of ${channels.join(', ')}, separated by |.` },
	escalations: {
		type: 'string',
		description: `Values of ${escalations.join(', ')}, separated by |.`
	},
	currency: { type: ['string', 'null'], pattern: '^[A-Z]{3}$' },
	amount_disputed: { type: ['string', 'null'], pattern: '^\\d+(\\.\\d+)?$' },
	amount_recovered: { type: ['string', 'null'], pattern: '^\\d+(\\.\\d+)?$' },
	order_value: { type: ['string', 'null'], pattern: '^\\d+(\\.\\d+)?$' },
	outage_hours: { type: ['number', 'null'], minimum: 0 },
	promise_missed_by_hours: { type: ['number', 'null'] },
	resolved_on: { type: ['string', 'null'], format: 'date' },
	days_to_resolution: { type: ['integer', 'null'] },
	resolved_by: nullable(enumOf(resolutionRoutes)),
	outcome: enumOf(outcomes),
	rating: { type: ['integer', 'null'], minimum: 1, maximum: 5 },
	language: enumOf(reportLanguages),
	country: { type: ['string', 'null'], pattern: '^[A-Z]{2}$' },
	region: { type: ['string', 'null'], pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$' },
	me_too: integer,
	created_at: dateTime,
	updated_at: dateTime,
	tags: string,
	source_details: { type: ['object', 'null'], additionalProperties: true },
	narrative: string,
	response: nullable(string),
	response_date: { type: ['string', 'null'], format: 'date-time' },
	response_timely: { type: ['boolean', 'null'] },
	response_action: nullable(enumOf(responseActions)),
	/** Entries of the conversation after the company's answer (decision 031); null without one. */
	response_entries: {
		type: ['integer', 'null'],
		minimum: 0,
		description: "Messages in the conversation after the company's answer; null without an answer"
	},
	/** The consumer's last verdict on the whole conversation. */
	verdict: nullable(enumOf(verdicts)),
	verdict_date: { type: ['string', 'null'], format: 'date-time' },
	followup_answer: nullable(enumOf(followupAnswers)),
	followup_date: { type: ['string', 'null'], format: 'date-time' }
};

const numericSummary = object({
	n: integer,
	sum: { type: 'number' },
	mean: { type: ['number', 'null'] },
	median: { type: ['number', 'null'] }
});
const distribution: Schema = {
	type: 'array',
	items: object({ key: string, n: integer })
};

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The scorecard's figures, keyed as the domain type names them (so none is missed), sent in snake_case. */
const scorecardProperties: Record<keyof Scorecard, Schema> = {
	reportCount: integer,
	meTooCount: integer,
	rating: numericSummary,
	ratingDistribution: distribution,
	categories: distribution,
	outcomes: distribution,
	triggers: distribution,
	channels: distribution,
	escalations: distribution,
	languages: distribution,
	sources: distribution,
	contacts: numericSummary,
	effortMinutes: numericSummary,
	agents: numericSummary,
	promisesBroken: numericSummary,
	money: {
		type: 'array',
		items: object({
			currency: string,
			n: integer,
			disputed_minor: { type: 'integer' },
			recovered_minor: { type: 'integer' }
		})
	},
	months: {
		type: 'array',
		items: object({ month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, n: integer })
	},
	responses: {
		type: 'array',
		items: object({
			source: enumOf(reportSources),
			reports: integer,
			responded: integer,
			timely: integer,
			accepted: integer,
			disputed: integer,
			resolved_after: integer
		})
	},
	responseDays: numericSummary
};

const share = object({ count: integer, n: integer });

/** The "what works" figures (decision 025), keyed as the domain type names them. */
const whatWorksProperties: Record<keyof WhatWorks, Schema> = {
	cases: integer,
	resolved: integer,
	resolvedWithoutEscalation: share,
	resolutionDays: numericSummary,
	escalations: {
		type: 'array',
		items: object({ escalation: enumOf(escalations), resolved_after: share, days: numericSummary })
	},
	responsesFailed: share
};

/** What each filter means; keyed by the filter table, so a new filter must be described. */
const filterDescriptions: Record<keyof typeof exploreFilterParams, string> = {
	company:
		'Company slug, as listed by /companies; a slug no company has is refused (400), not answered with an empty list.',
	industry: 'Industry of the company.',
	category: 'What failed.',
	trigger: 'Life event that triggered it.',
	outcome: 'Outcome.',
	channel: 'A channel the consumer tried.',
	escalation: 'An escalation the consumer tried.',
	rating: 'Rating from 1 (worst) to 5.',
	language: 'Language of the report.',
	source:
		'Where the report comes from: recourse (written here) or cfpb (imported from the CFPB Consumer Complaint Database).',
	country: "The consumer's country, ISO 3166-1 alpha-2 (US, ES, GB).",
	region:
		"The consumer's first-level region, ISO 3166-2 (US-CA, ES-CT; for the United Kingdom its four nations, GB-ENG, GB-SCT, GB-WLS, GB-NIR). Imported CFPB complaints carry their US state.",
	resolved_by:
		'What resolved the case, as its author says: company (without escalation) or the escalation after which it was resolved.',
	from: 'Started on or after (YYYY-MM-DD).',
	to: 'Started on or before (YYYY-MM-DD); not before from.',
	q: 'Words in the title, product or narrative (all must match; case and diacritics ignored).'
};

const valueSchema = (name: string, param: Param<unknown, unknown>): Schema => {
	// Five thousand regions: a pattern here, the full list in ISO 3166-2.
	if (name === 'region') return { type: 'string', pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$' };
	if (param.rule.allowed) return enumOf(param.rule.allowed);
	if (name === 'from' || name === 'to') return { type: 'string', format: 'date' };
	if (name === 'q') return { type: 'string', maxLength: 200 };
	return { type: 'string', pattern: '^[A-Za-z0-9-]{1,80}$' };
};

const filterParameters = Object.entries(exploreFilterParams).map(([name, param]) => ({
	name,
	in: 'query',
	required: false,
	description: param.many
		? `${filterDescriptions[name as keyof typeof filterDescriptions]} Repeat the parameter to match any of several values (at most ${param.max}).`
		: filterDescriptions[name as keyof typeof filterDescriptions],
	schema: param.many
		? { type: 'array', items: valueSchema(name, param), maxItems: param.max }
		: valueSchema(name, param),
	...(param.many ? { style: 'form', explode: true } : {})
}));

const cursorParameter = {
	name: 'cursor',
	in: 'query',
	required: false,
	description: 'The next_cursor of the previous page.',
	schema: { type: 'string' }
};
const limitParameter = {
	name: 'limit',
	in: 'query',
	required: false,
	description: 'Items per page (1 to 200, default 50).',
	schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 }
};

const dataVersion: Schema = {
	type: 'string',
	description:
		'The version of the public data this answer was read at (also in the X-Data-Version header); the downloadable dataset on /about/data names the version it was read at too.'
};
const pageOf = (item: string): Schema =>
	object({
		data: { type: 'array', items: ref(item) },
		next_cursor: {
			type: ['string', 'null'],
			description: 'Pass as cursor for the next page; null on the last page.'
		},
		data_version: dataVersion
	});
const one = (item: string): Schema => object({ data: ref(item), data_version: dataVersion });

const problem = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: ref('Problem') } }
});

/** Every operation's answers: its 200, and the problems any operation may give. */
const responses = (description: string, schema: Schema, options: { notFound?: boolean } = {}) => ({
	'200': {
		description,
		headers: {
			'X-Data-Version': {
				description: 'The version of the public data this answer was read at.',
				schema: { type: 'string' }
			}
		},
		content: { 'application/json': { schema } }
	},
	'400': problem('A query parameter is unknown, or a value is unknown, malformed or out of range.'),
	...(options.notFound ? { '404': problem('No such item.') } : {}),
	'429': {
		...problem('Too many requests from this address; retry after the time given.'),
		headers: {
			'Retry-After': {
				description: 'Seconds to wait.',
				schema: { type: 'integer', minimum: 0 }
			}
		}
	}
});

const slugPath = (description: string) => ({
	name: 'slug',
	in: 'path',
	required: true,
	description,
	schema: { type: 'string' }
});

export function openApiDocument(origin: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Recourse read API',
			version: '1.1.0',
			description:
				'Public, read-only access to Recourse reports, company scorecards and recurring patterns. No key is needed; responses allow any origin. Personal data is never included. Errors are RFC 9457 problem documents. Every answer states the data version it was read at. Records with source "cfpb" are US government data in the public domain.',
			license: { name: dataLicence.name, url: dataLicence.url }
		},
		servers: [{ url: `${origin}/api/v1` }],
		// No key, no sign-in: the API is public.
		security: [],
		tags: [
			{ name: 'reports', description: 'Individual reports, filtered as on the explore page.' },
			{ name: 'companies', description: 'Companies and their scorecards.' },
			{ name: 'patterns', description: 'Recurring patterns: a failure after a life event.' }
		],
		paths: {
			'/reports': {
				get: {
					operationId: 'listReports',
					tags: ['reports'],
					summary: 'Reports matching filters, newest first',
					parameters: [...filterParameters, cursorParameter, limitParameter],
					responses: responses('A page of reports', pageOf('Report'))
				}
			},
			'/reports/{id}': {
				get: {
					operationId: 'getReport',
					tags: ['reports'],
					summary: 'One report',
					parameters: [
						{
							name: 'id',
							in: 'path',
							required: true,
							description: 'The report id.',
							schema: { type: 'integer', minimum: 1 }
						}
					],
					responses: responses('The report', one('Report'), { notFound: true })
				}
			},
			'/companies': {
				get: {
					operationId: 'listCompanies',
					tags: ['companies'],
					summary: 'Companies in alphabetical order',
					parameters: [cursorParameter, limitParameter],
					responses: responses('A page of companies', pageOf('Company'))
				}
			},
			'/companies/{slug}': {
				get: {
					operationId: 'getCompany',
					tags: ['companies'],
					summary: 'A company with its scorecard figures',
					parameters: [slugPath('The company slug.')],
					responses: responses('The company', one('CompanyDetail'), { notFound: true })
				}
			},
			'/what-works': {
				get: {
					operationId: 'getWhatWorks',
					tags: ['companies'],
					summary: 'Which routes resolve cases, per industry, country, both or everything',
					parameters: [
						{
							name: 'industry',
							in: 'query',
							required: false,
							description: 'Industry of the companies.',
							schema: enumOf(industries)
						},
						{
							name: 'country',
							in: 'query',
							required: false,
							description: "The consumer's country, ISO 3166-1 alpha-2.",
							schema: enumOf(countryCodes)
						}
					],
					responses: responses('The figures', one('WhatWorksDetail'))
				}
			},
			'/patterns': {
				get: {
					operationId: 'listPatterns',
					tags: ['patterns'],
					summary: 'Recurring patterns seen at two companies or more',
					parameters: [
						{
							name: 'sort',
							in: 'query',
							required: false,
							description: 'volume: most reports first; growth: most growth in 90 days first.',
							schema: { type: 'string', enum: ['volume', 'growth'], default: 'volume' }
						}
					],
					responses: responses('All patterns', pageOf('Pattern'))
				}
			},
			'/patterns/{slug}': {
				get: {
					operationId: 'getPattern',
					tags: ['patterns'],
					summary: 'A pattern with its figures and the companies most affected',
					parameters: [slugPath('The pattern slug, {category}-after-{trigger}.')],
					responses: responses('The pattern', one('PatternDetail'), { notFound: true })
				}
			}
		},
		components: {
			schemas: {
				Report: object(
					Object.fromEntries(
						exportColumns.map(([name, description]) => [
							name,
							{ ...reportColumnSchemas[name], description: description({}, { locale: 'en' }) }
						])
					),
					'A report with the columns of the exports (see /about/data).'
				),
				Company: object({
					slug: string,
					name: string,
					industry: nullable(enumOf(industries)),
					report_count: integer,
					url: uri
				}),
				CompanyDetail: object({
					slug: string,
					name: string,
					industry: nullable(enumOf(industries)),
					website: nullable(string),
					url: uri,
					scorecard: ref('Scorecard'),
					what_works: ref('WhatWorks')
				}),
				Pattern: object({
					slug: string,
					category: enumOf(categories),
					trigger: enumOf(triggers),
					report_count: integer,
					company_count: integer,
					me_too_count: integer,
					last_90_days: integer,
					previous_90_days: integer,
					url: uri
				}),
				PatternDetail: object({
					slug: string,
					category: enumOf(categories),
					trigger: enumOf(triggers),
					report_count: integer,
					company_count: integer,
					me_too_count: integer,
					url: uri,
					companies: {
						type: 'array',
						items: object({
							slug: string,
							name: string,
							reports_of_pattern: integer,
							report_count: integer
						})
					},
					scorecard: ref('Scorecard'),
					what_works: ref('WhatWorks')
				}),
				WhatWorksDetail: object({
					industry: nullable(enumOf(industries)),
					country: nullable(enumOf(countryCodes)),
					what_works: ref('WhatWorks')
				}),
				WhatWorks: object(
					Object.fromEntries(
						Object.entries(whatWorksProperties).map(([key, schema]) => [snake(key), schema])
					),
					'Which route resolved the cases written on Recourse, and how fast (see /about/methodology#what-works). Shares are count of n; medians in whole days, exact up to 730 days, then rounded down to a multiple of 30.'
				),
				Scorecard: object(
					Object.fromEntries(
						Object.entries(scorecardProperties).map(([key, schema]) => [snake(key), schema])
					),
					'Figures of a company or pattern; each shows the number of reports behind it.'
				),
				Problem: {
					type: 'object',
					description: 'An RFC 9457 problem document.',
					properties: {
						type: {
							type: 'string',
							format: 'uri',
							description: `What kind of problem: ${Object.keys(problemTypeDescriptions)
								.map((t) => `${origin}/api#problem-${t as ProblemType}`)
								.join(', ')}.`
						},
						title: string,
						status: { type: 'integer', minimum: 400, maximum: 599 },
						detail: string,
						parameter: { type: 'string', description: 'The first refused parameter.' },
						value: { type: 'string', description: 'Its value.' },
						allowed: {
							type: 'array',
							items: string,
							description: 'The values it takes, when they are a closed list.'
						},
						invalid_params: {
							type: 'array',
							description: 'Every refused parameter.',
							items: {
								type: 'object',
								properties: {
									parameter: string,
									value: string,
									reason: enumOf([
										'unknown-parameter',
										'unknown-value',
										'malformed',
										'out-of-range',
										'repeated',
										'too-many'
									]),
									allowed: { type: 'array', items: string },
									expected: string,
									detail: string
								},
								required: ['parameter', 'value', 'reason', 'detail'],
								additionalProperties: false
							}
						}
					},
					required: ['type', 'title', 'status', 'detail'],
					additionalProperties: false
				}
			}
		}
	};
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>;
