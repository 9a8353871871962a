/** Locale-aware formatting of numbers, money, dates and languages with Intl. */
import { getLocale } from '$lib/paraglide/runtime';
import { currencyDigits } from './taxonomy';

/**
 * Intl formatters are costly to build (tens of microseconds) and a scorecard formats hundreds
 * of values, so each (kind, locale, options) formatter is built once and reused.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(
	key: string,
	build: () => T
): T {
	let formatter = cache.get(key) as T | undefined;
	if (!formatter) {
		formatter = build();
		cache.set(key, formatter);
	}
	return formatter;
}

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const locale = getLocale();
	return cached(
		`n|${locale}|${JSON.stringify(options)}`,
		() => new Intl.NumberFormat(locale, options)
	);
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const locale = getLocale();
	return cached(
		`d|${locale}|${JSON.stringify(options)}`,
		() => new Intl.DateTimeFormat(locale, options)
	);
}

export function formatNumber(value: number, maximumFractionDigits = 1): string {
	return numberFormat({ maximumFractionDigits }).format(value);
}

export function formatMoney(minor: number, currency: string): string {
	return numberFormat({ style: 'currency', currency }).format(
		minor / 10 ** currencyDigits(currency)
	);
}

/** A calendar date stored as YYYY-MM-DD, shown without shifting across time zones. */
export function formatDay(isoDate: string): string {
	return dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${isoDate}T00:00:00Z`)
	);
}

export function formatTimestamp(ms: number): string {
	return dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(ms));
}

/** A calendar month (YYYY-MM) as "Mar 2026". */
export function formatMonth(month: string): string {
	return dateFormat({ month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${month}-01T00:00:00Z`)
	);
}

export function languageName(code: string): string {
	const locale = getLocale();
	try {
		return (
			cached(`l|${locale}`, () => new Intl.DisplayNames([locale], { type: 'language' })).of(code) ??
			code
		);
	} catch {
		return code;
	}
}

/** Whole days from one calendar date to another, counting both ends. */
export function daysBetween(start: string, end: string): number {
	return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
}

export function formatPercent(share: number): string {
	return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(share);
}
