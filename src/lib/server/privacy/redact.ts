/**
 * Personal data kept out of public text: e-mail addresses, payment card numbers (Luhn-checked),
 * IBANs (checksum-checked), phone numbers, account and reference numbers (after a keyword, in
 * English, Catalan, German, Spanish, Russian and Polish) and street addresses where their shape
 * gives them away. Each is replaced by a bracketed label; the caller shows the author what went.
 * Heuristics, tuned to miss rather than mangle: dates, amounts and counts are left alone.
 */

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
// A run of digits with the separators phone numbers are written with.
const phonePattern = /(?<![\p{L}\p{N}+])(?:\+|00)?\(?\d[\d\s()./-]{5,}\d(?![\p{L}\p{N}])/gu;
const datePattern = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;

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
	for (const match of text.matchAll(phonePattern)) {
		const raw = match[0].trim();
		const d = digits(raw);
		const international = raw.startsWith('+') || raw.startsWith('00');
		if (d.length > 15 || d.length < (international ? 8 : 9)) continue;
		if (datePattern.test(raw)) continue;
		// "1990 - 2024", "12.03.2024 15:00": years and times, not phones.
		if (/^\d{4}\s*[-–]\s*\d{4}$/.test(raw)) continue;
		add('phone', match.index, match.index + raw.length);
	}
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
