/** Guards for loads, actions and endpoints: each protected entry calls one itself. */
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
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

/** Only same-site paths may be redirected to after log-in (no open redirect), in the current language. */
export function safeRedirectTarget(value: string | null | undefined): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return localizeHref('/');
	}
	return localizeHref(value);
}
