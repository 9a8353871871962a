/** Addresses of the escalation guide's pages (issue 15), built in one place for every link to them. */
import type { Industry } from './taxonomy';

/** `/guide`, `/guide/es` or `/guide/es/telecom`: country codes are written in lower case. */
export function guideHref(country?: string | null, industry?: Industry | null): string {
	if (!country) return '/guide';
	const base = `/guide/${country.toLowerCase()}`;
	return industry ? `${base}/${industry}` : base;
}
