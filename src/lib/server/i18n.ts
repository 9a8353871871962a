/** Which language a page request is served in, and when an unprefixed address redirects (docs/decisions/007-interface-languages.md). */
import {
	baseLocale,
	cookieName,
	deLocalizeHref,
	extractLocaleFromHeader,
	isExcludedByRouteStrategy,
	localizeHref,
	toLocale,
	type Locale
} from '$lib/paraglide/runtime';
import { oneLeadingSlash, sameOriginPath } from './http/same-origin';

export type LocaleDecision =
	/** Serve the page in the locale of its address, remembering it when `remember` is set. */
	| { action: 'serve'; remember: Locale | null }
	/** Send the browser to the same page in another locale, and remember that locale. */
	| { action: 'redirect'; location: string; remember: Locale };

/** The locale written in the address: the first path segment, or English for an unprefixed one. */
function prefixOf(url: URL): Locale | null {
	return toLocale(url.pathname.split('/')[1] ?? '') ?? null;
}

/** A redirect that stays on this site: `/en//host` de-localizes to `//host`, which must be `/host`. */
function withinSite(href: string): string {
	return sameOriginPath(oneLeadingSlash(href)) ?? '/';
}

/**
 * The address decides the language: `/de/…` is German, an unprefixed address English. Only a
 * browser opening an unprefixed page (a GET document navigation) is redirected, to the
 * language it chose before (the cookie) or, on a first visit, to the one it prefers
 * (Accept-Language) when that is not English. `/en/…` is an explicit choice of English: it is
 * remembered and redirected to the unprefixed address. Scripts, form posts, data requests and
 * the excluded machine routes (API, exports, /status) are never redirected, except that `/en/…`
 * always redirects.
 */
export function decideLocale(
	request: Request,
	url: URL,
	cookieLocale: string | undefined
): LocaleDecision {
	const isRead = request.method === 'GET' || request.method === 'HEAD';
	if (!isRead || isExcludedByRouteStrategy(url.href)) return { action: 'serve', remember: null };
	const prefix = prefixOf(url);
	const path = url.pathname + url.search;
	// One address per page and language: /en/… is never a second copy of /…, whoever asks
	// (a crawler or a script as much as a browser).
	if (prefix === baseLocale) {
		return { action: 'redirect', location: withinSite(deLocalizeHref(path)), remember: baseLocale };
	}
	const isPageVisit = request.headers.get('sec-fetch-dest') === 'document';
	if (!isPageVisit) return { action: 'serve', remember: null };
	if (prefix) return { action: 'serve', remember: prefix };
	const wanted = toLocale(cookieLocale) ?? extractLocaleFromHeader(request) ?? baseLocale;
	if (wanted === baseLocale) return { action: 'serve', remember: baseLocale };
	return {
		action: 'redirect',
		location: withinSite(localizeHref(path, { locale: wanted })),
		remember: wanted
	};
}

export { cookieName as localeCookie };
