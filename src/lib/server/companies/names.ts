/** How company names and websites are normalised, so that one company is not listed twice. */
import transliterate from '@sindresorhus/transliterate';

const legalSuffixes = new Set([
	'inc',
	'incorporated',
	'llc',
	'llp',
	'lllp',
	'pllc',
	'lp',
	'ltd',
	'limited',
	'plc',
	'corp',
	'corporation',
	'co',
	'company',
	'na',
	'gmbh',
	'ag',
	'kg',
	'sa',
	'sl',
	'slu',
	'sas',
	'sarl',
	'spa',
	'srl',
	'bv',
	'nv',
	'ab',
	'as',
	'oy',
	'sp',
	'zoo',
	'pjsc',
	'ooo',
	'oao',
	'zao'
]);

/** Lower-case words of a name, diacritics removed, letters of every script kept. */
function words(name: string): string[] {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[.']/g, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** Legal forms written in several words: Polish "Sp. z o.o.", US banks' "National Association". */
const multiWordSuffix = / sp z o ?o$| sp k$| sp j$| national association$/;

/**
 * "AT&T Inc." and "at & t" give the same key; legal suffixes at the end do not count, nor an
 * "and" left before them ("Wells Fargo & Company" is "Wells Fargo", as the CFPB data lists it).
 */
export function normaliseCompanyName(name: string): string {
	const parts = words(name);
	// Multi-word forms arrive as several words; drop the whole form, then single suffixes.
	const joined = parts.join(' ');
	const multiWord = joined.match(multiWordSuffix);
	if (multiWord?.index) parts.splice(joined.slice(0, multiWord.index).split(' ').length);
	let dropped = false;
	while (parts.length > 1 && legalSuffixes.has(parts[parts.length - 1]!)) {
		parts.pop();
		dropped = true;
	}
	if (dropped && parts.length > 1 && parts[parts.length - 1] === 'and') parts.pop();
	return parts.join(' ');
}

/**
 * The name with every letter that does not fold to ASCII (Cyrillic, Greek, Arabic; ł, ß, ø)
 * transliterated. Letters that lose only their accents ("é", "ü") are left for the fold in
 * `words`, so Latin names slug as they always did ("Müller" stays "muller", not "mueller") and
 * existing slugs are what a new company of the same name would get.
 */
function transliterateName(name: string): string {
	return name.normalize('NFC').replace(/[^\p{ASCII}]+/gu, (run) =>
		// One character at a time would lose digraphs (Greek "ου"), so runs go whole unless
		// some of their letters fold by themselves.
		[...run].every((c) => !foldsToAscii(c))
			? transliterate(run)
			: [...run].map((c) => (foldsToAscii(c) ? c : transliterate(c))).join('')
	);
}

function foldsToAscii(c: string): boolean {
	return /^\p{ASCII}*$/u.test(c.normalize('NFKD').replace(/\p{M}/gu, ''));
}

/**
 * An ASCII slug for URLs: Cyrillic, Greek and other alphabets transliterated ("Ростелеком" is
 * "rostelekom"); a name with nothing left to spell (Chinese, Hebrew) falls back to "company".
 */
export function slugifyCompanyName(name: string): string {
	const slug = normaliseCompanyName(transliterateName(name))
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'company';
}

/**
 * The host of a website address, lower-case and without "www.", or null when it is not a
 * plausible public web address.
 */
export function domainFromWebsite(website: string): string | null {
	const trimmed = website.trim();
	if (!trimmed) return null;
	let url: URL;
	try {
		url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	const host = url.hostname.toLowerCase().replace(/^www\./, '');
	if (!/^([a-z0-9-]+\.)+[a-z0-9-]{2,}$/.test(host) || /^[\d.]+$/.test(host)) return null;
	return host;
}
