import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { safeRedirectTarget } from '$lib/server/auth/guard';
import { startSession } from '$lib/server/auth/sign-in';
import { authenticate } from '$lib/server/auth/users';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { loginSchema } from '$lib/validation/account';
import { firstErrors, readForm } from '$lib/validation/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const raw = readForm(await readFormData(request), ['email', 'password']);
		const values = { email: raw.email };
		const parsed = v.safeParse(loginSchema, raw);
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.issues) });
		const found = await authenticate(db, parsed.output.email, parsed.output.password);
		if (!found) return fail(400, { values, errors: { form: m.login_failed() } });
		startSession(db, cookies, found.id, config.secureCookies);
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	}
};
