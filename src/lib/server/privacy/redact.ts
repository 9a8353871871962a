/**
 * Personal data kept out of public text: e-mail addresses, payment card numbers (Luhn-checked),
 * IBANs (checksum-checked), phone numbers (libphonenumber-js), account and reference numbers
 * (after a keyword, in English, Catalan, German, Spanish, Russian and Polish) and street
 * addresses where their shape gives them away. Each is replaced by a bracketed label; the caller
 * shows the author what went. Tuned to miss rather than mangle: dates, amounts and counts are
 * left alone.
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';

export type PersonalDataKind = 'email' | 'card' | 'iban' | 'phone' | 'account' | 'address';
export type Redaction = { kind: PersonalDataKind; text: string };

export const redactionLabels: Record<PersonalDataKind, string> = {
	email: '[email removed]',
	card: '[card number removed]',
	iban: '[IBAN removed]',
	phone: '[phone removed]',
	account: '[account number removed]',
	address: '[address removed]'
};

const digits = (s: string) => s.replace(/\D/g, '');

/** The Luhn checksum of payment card numbers. */
export function luhnValid(number: string): boolean {
	let sum = 0;
	let double = false;
	for (let i = number.length - 1; i >= 0; i--) {
		let d = number.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return false;
		if (double) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
		double = !double;
	}
	return sum % 10 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanValid(candidate: string): boolean {
	const iban = candidate.replace(/\s+/g, '').toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
	const rearranged = iban.slice(4) + iban.slice(0, 4);
	let remainder = 0;
	for (const ch of rearranged) {
		const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
		for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
	}
	return remainder === 1;
}

/** Words after which a number identifies an account, a customer or a contract. */
const accountWords = [
	// English
	'account',
	'acct',
	'customer',
	'client',
	'reference',
	'ref',
	'policy',
	'contract',
	'invoice',
	'membership',
	'member',
	'meter',
	'subscriber',
	'iban',
	// Spanish and Catalan
	'cuenta',
	'cliente',
	'referencia',
	'póliza',
	'poliza',
	'contrato',
	'factura',
	'abonado',
	'compte',
	'referència',
	'pòlissa',
	'contracte',
	'abonat',
	'socio',
	'soci',
	// German
	'konto',
	'kontonummer',
	'kundennummer',
	'kunden-nr',
	'kundennr',
	'vertragsnummer',
	'vertrag',
	'referenz',
	'rechnungsnummer',
	'aktenzeichen',
	'zählernummer',
	'mitgliedsnummer',
	// Russian
	'счет',
	'счёт',
	'лицевой',
	'договор',
	'клиент',
	'абонент',
	'квитанц',
	// Polish
	'konta',
	'klienta',
	'umowy',
	'referencyjny',
	'faktury',
	'abonenta',
	'rachunku',
	'rachunek'
];
const numberWords =
	"no|nr|n[º°o]|№|number|num|nummer|número|numero|numer|номер|id|is|es|ist|jest|was|de|del|des|der|d['’]|:|#";
const accountPattern = new RegExp(
	`(?<![\\p{L}\\p{N}])(?:${accountWords.join('|')})[\\p{L}]*\\.?(?:\\s*(?:${numberWords})\\.?)*\\s*[:#№]?\\s*([\\p{L}\\p{N}][\\p{L}\\p{N}\\-/]{3,}[\\p{N}\\p{L}])`,
	'giu'
);

const emailPattern =
	/(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const ibanPattern = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}(?![\p{L}\p{N}])/gu;
const cardPattern = /(?<![\p{N}])\d(?:[ -]?\d){12,18}(?![\p{N}])/gu;
// A date inside a candidate ("03.01.2024", "1/3/24"): German numbers are loose enough to take it.
const dateInside = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d)/u;
const plausibleDate = (a: number, b: number) =>
	a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));

