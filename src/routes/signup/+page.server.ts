import { getLocale } from '$lib/paraglide/runtime';
import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { safeRedirectTarget } from '$lib/server/auth/guard';
import { startSession } from '$lib/server/auth/sign-in';
import { rememberUserLocale } from '$lib/server/notifications/notifications';
import { isCommonPassword } from '$lib/server/auth/common-passwords';
import { createUser } from '$lib/server/auth/users';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { rateLimits } from '$lib/server/rate-limit';
import { signupSchema } from '$lib/validation/account';
import { firstErrors, readForm } from '$lib/validation/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const raw = readForm(await readFormData(request), ['email', 'password', 'displayName']);
		const values = { email: raw.email, displayName: raw.displayName };
		const parsed = v.safeParse(signupSchema, raw);
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.issues) });
		if (isCommonPassword(parsed.output.password)) {
			return fail(400, { values, errors: { password: m.error_password_common() } });
		}
		if (config.rateLimits) {
			const allowed = rateLimits.signupPerAddress.consume(getClientAddress());
			if (!allowed.ok) {
				setHeaders({ 'retry-after': String(allowed.retryAfterSeconds) });
				return fail(429, {
					values,
					errors: { email: m.error_rate_limited({ seconds: allowed.retryAfterSeconds }) }
				});
			}
		}
		const result = await createUser(db, parsed.output);
		if (!result.ok) return fail(400, { values, errors: { email: m.signup_email_taken() } });
		startSession(db, cookies, result.user.id, config.secureCookies);
		// Mail to them is written in the language they use Recourse in.
		rememberUserLocale(db, result.user.id, getLocale());
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	}
};
