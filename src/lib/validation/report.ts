/** The report form's one schema: the action's authority, and the source of the page's input limits. */
import * as v from 'valibot';
import { oneLine } from '../one-line';
import { firstErrors } from './form-data';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { parseCount, parseMoney } from '$lib/quantity-input';
import {
	isRealDate,
	parseEventRows,
	resolutionRoutes,
	EVENT_NOTE_MAX,
	TIMELINE_MAX_EVENTS,
	type CaseEvent,
	type EventErrorCode,
	type EventField,
	type EventFormRow
} from '$lib/case-timeline';
import { formatMoney } from '$lib/format';
import {
	amountMaxMinor,
	categories,
	channels,
	currencies,
	currencyDigits,
	escalations,
	industries,
	outcomes,
	reportLanguages,
	triggers,
	caseCategories,
	caseTriggers,
	type Currency
} from '$lib/taxonomy';

export const reportFields = [
	'company',
	'website',
	'industry',
	'title',
	'product',
	'category',
	'categories',
	'trigger',
	'triggers',
	'startedOn',
	'endedOn',
	'contacts',
	'hours',
	'agents',
	'promisesBroken',
	'channels',
	'escalations',
	'currency',
	'orderValue',
	'amountDisputed',
	'amountRecovered',
	'country',
	'region',
	'outcome',
	'resolvedBy',
	'rating',
	'narrative',
	'language'
] as const;
export type ReportField = (typeof reportFields)[number];
/** The raw text of the form, as typed, with the timeline's rows. */
export type ReportFormValues = Partial<Record<ReportField, string | string[]>> & {
	events?: EventFormRow[];
};
/** A timeline field's error key: `event.<row>.<field>`. */
export type EventErrorKey = `event.${number}.${EventField}`;
/** Errors beside the fields they concern. */
export type ReportErrors = Partial<Record<ReportField | EventErrorKey, string>>;
/** What a submission that did not save sends back to the form. */
export type ReportFormFailure = {
	values: ReportFormValues;
	errors: ReportErrors;
	/** A listed company the user probably means (its website is already listed). */
	existing?: { slug: string; name: string };
	suggestions?: { slug: string; name: string }[];
	preview?: string;
	/** After a preview: the amounts and counts as the server read them, formatted for the reader. */
	readAs?: Partial<
		Record<'orderValue' | 'amountDisputed' | 'amountRecovered' | 'contacts' | 'agents', string>
	>;
	/** Personal data that publishing would remove; the author confirms or edits first. */
	redactions?: { kind: string; text: string }[];
};
export const reportMultiFields = [
	'categories',
	'triggers',
	'channels',
	'escalations'
] as const satisfies ReportField[];

/** Input limits shared by the HTML attributes of the form and the server's checks. */
export const limits = {
	company: 120,
	website: 200,
	title: 140,
	product: 120,
	narrative: 20_000,
	narrativeMin: 30,
	count: 10_000,
	hours: 10_000
} as const;

/** A one-line text (a name, a title): line breaks and control characters fold to a space. */
const requiredLine = (max: number) =>
	v.pipe(
		v.string(),
		v.transform(oneLine),
		v.nonEmpty(() => m.error_required()),
		v.maxLength(max, () => m.error_too_long({ max }))
	);

const optionalLine = (max: number) =>
	v.pipe(
		v.string(),
		v.transform(oneLine),
		v.maxLength(max, () => m.error_too_long({ max }))
	);

const choice = <T extends string>(list: readonly T[]) => v.picklist(list, () => m.error_choose());

const optionalChoice = <T extends string>(list: readonly T[]) =>
	v.pipe(
		v.string(),
		v.transform((s) => (s === '' ? null : s)),
		v.nullable(v.picklist(list, () => m.error_choose()))
	);

/** A number and whether the consumer gave it as a lower bound ("50+"). */
type Bounded = { value: number; atLeast: boolean } | null;

/** A whole number 0..max typed in a text field, "50+" for "at least 50", or null when left empty. */
const optionalCount = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.check(
			(s) => s === '' || parseCount(s).ok,
			() => m.error_whole_number()
		),
		v.transform((s): Bounded => {
			const parsed = parseCount(s);
			return s === '' || !parsed.ok ? null : { value: parsed.value, atLeast: parsed.atLeast };
		}),
		v.check(
			(b) => b === null || b.value <= max,
			() => m.error_at_most({ max })
		)
	);

/** A whole number 0..max with no lower bound (broken promises are counted, not estimated). */
const optionalExactCount = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.check(
			(s) => s === '' || /^\d{1,7}$/.test(s),
			() => m.error_whole_number()
		),
		v.transform((s) => (s === '' ? null : Number(s))),
		v.check(
			(n) => n === null || n <= max,
			() => m.error_at_most({ max })
		)
	);

