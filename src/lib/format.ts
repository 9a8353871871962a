/** Locale-aware formatting of numbers, money, dates and languages with Intl. */
import { getLocale } from '$lib/paraglide/runtime';
import { currencyDigits } from './taxonomy';

/**
 * Intl formatters are costly to build (tens of microseconds) and a scorecard formats hundreds
 * of values, so each is built once per (locale, options) and reused. Finding one is two map
 * lookups, not a key serialised per value.
 */
function perLocale<T, K = void>(build: (locale: string, key: K) => T): (key: K) => T {
	const byLocale = new Map<string, Map<K, T>>();
	return (key) => {
		const locale = getLocale();
		let byKey = byLocale.get(locale);
		if (!byKey) byLocale.set(locale, (byKey = new Map()));
		let value = byKey.get(key);
		if (value === undefined) {
			value = build(locale, key);
			byKey.set(key, value);
		}
		return value;
	};
}

const numberFormat = perLocale(
	(locale, maximumFractionDigits: number) =>
		new Intl.NumberFormat(locale, { maximumFractionDigits })
);
const moneyFormat = perLocale(
	(locale, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency })
);
const percentFormat = perLocale(
	(locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
);
const dayFormat = perLocale(
	(locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
);
const monthFormat = perLocale(
	(locale) => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })
);
const languageNames = perLocale((locale) => new Intl.DisplayNames([locale], { type: 'language' }));
const regionNames = perLocale((locale) => new Intl.DisplayNames([locale], { type: 'region' }));

/** Texts already made, per locale and kind; started again past this size. */
const TEXTS_KEPT = 10_000;
function remember<K>(texts: Map<K, string>, key: K, make: () => string): string {
	let text = texts.get(key);
	if (text === undefined) {
		text = make();
		if (texts.size >= TEXTS_KEPT) texts.clear();
		texts.set(key, text);
	}
	return text;
}

/**
 * Counts repeat from page to page and a scorecard shows a hundred of them: each text is made
 * once (formatting one costs about a microsecond, looking it up a twentieth of that).
 */
const numberTexts = perLocale((_locale, _digits: number) => new Map<number, string>());

export function formatNumber(value: number, maximumFractionDigits = 1): string {
	// A map does not tell -0 from 0; Intl writes "-0".
	if (Object.is(value, -0)) return numberFormat(maximumFractionDigits).format(value);
	return remember(numberTexts(maximumFractionDigits), value, () =>
		numberFormat(maximumFractionDigits).format(value)
	);
}

export function formatMoney(minor: number, currency: string): string {
	return moneyFormat(currency).format(minor / 10 ** currencyDigits(currency));
}

/** A calendar date stored as YYYY-MM-DD, shown without shifting across time zones. */
export function formatDay(isoDate: string): string {
	return dayFormat().format(new Date(`${isoDate}T00:00:00Z`));
}

const DAY_MS = 86_400_000;
const dayTexts = perLocale(() => new Map<number, string>());

/** The UTC calendar day of a timestamp: one text per day, however many reports share it. */
export function formatTimestamp(ms: number): string {
	const day = Math.floor(ms / DAY_MS);
	return remember(dayTexts(), day, () => dayFormat().format(day * DAY_MS));
}

const dateTimeFormat = perLocale(
	(locale) =>
		new Intl.DateTimeFormat(locale, {
			year: 'numeric',
			month: 'short',
			day: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			timeZone: 'UTC',
			timeZoneName: 'short'
		})
);

/** An instant with its time of day and time zone (UTC), e.g. "29 Nov 2026, 10:55 UTC". */
export function formatDateTime(ms: number): string {
	return dateTimeFormat().format(ms);
}

const monthTexts = perLocale(() => new Map<string, string>());

/** A calendar month (YYYY-MM) as "Mar 2026". */
export function formatMonth(month: string): string {
	return remember(monthTexts(), month, () =>
		monthFormat().format(Date.parse(`${month}-01T00:00:00Z`))
	);
}

export function languageName(code: string): string {
	try {
		return languageNames().of(code) ?? code;
	} catch {
		return code;
	}
}

/** A country's name in the reader's language, from its ISO 3166-1 alpha-2 code. */
export function countryName(code: string): string {
	try {
		return regionNames().of(code) ?? code;
	} catch {
		return code;
	}
}

/** A local date and optional time of day (HH:MM) as the reader writes them; no time zone shift. */
export function formatDayTime(isoDate: string, time: string | null): string {
	return time ? `${formatDay(isoDate)}, ${time}` : formatDay(isoDate);
}

/** Whole days from one calendar date to another, counting both ends. */
export function daysBetween(start: string, end: string): number {
	return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
}

export function formatPercent(share: number): string {
	return percentFormat().format(share);
}

const byteFormat = perLocale(
	(locale, unit: 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte') =>
		new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 })
);

/** A file size in the largest unit under which it stays at least 1 (decimal units: 1 kB = 1,000 bytes). */
export function formatBytes(bytes: number): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
	const power = Math.min(
		units.length - 1,
		Math.max(0, Math.floor(Math.log10(Math.max(bytes, 1)) / 3))
	);
	return byteFormat(units[power]!).format(bytes / 1000 ** power);
}
