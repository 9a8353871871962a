import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { deleteSessionTokenCookie, invalidateSession } from '$lib/server/auth/session';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so it is a POST; a GET just goes home.
export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: ({ locals, cookies }) => {
		if (locals.session) invalidateSession(db, locals.session.id);
		deleteSessionTokenCookie(cookies, config.secureCookies);
		redirect(303, localizeHref('/'));
	}
};
