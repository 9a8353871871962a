import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { mail } from '$lib/server/mail';
import { rateLimits } from '$lib/server/rate-limit';
import { forgotSchema } from '$lib/validation/account';
import { firstErrors, readForm } from '$lib/validation/form-data';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, url, getClientAddress, setHeaders }) => {
		const values = readForm(await readFormData(request), ['email']);
		const parsed = v.safeParse(forgotSchema, values);
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.issues) });
		if (config.rateLimits) {
			const allowed = rateLimits.resetPerAddress.consume(getClientAddress());
			if (!allowed.ok) {
				setHeaders({ 'retry-after': String(allowed.retryAfterSeconds) });
				return fail(429, {
					values,
					errors: { email: m.error_rate_limited({ seconds: allowed.retryAfterSeconds }) }
				});
			}
		}
		await requestPasswordReset(db, mail, parsed.output.email, url.origin);
		return { sent: true };
	}
};
