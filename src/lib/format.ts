/** Locale-aware formatting of numbers, money, dates and languages with Intl. */
import { getLocale } from '$lib/paraglide/runtime';
import { currencyDigits } from './taxonomy';

export function formatNumber(value: number, maximumFractionDigits = 1): string {
	return new Intl.NumberFormat(getLocale(), { maximumFractionDigits }).format(value);
}

export function formatMoney(minor: number, currency: string): string {
	const digits = currencyDigits(currency);
	return new Intl.NumberFormat(getLocale(), { style: 'currency', currency }).format(
		minor / 10 ** digits
	);
}

/** A calendar date stored as YYYY-MM-DD, shown without shifting across time zones. */
export function formatDay(isoDate: string): string {
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${isoDate}T00:00:00Z`)
	);
}

export function formatTimestamp(ms: number): string {
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(ms)
	);
}

export function languageName(code: string): string {
	try {
		return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/** Whole days from one calendar date to another, counting both ends. */
export function daysBetween(start: string, end: string): number {
	return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
}

export function formatPercent(share: number): string {
	return new Intl.NumberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(
		share
	);
}
