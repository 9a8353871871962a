import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { isCommonPassword } from '$lib/server/auth/common-passwords';
import { safeRedirectTarget } from '$lib/server/auth/guard';
import { checkResetToken, resetPassword } from '$lib/server/auth/password-reset';
import { startSession } from '$lib/server/auth/sign-in';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { resetSchema } from '$lib/validation/account';
import { firstErrors, readForm } from '$lib/validation/form-data';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (url: URL) => (url.searchParams.get('token') ?? '').slice(0, 100);

export const load: PageServerLoad = ({ url }) => ({
	valid: checkResetToken(db, tokenOf(url)) !== null
});

export const actions: Actions = {
	default: async ({ request, url, cookies }) => {
		const values = readForm(await readFormData(request), ['password']);
		const parsed = v.safeParse(resetSchema, values);
		if (!parsed.success) return fail(400, { errors: firstErrors(parsed.issues) });
		if (isCommonPassword(parsed.output.password)) {
			return fail(400, {
				errors: { password: m.error_password_common() } as Record<string, string>
			});
		}
		const result = await resetPassword(db, tokenOf(url), parsed.output.password);
		if (!result.ok)
			return fail(400, { errors: { form: m.reset_invalid() } as Record<string, string> });
		startSession(db, cookies, result.userId, config.secureCookies);
		// A link mailed at sign-up comes back to the page the person signed up from.
		const back = url.searchParams.get('redirectTo');
		redirect(303, back ? safeRedirectTarget(back) : localizeHref('/account?reset=1'));
	}
};
