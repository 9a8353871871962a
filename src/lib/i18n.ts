/** The interface languages: their names, and the address of the current page in each of them. */
import {
	baseLocale,
	deLocalizeHref,
	getLocale,
	locales,
	localizeHref,
	type Locale
} from '$lib/paraglide/runtime';

export { localizeHref };

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

/** The current page (path and query) in every interface language. */
export function pageInLocales(url: URL): PageInLocale[] {
	const path = deLocalizeHref(url.pathname + url.search);
	const current = getLocale();
	return locales.map((locale) => {
		const href = localizeHref(path, { locale });
		const switchHref =
			locale !== baseLocale ? href : `/${baseLocale}${href.replace(/^\/(?=[?#]|$)/, '')}`;
		return { locale, name: localeNames[locale], href, switchHref, current: locale === current };
	});
}
