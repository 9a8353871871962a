/**
 * Phone numbers of any country, found by libphonenumber-js's port of Google's PhoneNumberMatcher
 * (decision 013). Dates, versions, order numbers and links are blanked out before the text gets
 * here (never-personal.ts), so what is left to tell apart is phones from amounts and counts.
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import type { Span } from './never-personal';

const digits = (s: string) => s.replace(/\D/g, '');

/**
 * At the matcher's default leniency, VALID, a candidate must be a number that some country
 * actually assigns (area code, length and number type), which is what tells "600 123 456" from
 * "7,455". Written with a country code ("+48 …", "0044 …") a number is read as what it says;
 * written without one, as a number of each interface country in turn.
 */
const phoneCountries: readonly CountryCode[] = ['US', 'GB', 'ES', 'DE', 'RU', 'PL'];

/**
 * In Britain and Germany a number is written at home with its trunk prefix 0 ("030 1234567"),
 * so one written without it is not read as theirs. Without this rule German numbers, which take
 * almost any length, swallow dates ("2024-03-01"), years ("2019-2024") and amounts ("30.000").
 * Russia's 8 is often left out ("(495) 123-45-67") and its numbers have one length: not here.
 */
const trunkPrefixRequired: ReadonlySet<CountryCode> = new Set(['GB', 'DE']);

// A date inside a candidate ("03.01.2024", "1/3/24"): German numbers are loose enough to take it.
const dateInside = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d)/u;
const plausibleDate = (a: number, b: number) =>
	a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));

// Runs of digits and the characters numbers are written with. Only runs with enough digits go
// to the matcher, which costs milliseconds per page of text where a regular expression costs
// microseconds (imports redact millions of narratives).
const digitRun = /\+?[\d(][\d\s()./\-\u2010-\u2015]*\d\)?/gu;
const fewestPhoneDigits = 7;
// "ext. 1234", "доб. 12", "wew. 5": at most two words, then the extension's digits.
const extensionAfter = /^(?:[^\S\n]*[\p{L}.#:]+){1,2}[^\S\n]*\d{1,7}/u;

/** Where the text holds a phone number of any country, outermost spans, in order. */
export function findPhoneNumbers(text: string): Span[] {
	const spans: Span[] = [];
	for (const run of text.matchAll(digitRun)) {
		if (digits(run[0]).length < fewestPhoneDigits || isDateOrYears(run[0])) continue;
		// "$160000.00": the matcher refuses what follows a currency sign too, but only after its
		// costly start.
		if (run.index > 0 && /\p{Sc}/u.test(text[run.index - 1]!)) continue;
		// One character before and an extension or one character after, so that the matcher
		// can refuse "abc8005001234" and "$7,455,000" and keep "ext. 1234".
		const from = Math.max(0, run.index - 1);
		const runEnd = run.index + run[0].length;
		const extension = extensionAfter.exec(text.slice(runEnd, runEnd + 24));
		const window = text.slice(from, runEnd + (extension ? extension[0].length : 1));
		// A number with its country code reads the same whatever the default country.
		const countries = /^(?:\+|00)/.test(run[0]) ? (['DE'] as const) : phoneCountries;
		for (const country of countries) {
			let wholeRun = false;
			for (const found of findPhoneNumbersInText(window, { defaultCountry: country })) {
				const start = from + found.startsAt;
				const end = from + found.endsAt;
				const raw = text.slice(start, end);
				const writtenNationally = digits(raw) === found.number.nationalNumber;
				if (writtenNationally && trunkPrefixRequired.has(country)) continue;
				if (looksLikeDate(raw)) continue;
				spans.push({ start, end });
				wholeRun ||= start <= run.index && end >= runEnd;
			}
			// No other country can read more of it.
			if (wholeRun) break;
		}
	}
	return mergeOverlapping(spans);
}

/** "2024-03-01", "01.03.2024", "1990 - 2024": skipped before the matcher, which is slow. */
function isDateOrYears(candidate: string): boolean {
	const run = candidate.replace(/^\(/, '');
	if (/^\d{4}([./-])\d{1,2}\1\d{1,2}$/.test(run)) return true;
	if (/^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$/.test(run)) return true;
	const date = run.match(dateInside);
	return !!date && date[0] === run && plausibleDate(Number(date[1]), Number(date[3]));
}

function looksLikeDate(raw: string): boolean {
	const date = raw.match(dateInside);
	return !!date && plausibleDate(Number(date[1]), Number(date[3]));
}

/** Countries may read different extents of one number ("8 (495) …" or "(495) …"): keep the widest. */
function mergeOverlapping(spans: Span[]): Span[] {
	const merged: Span[] = [];
	for (const span of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
		const last = merged[merged.length - 1];
		if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
		else merged.push({ ...span });
	}
	return merged;
}
