import { getLocale } from '$lib/paraglide/runtime';
import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { safeRedirectTarget } from '$lib/server/auth/guard';
import { startSession } from '$lib/server/auth/sign-in';
import { rememberUserLocale } from '$lib/server/notifications/notifications';
import { authenticate } from '$lib/server/auth/users';
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
		const tooMany = (seconds: number, message: string) => {
			setHeaders({ 'retry-after': String(seconds) });
			return fail(429, { values, errors: { form: message } });
		};
		const account = parsed.output.email.trim().toLowerCase();
		if (config.rateLimits) {
			const perAddress = rateLimits.loginPerAddress.consume(getClientAddress());
			if (!perAddress.ok) {
				return tooMany(
					perAddress.retryAfterSeconds,
					m.error_rate_limited({ seconds: perAddress.retryAfterSeconds })
				);
			}
			const wait = rateLimits.loginPerAccount.wait(account);
			if (wait) return tooMany(wait, m.error_login_locked({ seconds: wait }));
		}
		const found = await authenticate(db, parsed.output.email, parsed.output.password);
		if (!found) {
			rateLimits.loginPerAccount.fail(account);
			return fail(400, { values, errors: { form: m.login_failed() } });
		}
		rateLimits.loginPerAccount.succeed(account);
		startSession(db, cookies, found.id, config.secureCookies);
		// Mail to them is written in the language they use Recourse in.
		rememberUserLocale(db, found.id, getLocale());
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	}
};
