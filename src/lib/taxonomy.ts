/** The controlled vocabularies of a report: stable slugs shared by the database, validation, URLs and labels. */

export const categories = [
	'billing-error',
	'service-outage',
	'cancellation-obstructed',
	'refund-refused',
	'unreachable-support',
	'broken-promise',
	'account-closed',
	'rude-staff',
	'misleading-sales',
	'data-privacy'
] as const;
export type Category = (typeof categories)[number];

export const triggers = [
	'death-of-account-holder',
	'moving-house',
	'switching-plan',
	'cancellation',
	'new-account',
	'name-change',
	'none'
] as const;
export type Trigger = (typeof triggers)[number];

export const channels = ['phone', 'chat', 'email', 'in-store', 'social-media', 'letter'] as const;
export type Channel = (typeof channels)[number];

export const escalations = [
	'supervisor',
	'executive-office',
	'regulator',
	'media',
	'court',
	'other'
] as const;
export type Escalation = (typeof escalations)[number];

export const outcomes = ['unresolved', 'partly-resolved', 'resolved'] as const;
export type Outcome = (typeof outcomes)[number];

/** Where a report comes from. */
export const reportSources = ['recourse', 'cfpb'] as const;
export type ReportSource = (typeof reportSources)[number];

/** What a company says it did in its public response. */
export const responseActions = [
	'explanation',
	'fixed',
	'monetary-relief',
	'non-monetary-relief',
	'no-action'
] as const;
export type ResponseAction = (typeof responseActions)[number];

/** The consumer's answer to a company response. */
export const verdicts = ['accepted', 'disputed'] as const;
export type Verdict = (typeof verdicts)[number];

/** Why a report or response is flagged, and why a moderator hid it. */
export const flagReasons = [
	'personal-data',
	'abusive',
	'defamatory',
	'spam',
	'duplicate',
	'implausible-amount'
] as const;
export type FlagReason = (typeof flagReasons)[number];

export const industries = [
	'telecom',
	'internet',
	'energy',
	'water',
	'banking',
	'insurance',
	'retail',
	'shipping',
	'travel',
	'streaming',
	'public-service',
	'other'
] as const;
export type Industry = (typeof industries)[number];

/** ISO 4217 codes offered on the form; amounts are stored in each currency's minor unit. */
export const currencies = [
	'USD',
	'EUR',
	'GBP',
	'CAD',
	'AUD',
	'CHF',
	'PLN',
	'CZK',
	'SEK',
	'NOK',
	'DKK',
	'RUB',
	'UAH',
	'TRY',
	'INR',
	'BRL',
	'MXN',
	'JPY',
	'ILS'
] as const;
export type Currency = (typeof currencies)[number];

/** Languages a report may be written in (BCP 47). Names come from Intl.DisplayNames, not from us. */
export const reportLanguages = [
	'en',
	'ca',
	'de',
	'es',
	'fr',
	'it',
	'pt',
	'nl',
	'pl',
	'ru',
	'uk',
	'cs',
	'sv',
	'tr',
	'el',
	'ar',
	'he',
	'hi',
	'zh',
	'ja',
	'ko'
] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point of a currency, from the platform's own ISO 4217 data. */
export function currencyDigits(currency: string): number {
	let digits = digitsByCurrency.get(currency);
	if (digits === undefined) {
		digits =
			new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
				.maximumFractionDigits ?? 2;
		digitsByCurrency.set(currency, digits);
	}
	return digits;
}

/**
 * Per currency, in whole units, about 100,000 euros (rounded to a plain figure in each): a
 * report with a larger amount is published and sent to moderators, so that one mistyped or
 * invented figure does not carry a sum unseen. A hundred times that (about ten million euros,
 * far beyond a consumer case) is refused. Decision 019.
 */
const amountReviewAbove: Record<Currency, number> = {
	USD: 100_000,
	EUR: 100_000,
	GBP: 100_000,
	CAD: 150_000,
	AUD: 150_000,
	CHF: 100_000,
	PLN: 500_000,
	CZK: 2_500_000,
	SEK: 1_000_000,
	NOK: 1_000_000,
	DKK: 750_000,
	RUB: 10_000_000,
	UAH: 5_000_000,
	TRY: 5_000_000,
	INR: 10_000_000,
	BRL: 500_000,
	MXN: 2_000_000,
	JPY: 15_000_000,
	ILS: 400_000
};

/** Above this (minor units) an amount is published but sent to moderators. */
export function amountReviewMinor(currency: Currency): number {
	return amountReviewAbove[currency] * 10 ** currencyDigits(currency);
}

/** The largest amount (minor units) a report may give in this currency. */
export function amountMaxMinor(currency: Currency): number {
	return amountReviewMinor(currency) * 100;
}

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/**
 * A pattern is a category of failure after a triggering life event ("billing error after the
 * death of the account holder"). Reports without a trigger, or with "none", belong to none.
 */
export function patternSlug(category: string, trigger: string | null): string | null {
	if (!trigger || trigger === 'none') return null;
	return `${category}-after-${trigger}`;
}

/**
 * Every pattern a report belongs to: each category it names after each circumstance it names
 * (decision 028), so a report naming two of each is in up to four patterns.
 */
export function patternSlugs(
	categories: readonly string[],
	triggers: readonly (string | null)[]
): string[] {
	return categories.flatMap((category) =>
		triggers.flatMap((trigger) => patternSlug(category, trigger) ?? [])
	);
}

/**
 * A report's circumstances from the form: the main one first, then the others in the order
 * given, each once; "none" only when nothing else is named.
 */
export function caseTriggers(main: Trigger | null, more: readonly Trigger[]): Trigger[] {
	const all = [...new Set([...(main ? [main] : []), ...more])];
	return all.length > 1 ? all.filter((t) => t !== 'none') : all;
}

/** A report's categories: the primary first, then the further ones in the order given, each once. */
export function caseCategories(primary: Category, more: readonly Category[]): Category[] {
	return [...new Set([primary, ...more])];
}

export function parsePatternSlug(slug: string): { category: Category; trigger: Trigger } | null {
	const [category, trigger, ...rest] = slug.split('-after-');
	if (rest.length || !isOneOf(categories, category) || !isOneOf(triggers, trigger)) return null;
	if (trigger === 'none') return null;
	return { category, trigger };
}
