/**
 * Whether an e-mail address shows that someone works for a company: both must sit on the same
 * registrable domain (Public Suffix List, through tldts), and that domain must be the company's
 * own, not a public suffix or a mail provider that hands out addresses to anyone.
 */
import freeMailDomains from 'email-providers/all.json' with { type: 'json' };
import { parse } from 'tldts';

// Private-section suffixes (github.io, blogspot.com …) count: each of their subdomains is
// somebody else's site, so `a.github.io` never vouches for `b.github.io`.
const pslOptions = { allowPrivateDomains: true } as const;
const providers = new Set<string>(freeMailDomains);

/** The registrable domain of a host ("shop.example.co.uk" → "example.co.uk"), null for a bare public suffix or an IP. */
export function registrableDomain(host: string): string | null {
	const parsed = parse(host.trim().toLowerCase().replace(/\.$/, ''), pslOptions);
	return parsed.isIp ? null : parsed.domain;
}

/**
 * Whether addresses on a company's domain prove nothing: a public suffix (`co.uk`), or a free or
 * disposable mail provider (`gmail.com`, `mailinator.com`), where anyone can get an address.
 */
export function isSharedDomain(domain: string): boolean {
	const registrable = registrableDomain(domain);
	return !registrable || providers.has(registrable) || providers.has(domain.toLowerCase());
}

export type WorkEmailCheck = 'ok' | 'shared-domain' | 'wrong-domain';

/** Whether `email` may receive a company's verification code (see the module comment). */
export function checkWorkEmail(email: string, companyDomain: string): WorkEmailCheck {
	if (isSharedDomain(companyDomain)) return 'shared-domain';
	const host = email.trim().toLowerCase().split('@').pop() ?? '';
	const registrable = registrableDomain(host);
	return registrable && registrable === registrableDomain(companyDomain) ? 'ok' : 'wrong-domain';
}