/** Hours with up to two decimals (comma or point), "112+" for a lower bound; stored as whole minutes. */
const optionalHours = v.pipe(
	v.string(),
	v.trim(),
	v.check(
		(s) => s === '' || /^(?:[>≥]\s*)?\d{1,5}([.,]\d{1,2})?(?:\s*\+)?$/.test(s),
		() => m.error_hours()
	),
	v.transform((s): Bounded => {
		if (s === '') return null;
		const number = s.replace(/[>≥+\s]/g, '').replace(',', '.');
		return { value: Math.round(Number(number) * 60), atLeast: /[>≥+]/.test(s) };
	}),
	v.check(
		(b) => b === null || b.value <= limits.hours * 60,
		() => m.error_at_most({ max: limits.hours })
	)
);

/**
 * An amount as typed (`7,455`, `1.234,56`, `12 400`), kept as text until the currency is known;
 * the shape is checked here with any currency, the decimals once the currency is known.
 */
const optionalAmount = v.pipe(
	v.string(),
	v.trim(),
	v.check(
		(s) => s === '' || isAmountShape(s),
		() => m.error_amount()
	)
);

/** Whether text reads as an amount at all (its decimals are checked against the currency later). */
function isAmountShape(text: string): boolean {
	const parsed = parseMoney(text, 'XXX', getLocale());
	return parsed.ok || parsed.problem === 'decimals';
}

/** ISO 3166-1 alpha-2 ("ES"); whether it exists is checked on the server (places.ts). */
const optionalCountry = v.pipe(
	v.string(),
	v.trim(),
	v.check(
		(s) => s === '' || /^[A-Z]{2}$/.test(s),
		() => m.error_choose()
	),
	v.transform((s) => (s === '' ? null : s))
);
const optionalRegion = v.pipe(
	v.string(),
	v.trim(),
	v.check(
		(s) => s === '' || /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(s),
		() => m.error_choose()
	),
	v.transform((s) => (s === '' ? null : s))
);

/** Tomorrow in UTC: the latest date anyone on Earth can be living today. */
function latestPossibleDate(): string {
	return new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}
const date = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty(() => m.error_required()),
	v.check(isRealDate, () => m.error_date()),
	v.check(
		(s) => s <= latestPossibleDate(),
		() => m.error_date_future()
	)
);
const optionalDate = v.pipe(
	v.string(),
	v.trim(),
	v.check(
		(s) => s === '' || isRealDate(s),
		() => m.error_date()
	),
	v.check(
		(s) => s === '' || s <= latestPossibleDate(),
		() => m.error_date_future()
	),
	v.transform((s) => (s === '' ? null : s))
);

const reportObject = v.object({
	company: requiredLine(limits.company),
	website: optionalLine(limits.website),
	industry: optionalChoice(industries),
	title: requiredLine(limits.title),
	product: requiredLine(limits.product),
	category: choice(categories),
	// Further categories and circumstances (decision 028); optional keys for forms of before.
	categories: v.optional(v.array(choice(categories)), []),
	trigger: optionalChoice(triggers),
	triggers: v.optional(v.array(choice(triggers)), []),
	startedOn: date,
	endedOn: optionalDate,
	contacts: optionalCount(limits.count),
	hours: optionalHours,
	agents: optionalCount(limits.count),
	promisesBroken: optionalExactCount(limits.count),
	channels: v.array(choice(channels)),
	escalations: v.array(choice(escalations)),
	currency: optionalChoice(currencies),
	// Fields added after the first release are optional keys: a form loaded before an upgrade still posts.
	orderValue: v.optional(optionalAmount, ''),
	amountDisputed: optionalAmount,
	amountRecovered: optionalAmount,
	country: v.optional(optionalCountry, ''),
	region: v.optional(optionalRegion, ''),
	outcome: choice(outcomes),
	resolvedBy: v.optional(optionalChoice(resolutionRoutes), ''),
	rating: v.pipe(
		v.string(),
		v.check(
			(s) => /^[1-5]$/.test(s),
			() => m.error_rating()
		),
		v.transform(Number)
	),
	narrative: v.pipe(
		v.string(),
		v.trim(),
		v.minLength(limits.narrativeMin, () => m.error_narrative_short({ min: limits.narrativeMin })),
		v.maxLength(limits.narrative, () => m.error_too_long({ max: limits.narrative }))
	),
	language: choice(reportLanguages)
});
const amountFields = ['orderValue', 'amountDisputed', 'amountRecovered'] as const;

/**
 * What is wrong with a typed amount once its currency is known: more decimals than the currency
 * has, or more than a report may give in it (taxonomy's amountMaxMinor, decision 019).
 */
function amountProblem(amount: string, currency: string): 'decimals' | 'too-large' | null {
	const minor = toMinorUnits(amount, currency);
	if (minor === undefined) return 'decimals';
	return minor !== null && minor > amountMaxMinor(currency as Currency) ? 'too-large' : null;
}

/** The message for an amount field's failed check, read from the check's input. */
function amountMessage(field: (typeof amountFields)[number]) {
	return (issue: { input: unknown }): string => {
		const input = issue.input as { currency: Currency } & Record<typeof field, string>;
		const { currency } = input;
		return amountProblem(input[field], currency) === 'too-large'
			? m.error_amount_at_most({ max: formatMoney(amountMaxMinor(currency), currency) })
			: m.error_amount_decimals({ digits: currencyDigits(currency) });
	};
}

