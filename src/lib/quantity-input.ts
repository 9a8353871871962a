/**
 * Numbers as people type them: money with the grouping and decimal separators of their locale or
 * the obvious international forms (`7,455`, `7455.00`, `1.234,56`, `12 400`, `1'234.50`), and
 * counts given as a lower bound (`50+`). Shared by the form (live echo) and the server (authority).
 */
import { currencyDigits } from './taxonomy';

/** Why a typed amount was refused: not a number at all, or more decimals than the currency has. */
export type MoneyProblem = 'format' | 'decimals';
export type MoneyParse = { ok: true; minor: number } | { ok: false; problem: MoneyProblem };

const decimalSeparators = new Map<string, string>();

/** The decimal separator of a locale, from the platform's own CLDR data ("," in de, "." in en). */
export function decimalSeparator(locale: string): string {
	let separator = decimalSeparators.get(locale);
	if (separator === undefined) {
		separator =
			new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ??
			'.';
		decimalSeparators.set(locale, separator);
	}
	return separator;
}

// Spaces of every width (Intl formats French and Russian with U+202F and U+00A0) and apostrophes
// (Swiss 1'234.50, typographic ’) only ever group digits.
const groupingOnly = /[\s\u00a0\u202f\u2009'’]/;
const WHOLE_DIGITS_MAX = 12;

/**
 * Reads a typed amount as integer minor units of `currency`. One separator followed by exactly
 * three digits (`7,455`, `1.234`) is ambiguous: it groups thousands unless it is the decimal
 * separator of the reader's `locale`, where it is refused as too many decimals rather than guessed.
 */
export function parseMoney(text: string, currency: string, locale: string): MoneyParse {
	const typed = text.trim();
	if (!/^[\d\s\u00a0\u202f\u2009'’.,]+$/.test(typed) || !/\d/.test(typed)) {
		return { ok: false, problem: 'format' };
	}
	const marks = [...typed.matchAll(/[^\d]/g)].map((m) => ({ mark: m[0], at: m.index }));
	let decimalAt = -1;
	const last = marks[marks.length - 1];
	if (last && !groupingOnly.test(last.mark)) {
		const sameKind = marks.filter((m) => m.mark === last.mark).length;
		const otherPoint = marks.some((m) => m.mark !== last.mark && !groupingOnly.test(m.mark));
		const after = typed.length - last.at - 1;
		if (otherPoint) {
			// Both "," and "." appear: the last one is the decimal separator.
			if (sameKind > 1) return { ok: false, problem: 'format' };
			decimalAt = last.at;
		} else if (sameKind === 1 && (after !== 3 || last.mark === decimalSeparator(locale))) {
			decimalAt = last.at;
		}
	}
	const whole = decimalAt < 0 ? typed : typed.slice(0, decimalAt);
	const fraction = decimalAt < 0 ? '' : typed.slice(decimalAt + 1);
	if (!/^\d*$/.test(fraction) || (decimalAt >= 0 && fraction === '')) {
		return { ok: false, problem: 'format' };
	}
	const groups = whole.split(/[^\d]/);
	if (groups.length > 1) {
		// Grouped digits come in threes after a first group of one to three.
		const [first = '', ...rest] = groups;
		if (!/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) {
			return { ok: false, problem: 'format' };
		}
		const separators = new Set(marks.filter((m) => m.at < whole.length).map((m) => m.mark));
		if (separators.size > 1 && ![...separators].every((s) => groupingOnly.test(s))) {
			return { ok: false, problem: 'format' };
		}
	}
	const digitsOfWhole = groups.join('').replace(/^0+(?=\d)/, '');
	if (digitsOfWhole.length > WHOLE_DIGITS_MAX || (whole === '' && fraction === '')) {
		return { ok: false, problem: 'format' };
	}
	const digits = currencyDigits(currency);
	const significantFraction = fraction.replace(/0+$/, '');
	if (significantFraction.length > digits) return { ok: false, problem: 'decimals' };
	const minor =
		Number(digitsOfWhole || '0') * 10 ** digits +
		Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
	return { ok: true, minor };
}

export type CountParse =
	{ ok: true; value: number; atLeast: boolean } | { ok: false; problem: 'format' };

/** Reads `22`, `50+`, `>50` or `≥50` (spaces allowed) as a whole number and whether it is a lower bound. */
export function parseCount(text: string): CountParse {
	const match = text.trim().match(/^(?:([>≥])\s*)?(\d{1,7})(?:\s*(\+))?$/);
	if (!match || (match[1] && match[3])) return { ok: false, problem: 'format' };
	return { ok: true, value: Number(match[2]), atLeast: Boolean(match[1] || match[3]) };
}

/** A stored count as typed back into the form or shown on a page: `50+` for a lower bound. */
export function formatCount(value: number | null, atLeast: boolean, locale?: string): string {
	if (value === null) return '';
	const shown = locale ? new Intl.NumberFormat(locale).format(value) : String(value);
	return atLeast ? `${shown}+` : shown;
}
