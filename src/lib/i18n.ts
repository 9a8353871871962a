/** The interface languages: their names, and the address of the current page in each of them. */
import {
	baseLocale,
	deLocalizeHref,
	getLocale,
	locales,
	localizeHref as localizeHrefEachTime,
	type Locale
} from '$lib/paraglide/runtime';

/** How many links or texts each memo below keeps; past that it starts again (a bound, not a policy). */
const MEMO_SIZE = 5000;

const localizedHrefs = new Map<string, string>();

/**
 * Paraglide's localizeHref, remembered: it parses two URLs per call (microseconds each), and a
 * list of reports makes dozens of links. A path on this site depends only on the language.
 */
export function localizeHref(href: string, options?: { locale?: Locale }): string {
	if (options || !href.startsWith('/') || href.startsWith('//')) {
		return localizeHrefEachTime(href, options);
	}
	const key = `${getLocale()} ${href}`;
	let localized = localizedHrefs.get(key);
	if (localized === undefined) {
		localized = localizeHrefEachTime(href);
		if (localizedHrefs.size >= MEMO_SIZE) localizedHrefs.clear();
		localizedHrefs.set(key, localized);
	}
	return localized;
}

/**
 * A message whose text is made once per language and inputs. Paraglide's plural messages build
 * an Intl.PluralRules and an Intl.NumberFormat on every call (tens of microseconds together).
 */
export function remembered<I extends object>(
	message: (inputs: I) => string
): (inputs: I) => string {
	const texts = new Map<string, string>();
	return (inputs) => {
		const key = `${getLocale()} ${JSON.stringify(inputs)}`;
		let text = texts.get(key);
		if (text === undefined) {
			text = message(inputs);
			if (texts.size >= MEMO_SIZE) texts.clear();
			texts.set(key, text);
		}
		return text;
	};
}

/** Each language's name in that language, as a reader of it looks for it in a switcher. */
export const localeNames: Record<Locale, string> = {
	en: 'English',
	ca: 'Català',
	de: 'Deutsch',
	es: 'Español',
	ru: 'Русский',
	pl: 'Polski'
};

/** The page's path without its language prefix: `/de/companies` → `/companies`. */
export function unlocalizedPath(url: URL): string {
	return deLocalizeHref(url.pathname);
}

export type PageInLocale = {
	locale: Locale;
	name: string;
	/** Canonical address of this page in that language, for `hreflang` alternates. */
	href: string;
	/**
	 * Where the switcher sends a reader: the canonical address, except English, which goes
	 * through `/en/…` so that choosing it is remembered (the server then drops the prefix).
	 */
	switchHref: string;
	current: boolean;
};

/** `/de/` → `/de`, `/de/?q=x` → `/de?q=x`; the root `/` stays. */
function withoutTrailingSlash(href: string): string {
	const at = href.search(/[?#]/);
	const [path, rest] = at < 0 ? [href, ''] : [href.slice(0, at), href.slice(at)];
	return (path.length > 1 ? path.replace(/\/$/, '') : path) + rest;
}

/** The current page (path and query) in every interface language. */
export function pageInLocales(url: URL): PageInLocale[] {
	const path = deLocalizeHref(url.pathname + url.search);
	const current = getLocale();
	return locales.map((locale) => {
		// `/de/` answers 308 to `/de` (no trailing slashes): an alternate must be the address
		// that answers 200.
		const href = withoutTrailingSlash(localizeHrefEachTime(path, { locale }));
		const switchHref =
			locale !== baseLocale ? href : `/${baseLocale}${href.replace(/^\/(?=[?#]|$)/, '')}`;
		return { locale, name: localeNames[locale], href, switchHref, current: locale === current };
	});
}
