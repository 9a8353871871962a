/** Guards for loads, actions and endpoints: each protected entry calls one itself. */
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { sameOriginPath } from '../http/same-origin';
import type { SessionUser } from './session';

/** The signed-in user, or a redirect to the log-in page that comes back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) {
		redirect(
			303,
			localizeHref(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
		);
	}
	return locals.user;
}

/**
 * Where to go after log-in or sign-up: a path of this site, in the current language (no open
 * redirect). Checked twice, because localizing rewrites the path: `/de//host` would become `//host`.
 */
export function safeRedirectTarget(value: string | null | undefined): string {
	const path = value ? sameOriginPath(value) : null;
	return (path === null ? null : sameOriginPath(localizeHref(path))) ?? localizeHref('/');
}
