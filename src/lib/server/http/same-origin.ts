/** Redirect targets that stay on this site, checked as a browser would read the final Location. */

const here = 'http://same-origin.invalid';

/**
 * The path and query a browser on this site would reach by following `target`, or null when it
 * would leave the site or `target` is not a path. Parsed the way browsers parse a Location (tabs
 * and newlines dropped, `\` read as `/`, dot segments resolved), and checked again afterwards:
 * `/.//host` resolves to the path `//host`, which the next reader takes for another host.
 */
export function sameOriginPath(target: string): string | null {
	if (!target.startsWith('/')) return null;
	let url: URL;
	try {
		url = new URL(target, here);
	} catch {
		return null;
	}
	if (url.origin !== here) return null;
	const path = url.pathname + url.search;
	return /^\/[/\\]/.test(path) ? null : path;
}

/** A path with any run of leading slashes and backslashes folded into one: `//host` → `/host`. */
export function oneLeadingSlash(path: string): string {
	return '/' + path.replace(/^[/\\]+/, '');
}
