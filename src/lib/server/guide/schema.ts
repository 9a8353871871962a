/** The shape of an escalation route as the guide's data file holds it, checked on load (decision 023). */
import * as v from 'valibot';
import { escalations, industries } from '$lib/taxonomy';

const isoDate = v.pipe(
	v.string(),
	v.isoDate(),
	v.check((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a calendar date')
);

const period = v.strictObject({
	count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(400)),
	unit: v.picklist(['days', 'weeks', 'months'])
});

/**
 * When a body takes a case, counted from what the consumer did with the company:
 * - `none`: at once, even before the company has answered;
 * - `after-complaint`: once the consumer has complained to the company, no set wait;
 * - `after-first-contact`: a set time after the first complaint to the company;
 * - `final-response-or-after`: once the company gives its final response (a "deadlock letter"),
 *   or a set time after the first complaint, whichever comes first.
 */
const waitRule = v.variant('kind', [
	v.strictObject({ kind: v.literal('none') }),
	v.strictObject({ kind: v.literal('after-complaint') }),
	v.strictObject({ kind: v.literal('after-first-contact'), period }),
	v.strictObject({ kind: v.literal('final-response-or-after'), period })
]);

const text = v.pipe(v.string(), v.trim(), v.minLength(10));
/** What the body handles, in every interface language. */
const scope = v.strictObject({ en: text, ca: text, de: text, es: text, pl: text, ru: text });

export const guideRouteSchema = v.strictObject({
	id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
	country: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/))),
	/** ISO 3166-2 subdivision when the body serves only one region (Catalonia's agency). */
	region: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/))),
	industries: v.union([v.literal('all'), v.pipe(v.array(v.picklist(industries)), v.minLength(1))]),
	kind: v.picklist(['ombudsman', 'regulator', 'adr', 'consumer-office', 'company']),
	name: v.pipe(v.string(), v.trim(), v.minLength(2)),
	url: v.pipe(v.string(), v.url(), v.startsWith('https://')),
	checkedOn: isoDate,
	wait: waitRule,
	/** For bodies that pass the complaint on: how long the company then has to answer (CFPB: 15 days). */
	companyReplies: v.optional(period),
	escalation: v.picklist(escalations),
	/** The id of a body this one stands in for (another scheme the company may belong to instead). */
	alternativeTo: v.optional(v.string()),
	scope
});

export const guideSchema = v.pipe(
	v.array(guideRouteSchema),
	v.check((routes) => new Set(routes.map((r) => r.id)).size === routes.length, 'duplicate id'),
	v.check((routes) => routes.some((r) => r.country === null), 'no generic route'),
	v.check(
		(routes) =>
			routes.every(
				(r) => r.alternativeTo === undefined || routes.some((o) => o.id === r.alternativeTo)
			),
		'alternativeTo names no route'
	)
);

export type Period = v.InferOutput<typeof period>;
export type WaitRule = v.InferOutput<typeof waitRule>;
