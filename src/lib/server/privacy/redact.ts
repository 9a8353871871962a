/**
 * Personal data kept out of public text: e-mail addresses, payment card numbers, IBANs, phone
 * numbers, account numbers and street addresses, in the six interface languages (decision 020).
 * Each is replaced by a bracketed label; the caller shows the author what went. Links, dates,
 * times, versions and order numbers are never rewritten, so a link keeps working.
 */
import { findAddresses } from './addresses';
import { findAccounts, findCards, findIbans } from './bank-numbers';
import { blankOut, findLinks, findNeverPersonal, type Span } from './never-personal';
import { findPhoneNumbers } from './phones';

export { ibanValid, luhnValid } from './bank-numbers';

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

const emailPattern =
	/(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

const telephoneLink = /(?<![\p{L}])(?:tel|callto|sms):\+?\d[\d\s().-]*\d/giu;

type Finding = Span & { kind: PersonalDataKind };

function collect(text: string): Finding[] {
	const found: Finding[] = [];
	const add = (kind: PersonalDataKind, spans: Span[]) => {
		for (const { start, end } of spans) {
			if (!found.some((f) => start < f.end && end > f.start)) found.push({ kind, start, end });
		}
	};
	const links = findLinks(text);
	// An e-mail address is personal wherever it stands; a link that carries one goes whole.
	for (const match of text.matchAll(emailPattern)) {
		const start = match.index;
		const end = start + match[0].length;
		const link = links.find((l) => l.start <= start && l.end >= end);
		add('email', [link ?? { start, end }]);
	}
	// A telephone link is the phone itself, and goes whole like an e-mail link.
	add(
		'phone',
		[...text.matchAll(telephoneLink)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
	);
	// Nothing else is sought inside a link; cards and IBANs are checksummed, so they are sought
	// everywhere else, and the rest outside dates, versions and order numbers too.
	const outsideLinks = blankOut(text, links);
	add('iban', findIbans(outsideLinks));
	add('card', findCards(outsideLinks));
	const outsideNumbers = blankOut(outsideLinks, findNeverPersonal(outsideLinks));
	add('account', findAccounts(outsideNumbers));
	add('address', findAddresses(outsideNumbers));
	add('phone', findPhoneNumbers(outsideNumbers));
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
