/**
 * Stretches of text that are never rewritten as personal data whatever their digits: links
 * (a rewritten URL is a broken link), dates and times, version and build numbers, and order,
 * ticket and case numbers introduced by a word that says so, in the six interface languages.
 */
import { LinkifyIt } from 'linkify-it';

export type Span = { start: number; end: number };

// Links with a scheme ("https://…", "mailto:…"); e-mail addresses are personal data, not links.
// linkify-it's fuzzy links (any "word.tld/…") cost half a millisecond a narrative, so "www." links,
// the only schemeless ones Markdown turns into links, are found by their prefix instead.
const linkify = new LinkifyIt({ fuzzyEmail: false });
const wwwLink =
	/(?<![\p{L}\p{N}.@/])www\.[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#][^\s<>"'`]*)?/giu;
// What ends a sentence rather than a link: "see www.example.com/x." or "(www.example.com)".
const trailingPunctuation = /[.,:;!?'"’)\]]+$/u;
// Markdown link targets: "[text](target)" and "[label]: target" (relative ones too).
const markdownTarget = /\]\(\s*<?([^\s)>]+)/gu;
const markdownDefinition = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)/gmu;
// A telephone link's number is the phone itself: it is not shielded.
const telephoneLink = /^(?:tel|sms|callto):/i;

/** Where the text holds a link or a Markdown link target, in order. */
export function findLinks(text: string): Span[] {
	const spans: Span[] = (linkify.match(text) ?? []).map((m) => ({
		start: m.index,
		end: m.lastIndex
	}));
	for (const match of /www\./i.test(text) ? text.matchAll(wwwLink) : []) {
		const link = match[0].replace(trailingPunctuation, '');
		spans.push({ start: match.index, end: match.index + link.length });
	}
	// "](" or "]:" first: a narrative without either pays nothing for the two patterns.
	for (const pattern of /\][(:]/.test(text) ? [markdownTarget, markdownDefinition] : []) {
		for (const match of text.matchAll(pattern)) {
			const target = match[1]!;
			if (telephoneLink.test(target)) continue;
			const start = match.index + match[0].length - target.length;
			spans.push({ start, end: start + target.length });
		}
	}
	return spans.sort((a, b) => a.start - b.start);
}

const plausibleDate = (day: number, month: number) =>
	day >= 1 && month >= 1 && ((day <= 31 && month <= 12) || (day <= 12 && month <= 31));

// "15.03.2024", "2024.03.15", "03/15/24", each with an optional time ("14:30", "um 14.30", "T09:15:00").
const time = String.raw`(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:[:.][0-5]\d)?`;
const joiner = String.raw`(?:,?\s*(?:T|um|at|a las|a les|à|o|в)?\s*)`;
const dateTime = new RegExp(
	String.raw`(?<![\p{N}./-])(?:((?:19|20)\d\d)([./-])(\d{1,2})\2(\d{1,2})|(\d{1,2})([./-])(\d{1,2})\6((?:19|20)?\d\d))(?:${joiner}${time})?(?![\p{N}]|[./-]\p{N})`,
	'gu'
);
const timeAlone = new RegExp(
	String.raw`(?<![\p{N}:.])${time.replace('[:.h]', ':')}(?![\p{N}:])`,
	'gu'
);

// "firmware 10.2.123456789", "Version 2.3.4", "v2.0.1", "build 123456789", "прошивка 1.2.3".
const versionWords = String.raw`firmware|fw|version|versión|versió|versio|ver\.|release|build|wersj\p{L}*|верси\p{L}*|прошивк\p{L}*|сборк\p{L}*`;
const version = new RegExp(
	String.raw`(?<![\p{L}\p{N}])(?:(?:(?:${versionWords})(?:-\p{L}+)?[\s:#.]*)+v?\d+(?:[._-]\d+)*|v\d+(?:[._]\d+)+)(?:[-+.][\p{L}\p{N}]+)*`,
	'giu'
);

/** Words for order, ticket and case numbers, which are not personal whatever their digits. */
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
	'serial',
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
	'tiquet',
	// German
	'bestell',
	'auftrag',
	'vorgang',
	'sendung',
	'buchung',
	'ticketnummer',
	'seriennummer',
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
/**
 * What may stand between a keyword and its number: "number", "nº", "is", "#", in six languages,
 * at most four of them. Bounded, and with no word that another spells too ("no" is n[º°o]): an
 * unbounded list let "account no no no … x" take minutes to refuse.
 */
const numberWords =
	"nr|n[º°o]|№|number|num|nummer|número|numero|numer|номер|id|is|es|el|ist|jest|was|de|del|des|der|d['’]|:|#";
export const beforeNumber = String.raw`(?:[\s-]*(?:${numberWords})\.?){0,4}\s*[:#№]?\s*`;
// The number itself: letters, digits and joiners, digit groups split by single spaces; a digit
// in its first word ("order to 600 123 456" is not an order number).
const orderNumber = String.raw`(?=[\p{L}\-/.#]*\p{N})[\p{L}\p{N}](?:[\p{L}\p{N}\-/.#]|\s(?=\p{N}))*[\p{L}\p{N}]`;
const afterOrderWord = new RegExp(
	String.raw`(?<![\p{L}\p{N}])(?:${orderWords.join('|')})[\p{L}]*\.?${beforeNumber}(${orderNumber})`,
	'giu'
);
// SAP and most purchasing systems: "PO 4500123456", "P.O. #4500123456" (capitals only: Polish "po" is a word).
const purchaseOrder = new RegExp(
	String.raw`(?<![\p{L}\p{N}])P\.?O\.?${beforeNumber}(${orderNumber})`,
	'gu'
);

/** Dates, times, versions and order numbers: what is never a phone, an account or an address. */
export function findNeverPersonal(text: string): Span[] {
	const spans: Span[] = [];
	for (const match of text.matchAll(dateTime)) {
		const [day, month] = match[1] ? [match[4], match[3]] : [match[5], match[7]];
		if (plausibleDate(Number(day), Number(month))) {
			spans.push({ start: match.index, end: match.index + match[0].length });
		}
	}
	for (const pattern of [timeAlone, version]) {
		for (const match of text.matchAll(pattern)) {
			spans.push({ start: match.index, end: match.index + match[0].length });
		}
	}
	for (const pattern of [afterOrderWord, purchaseOrder]) {
		for (const match of text.matchAll(pattern)) {
			const end = match.index + match[0].length;
			spans.push({ start: end - match[1]!.length, end });
		}
	}
	return spans;
}

/** The text with each span blanked out (same length, so positions stay true). */
export function blankOut(text: string, spans: Span[]): string {
	let out = '';
	let cursor = 0;
	for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
		if (end <= cursor) continue;
		out +=
			text.slice(cursor, Math.max(cursor, start)) + '\u0000'.repeat(end - Math.max(cursor, start));
		cursor = end;
	}
	return out + text.slice(cursor);
}