const addressPatterns: RegExp[] = [
	// 221 Baker Street, 1600 Pennsylvania Avenue NW
	/(?<![\p{L}\p{N}])\d{1,5}[a-z]?\s+(?:\p{Lu}[\p{L}'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent)\b\.?/gu,
	// Calle Mayor 12, C/ de Balmes 45, Carrer de Mallorca, 401, Avda. Diagonal nº 3
	/(?<![\p{L}])(?:Calle|C\/|Avenida|Avda\.|Av\.|Paseo|Pº|Carrer|Avinguda|Passeig|Plaça|Plaza|Travessera|Camí)\s+(?:[\p{L}'’.-]+\s+){0,5}?,?\s*(?:n[º°o]\.?\s*)?\d{1,4}(?![\p{N}])/gu,
	// Hauptstraße 5, Lindenweg 12a, Berliner Str. 8
	/(?<![\p{L}])(?:\p{Lu}[\p{L}-]*\s)?\p{Lu}?[\p{L}-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|damm|ufer)\s+\d{1,4}[a-z]?(?![\p{N}])/gu,
	// ul. Długa 5/7, al. Jerozolimskie 100
	/(?<![\p{L}])(?:ul\.|ulica|al\.|aleja|os\.|pl\.)\s+(?:[\p{L}.-]+\s+){1,3}?\d{1,4}[a-z]?(?:\/\d{1,4})?(?![\p{N}])/giu,
	// ул. Ленина, д. 5, кв. 12
	/(?<![\p{L}])(?:ул\.|улица|пр-т|проспект|пер\.|переулок|ш\.|шоссе)\s*[\p{L}.\s-]{2,40}?,?\s*(?:д\.|дом)\s*\d{1,4}(?:[\p{L}]|\/\d+)?(?:,?\s*(?:кв\.|квартира)\s*\d{1,4})?/giu
];

/**
 * Phone numbers are found by libphonenumber-js's port of Google's PhoneNumberMatcher at its
 * default leniency, VALID: a candidate must be a number that some country actually assigns
 * (area code, length and number type), which is what tells "600 123 456" from "7,455" or an
 * order number. Written with a country code ("+48 …", "0044 …") a number is read as what it
 * says; written without one, as a number of each interface country in turn.
 */
const phoneCountries: readonly CountryCode[] = ['US', 'GB', 'ES', 'DE', 'RU', 'PL'];

/**
 * In Britain and Germany a number is written at home with its trunk prefix 0 ("030 1234567"),
 * so one written without it is not read as theirs. Without this rule German numbers, which take
 * almost any length, swallow dates ("2024-03-01"), years ("2019-2024") and amounts ("30.000").
 * Russia's 8 is often left out ("(495) 123-45-67") and its numbers have one length: not here.
 */
const trunkPrefixRequired: ReadonlySet<CountryCode> = new Set(['GB', 'DE']);

/** Words for order, ticket and case numbers, which are not phones whatever their digits. */
const orderWords = [
	// English
	'order',
	'ticket',
	'case',
	'claim',
	'tracking',
	'parcel',
	'shipment',
	'booking',
	'confirmation',
	// Spanish and Catalan
	'pedido',
	'expediente',
	'incidencia',
	'reclamaci',
	'seguimiento',
	'envío',
	'envio',
	'reserva',
	'comanda',
	'expedient',
	'incidència',
	'enviament',
	// German
	'bestell',
	'auftrag',
	'vorgang',
	'sendung',
	'buchung',
	'ticketnummer',
	// Russian
	'заказ',
	'заявк',
	'обращени',
	'тикет',
	'трек',
	'отправлени',
	// Polish
	'zamówieni',
	'zamowieni',
	'zgłoszeni',
	'zgloszeni',
	'reklamacj',
	'przesyłk',
	'paczk'
];
const afterOrderWord = new RegExp(
	`(?<![\\p{L}\\p{N}])(?:${orderWords.join('|')})[\\p{L}]*\\.?(?:\\s*(?:${numberWords})\\.?)*\\s*[:#№]?\\s*$`,
	'iu'
);

// Runs of digits and the characters numbers are written with. Only runs with enough digits go
// to the matcher, which costs milliseconds per page of text where a regular expression costs
// microseconds (imports redact millions of narratives).
const digitRun = /\+?[\d(][\d\s()./\-\u2010-\u2015]*\d\)?/gu;
const fewestPhoneDigits = 7;
// "ext. 1234", "доб. 12", "wew. 5": at most two words, then the extension's digits.
const extensionAfter = /^(?:[^\S\n]*[\p{L}.#:]+){1,2}[^\S\n]*\d{1,7}/u;

type Span = { start: number; end: number };

/** Where the text holds a phone number of any country, outermost spans, in order. */
function findPhoneNumbers(text: string): Span[] {
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
				if (afterOrderWord.test(text.slice(Math.max(0, start - 40), start))) continue;
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

type Finding = { kind: PersonalDataKind; start: number; end: number };

function overlaps(found: Finding[], start: number, end: number) {
	return found.some((f) => start < f.end && end > f.start);
}

function collect(text: string): Finding[] {
	const found: Finding[] = [];
	const add = (kind: PersonalDataKind, start: number, end: number) => {
		if (!overlaps(found, start, end)) found.push({ kind, start, end });
	};
	for (const match of text.matchAll(emailPattern))
		add('email', match.index, match.index + match[0].length);
	for (const match of text.matchAll(ibanPattern)) {
		if (ibanValid(match[0])) add('iban', match.index, match.index + match[0].length);
	}
	for (const match of text.matchAll(cardPattern)) {
		const d = digits(match[0]);
		if (d.length >= 13 && d.length <= 19 && luhnValid(d)) {
			add('card', match.index, match.index + match[0].length);
		}
	}
	for (const match of text.matchAll(accountPattern)) {
		const token = match[1]!;
		if (digits(token).length < 4) continue;
		const start = match.index + match[0].length - token.length;
		add('account', start, start + token.length);
	}
	for (const pattern of addressPatterns) {
		for (const match of text.matchAll(pattern)) {
			add('address', match.index, match.index + match[0].trimEnd().length);
		}
	}
	for (const phone of findPhoneNumbers(text)) add('phone', phone.start, phone.end);
	return found.sort((a, b) => a.start - b.start);
}

/** The personal data found in a text, in order, with what each looked like. */
export function findPersonalData(text: string): Redaction[] {
	return collect(text).map((f) => ({ kind: f.kind, text: text.slice(f.start, f.end) }));
}

/** The text with every personal datum replaced by its label, and the list of what went. */
export function redactPersonalData(text: string): { text: string; redactions: Redaction[] } {
	const found = collect(text);
	if (!found.length) return { text, redactions: [] };
	let out = '';
	let cursor = 0;
	for (const f of found) {
		out += text.slice(cursor, f.start) + redactionLabels[f.kind];
		cursor = f.end;
	}
	out += text.slice(cursor);
	return {
		text: out,
		redactions: found.map((f) => ({ kind: f.kind, text: text.slice(f.start, f.end) }))
	};
}