const reportSchema = v.pipe(
	reportObject,
	v.forward(
		v.partialCheck(
			[['startedOn'], ['endedOn']],
			(r) => r.endedOn === null || r.endedOn >= r.startedOn,
			() => m.error_end_before_start()
		),
		['endedOn']
	),
	v.forward(
		v.partialCheck(
			[['currency'], ['orderValue']],
			(r) => r.currency === null || amountProblem(r.orderValue, r.currency) === null,
			amountMessage('orderValue')
		),
		['orderValue']
	),
	v.forward(
		v.partialCheck(
			[['currency'], ['amountDisputed']],
			(r) => r.currency === null || amountProblem(r.amountDisputed, r.currency) === null,
			amountMessage('amountDisputed')
		),
		['amountDisputed']
	),
	v.forward(
		v.partialCheck(
			[['currency'], ['amountRecovered']],
			(r) => r.currency === null || amountProblem(r.amountRecovered, r.currency) === null,
			amountMessage('amountRecovered')
		),
		['amountRecovered']
	),
	v.forward(
		v.partialCheck(
			[['currency'], ['orderValue'], ['amountDisputed'], ['amountRecovered']],
			(r) => r.currency !== null || amountFields.every((field) => r[field] === ''),
			() => m.error_currency_needed()
		),
		['currency']
	),
	v.forward(
		v.partialCheck(
			[['country'], ['region']],
			(r) => r.region === null || (r.country !== null && r.region.startsWith(`${r.country}-`)),
			() => m.error_region_country()
		),
		['region']
	)
);

export type ReportInput = Omit<
	v.InferOutput<typeof reportSchema>,
	'orderValue' | 'amountDisputed' | 'amountRecovered' | 'hours' | 'contacts' | 'agents'
> & {
	contacts: number | null;
	contactsAtLeast: boolean;
	agents: number | null;
	agentsAtLeast: boolean;
	effortMinutes: number | null;
	effortAtLeast: boolean;
	orderValueMinor: number | null;
	amountDisputedMinor: number | null;
	amountRecoveredMinor: number | null;
	/** The case's timeline, in time order (empty when the author gave none). */
	events: CaseEvent[];
};

/**
 * Typed amount to integer minor units in the reader's locale: null when empty, undefined when it
 * is not an amount or has more decimals than the currency.
 */
export function toMinorUnits(
	amount: string,
	currency: string,
	locale = getLocale()
): number | null | undefined {
	if (amount.trim() === '') return null;
	const parsed = parseMoney(amount, currency, locale);
	return parsed.ok ? parsed.minor : undefined;
}

export type ReportParse = { ok: true; input: ReportInput } | { ok: false; errors: ReportErrors };

const eventMessages: Record<EventErrorCode, () => string> = {
	kind: () => m.error_choose(),
	date: () => m.error_date(),
	'date-future': () => m.error_date_future(),
	time: () => m.error_time(),
	'promised-date': () => m.error_date(),
	'promised-needed': () => m.error_promised_needed(),
	'escalation-needed': () => m.error_escalation_needed(),
	'note-too-long': () => m.error_too_long({ max: EVENT_NOTE_MAX }),
	'too-many': () => m.error_too_many_events({ max: TIMELINE_MAX_EVENTS })
};

/** Validates the raw form strings of a report and its timeline's rows. */
export function parseReport(raw: ReportFormValues): ReportParse {
	const result = v.safeParse(reportSchema, raw);
	const timeline = parseEventRows(raw.events ?? [], latestPossibleDate());
	if (!result.success || !timeline.ok) {
		const errors: ReportErrors = result.success ? {} : firstErrors(result.issues);
		if (!timeline.ok) {
			for (const [key, code] of Object.entries(timeline.errors)) {
				errors[key as EventErrorKey] = eventMessages[code]();
			}
		}
		return { ok: false, errors };
	}
	const { hours, contacts, agents, orderValue, amountDisputed, amountRecovered, ...rest } =
		result.output;
	// The schema has checked that each amount fits its currency's decimals.
	const minor = (amount: string) =>
		rest.currency ? (toMinorUnits(amount, rest.currency) ?? null) : null;
	const caseTriggerList = caseTriggers(rest.trigger, rest.triggers);
	return {
		ok: true,
		input: {
			...rest,
			categories: caseCategories(rest.category, rest.categories),
			trigger: caseTriggerList[0] ?? null,
			triggers: caseTriggerList,
			channels: [...new Set(rest.channels)],
			escalations: [...new Set(rest.escalations)],
			contacts: contacts?.value ?? null,
			contactsAtLeast: contacts?.atLeast ?? false,
			agents: agents?.value ?? null,
			agentsAtLeast: agents?.atLeast ?? false,
			effortMinutes: hours?.value ?? null,
			effortAtLeast: hours?.atLeast ?? false,
			orderValueMinor: minor(orderValue),
			amountDisputedMinor: minor(amountDisputed),
			amountRecoveredMinor: minor(amountRecovered),
			events: timeline.events
		}
	};
}
