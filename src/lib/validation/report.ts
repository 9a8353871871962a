/** The report form's one schema: the action's authority, and the source of the page's input limits. */
import * as v from 'valibot';
import { firstErrors } from './form-data';
import { m } from '$lib/paraglide/messages';
import {
	categories,
	channels,
	currencies,
	currencyDigits,
	escalations,
	industries,
	outcomes,
	reportLanguages,
	triggers
} from '$lib/taxonomy';

export const reportFields = [
	'company',
	'website',
	'industry',
	'title',
	'product',
	'category',
	'trigger',
	'startedOn',
	'endedOn',
	'contacts',
	'hours',
	'agents',
	'promisesBroken',
	'channels',
	'escalations',
	'currency',
	'amountDisputed',
	'amountRecovered',
	'outcome',
	'rating',
	'narrative',
	'language'
] as const;
export type ReportField = (typeof reportFields)[number];
/** The raw text of the form, as typed. */
export type ReportFormValues = Partial<Record<ReportField, string | string[]>>;
/** What a submission that did not save sends back to the form. */
export type ReportFormFailure = {
	values: ReportFormValues;
	errors: Partial<Record<ReportField, string>>;
	/** A listed company the user probably means (its website is already listed). */
	existing?: { slug: string; name: string };
	suggestions?: { slug: string; name: string }[];
	preview?: string;
	/** Personal data that publishing would remove; the author confirms or edits first. */
	redactions?: { kind: string; text: string }[];
};
export const reportMultiFields = ['channels', 'escalations'] as const satisfies ReportField[];

/** Input limits shared by the HTML attributes of the form and the server's checks. */
export const limits = {
	company: 120,
	website: 200,
	title: 140,
	product: 120,
	narrative: 20_000,
	narrativeMin: 30,
	count: 10_000,
	hours: 10_000,
	amount: 1_000_000_000
} as const;

const requiredText = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(() => m.error_required()),
		v.maxLength(max, () => m.error_too_long({ max }))
	);

const optionalText = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(max, () => m.error_too_long({ max }))
	);

const choice = <T extends string>(list: readonly T[]) => v.picklist(list, () => m.error_choose());

const optionalChoice = <T extends string>(list: readonly T[]) =>
	v.pipe(
		v.string(),
		v.transform((s) => (s === '' ? null : s)),
		v.nullable(v.picklist(list, () => m.error_choose()))
	);

/** A whole number 0..max typed in a text field, or null when left empty. */
const optionalCount = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.check(
			(s) => s === '' || /^\d+$/.test(s),
			() => m.error_whole_number()
		),
		v.transform((s) => (s === '' ? null : Number(s))),
		v.nullable(
			v.pipe(
				v.number(),
				v.maxValue(max, () => m.error_at_most({ max }))
			)
		)
	);

/** Hours with up to two decimals (comma or point), stored as whole minutes. */
const optionalHours = v.pipe(
	v.string(),
	v.trim(),
	v.check(
		(s) => s === '' || /^\d{1,5}([.,]\d{1,2})?$/.test(s),
		() => m.error_hours()
	),
	v.transform((s) => (s === '' ? null : Math.round(Number(s.replace(',', '.')) * 60))),
	v.nullable(
		v.pipe(
			v.number(),
			v.maxValue(limits.hours * 60, () => m.error_at_most({ max: limits.hours }))
		)
	)
);

/** An amount like 7455 or 88.77 (comma or point), kept as text until the currency is known. */
const optionalAmount = v.pipe(
	v.string(),
	v.trim(),
	v.check(
		(s) => s === '' || /^\d{1,10}([.,]\d{1,3})?$/.test(s),
		() => m.error_amount()
	)
);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(s: string): boolean {
	if (!isoDate.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1970-01-01';
}
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
	company: requiredText(limits.company),
	website: optionalText(limits.website),
	industry: optionalChoice(industries),
	title: requiredText(limits.title),
	product: requiredText(limits.product),
	category: choice(categories),
	trigger: optionalChoice(triggers),
	startedOn: date,
	endedOn: optionalDate,
	contacts: optionalCount(limits.count),
	hours: optionalHours,
	agents: optionalCount(limits.count),
	promisesBroken: optionalCount(limits.count),
	channels: v.array(choice(channels)),
	escalations: v.array(choice(escalations)),
	currency: optionalChoice(currencies),
	amountDisputed: optionalAmount,
	amountRecovered: optionalAmount,
	outcome: choice(outcomes),
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
/** The decimals allowed for the currency named in a failed check's input (¥ has none, € two). */
function decimalsMessage(issue: { input: unknown }): string {
	const { currency } = issue.input as { currency: string };
	return m.error_amount_decimals({ digits: currencyDigits(currency) });
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
			[['currency'], ['amountDisputed']],
			(r) => r.currency === null || toMinorUnits(r.amountDisputed, r.currency) !== undefined,
			decimalsMessage
		),
		['amountDisputed']
	),
	v.forward(
		v.partialCheck(
			[['currency'], ['amountRecovered']],
			(r) => r.currency === null || toMinorUnits(r.amountRecovered, r.currency) !== undefined,
			decimalsMessage
		),
		['amountRecovered']
	),
	v.forward(
		v.partialCheck(
			[['currency'], ['amountDisputed'], ['amountRecovered']],
			(r) => r.currency !== null || (r.amountDisputed === '' && r.amountRecovered === ''),
			() => m.error_currency_needed()
		),
		['currency']
	)
);

export type ReportInput = Omit<
	v.InferOutput<typeof reportSchema>,
	'amountDisputed' | 'amountRecovered' | 'hours'
> & {
	effortMinutes: number | null;
	amountDisputedMinor: number | null;
	amountRecoveredMinor: number | null;
};

/** Decimal text to integer minor units, or undefined when the currency has fewer decimals. */
export function toMinorUnits(amount: string, currency: string): number | null | undefined {
	if (amount === '') return null;
	const [whole = '0', fraction = ''] = amount.replace(',', '.').split('.');
	const digits = currencyDigits(currency);
	if (fraction.length > digits) return undefined;
	return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

export type ReportParse =
	{ ok: true; input: ReportInput } | { ok: false; errors: Partial<Record<ReportField, string>> };

/** Validates the raw form strings of a report. */
export function parseReport(raw: Record<string, unknown>): ReportParse {
	const result = v.safeParse(reportSchema, raw);
	if (!result.success) {
		return { ok: false, errors: firstErrors(result.issues) };
	}
	const { hours, amountDisputed, amountRecovered, ...rest } = result.output;
	// The schema has checked that each amount fits its currency's decimals.
	const minor = (amount: string) =>
		rest.currency ? (toMinorUnits(amount, rest.currency) ?? null) : null;
	const amountDisputedMinor = minor(amountDisputed);
	const amountRecoveredMinor = minor(amountRecovered);
	return {
		ok: true,
		input: {
			...rest,
			channels: [...new Set(rest.channels)],
			escalations: [...new Set(rest.escalations)],
			effortMinutes: hours,
			amountDisputedMinor,
			amountRecoveredMinor
		}
	};
}
