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
export const flagReasons = ['personal-data', 'abusive', 'defamatory', 'spam', 'duplicate'] as const;
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

export function parsePatternSlug(slug: string): { category: Category; trigger: Trigger } | null {
	const [category, trigger, ...rest] = slug.split('-after-');
	if (rest.length || !isOneOf(categories, category) || !isOneOf(triggers, trigger)) return null;
	if (trigger === 'none') return null;
	return { category, trigger };
}
