import { getLocale } from '$lib/paraglide/runtime';
import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { safeRedirectTarget } from '$lib/server/auth/guard';
import { DEVICE_COOKIE } from '$lib/server/auth/device-cookie';
import { attemptLogIn, startSession } from '$lib/server/auth/sign-in';
import { rememberUserLocale } from '$lib/server/notifications/notifications';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { rateLimits } from '$lib/server/rate-limit';
import { loginSchema } from '$lib/validation/account';
import { firstErrors, readForm } from '$lib/validation/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const raw = readForm(await readFormData(request), ['email', 'password']);
		const values = { email: raw.email };
		const parsed = v.safeParse(loginSchema, raw);
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.issues) });
		const result = await attemptLogIn(db, config.rateLimits ? rateLimits.login : null, {
			...parsed.output,
			address: getClientAddress(),
			deviceCookie: cookies.get(DEVICE_COOKIE)
		});
		if (!result.ok) {
			if (result.reason === 'wrong-password') {
				return fail(400, { values, errors: { form: m.login_failed() } });
			}
			const seconds = result.retryAfterSeconds;
			setHeaders({ 'retry-after': String(seconds) });
			// Someone locked out of their account is told how its owner still gets in.
			const message =
				result.reason === 'address-limited'
					? m.error_rate_limited({ seconds })
					: `${m.error_login_locked({ seconds })} ${m.login_locked_help()}`;
			return fail(429, { values, errors: { form: message } });
		}
		startSession(db, cookies, result.user.id, config.secureCookies);
		// Mail to them is written in the language they use Recourse in.
		rememberUserLocale(db, result.user.id, getLocale());
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	}
};
