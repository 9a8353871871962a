/**
 * Payment card numbers (Luhn-checked), IBANs (checked by ibantools: country length, national
 * format and mod 97) and account numbers after a word that says so, in the six interface
 * languages, however they are written: any case, spaces, dots, slashes or hyphens.
 */
import { electronicFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';
import { beforeNumber, type Span } from './never-personal';

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

/** An IBAN as written ("es91 2100-0418 …"): its country's length and format, and mod 97 = 1. */
export function ibanValid(candidate: string): boolean {
	return isValidIBAN(electronicFormatIBAN(candidate.replace(/\s+/g, '')) ?? '');
}

// 13 to 19 digits, grouped by spaces (one or several), dots, slashes or hyphens.
const cardPattern = /(?<![\p{N}])\d(?:(?:[ \u00a0]{1,3}|[-./])?\d){12,18}(?![\p{N}])/gu;

/** Where the text holds a Luhn-valid card number. */
export function findCards(text: string): Span[] {
	const spans: Span[] = [];
	for (const match of text.matchAll(cardPattern)) {
		const d = digits(match[0]);
		if (d.length >= 13 && d.length <= 19 && luhnValid(d)) {
			spans.push({ start: match.index, end: match.index + match[0].length });
		}
	}
	return spans;
}

const ibanCandidate = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}/gu;
const ibanLengths = getCountrySpecifications();

/**
 * Where the text holds a valid IBAN. A candidate runs on greedily ("… 1332 on Monday"), so it
 * is cut at its country's length, which must end where a group of the written number ends.
 */
export function findIbans(text: string): Span[] {
	const spans: Span[] = [];
	for (const match of text.matchAll(ibanCandidate)) {
		const length = ibanLengths[match[0].slice(0, 2).toUpperCase()]?.chars;
		if (!length) continue;
		let seen = 0;
		let end = 0;
		while (end < match[0].length && seen < length) {
			if (/[A-Za-z0-9]/.test(match[0][end]!)) seen++;
			end++;
		}
		const rest = text.slice(match.index + end);
		if (seen < length || /^[\p{L}\p{N}]/u.test(rest)) continue;
		if (ibanValid(match[0].slice(0, end)))
			spans.push({ start: match.index, end: match.index + end });
	}
	return spans;
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
/**
 * Short words and abbreviations match only whole ("ref", not "refused" or "refund"); the others
 * take up to four more letters for their plurals and cases ("clients", "счета", "rachunku").
 */
const wholeWords = new Set(['ref', 'acct', 'iban', 'soci', 'socio']);
const accountKeyword = [
	...accountWords.filter((w) => wholeWords.has(w)),
	...accountWords.filter((w) => !wholeWords.has(w)).map((w) => `${w}[\\p{L}]{0,4}`)
].join('|');
// The number: at least four characters, at least one of them a digit ("4821", "AB-20931-X").
const accountPattern = new RegExp(
	`(?<![\\p{L}\\p{N}])(?:${accountKeyword})\\.?${beforeNumber}((?=[\\p{L}\\-/]*\\p{N})[\\p{L}\\p{N}][\\p{L}\\p{N}\\-/]{2,}[\\p{N}\\p{L}])`,
	'giu'
);

/** Where the text holds an account, customer or contract number after its keyword. */
export function findAccounts(text: string): Span[] {
	const spans: Span[] = [];
	for (const match of text.matchAll(accountPattern)) {
		const token = match[1]!;
		// "a customer 1990 - 2024": a year is not the last digits of an account.
		if (digits(token).length < 4 || /^(?:19|20)\d\d$/.test(token)) continue;
		const start = match.index + match[0].length - token.length;
		spans.push({ start, end: start + token.length });
	}
	return spans;
}
