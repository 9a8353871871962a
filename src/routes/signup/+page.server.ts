import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { safeRedirectTarget } from '$lib/server/auth/guard';
import { requestSignUp } from '$lib/server/auth/sign-up';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { mail } from '$lib/server/mail';
import { rateLimits } from '$lib/server/rate-limit';
import { signupSchema } from '$lib/validation/account';
import { firstErrors, readForm } from '$lib/validation/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async ({ request, url, getClientAddress, setHeaders }) => {
		const raw = readForm(await readFormData(request), ['email', 'displayName']);
		const values = { email: raw.email, displayName: raw.displayName };
		const parsed = v.safeParse(signupSchema, raw);
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.issues) });
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
		// The same answer whether the address is new or taken: the mail says which.
		const redirectTo = url.searchParams.get('redirectTo');
		await requestSignUp(db, mail, parsed.output, url.origin, redirectTo);
		return { sent: true };
	}
};
