import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guard';
import { isCommonPassword } from '$lib/server/auth/common-passwords';
import { changePassword } from '$lib/server/auth/password-reset';
import { listRepresentedCompanies } from '$lib/server/companies/representatives';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { changePasswordSchema } from '$lib/validation/account';
import { firstErrors, readForm } from '$lib/validation/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		account: { email: user.email, displayName: user.displayName, role: user.role },
		companies: listRepresentedCompanies(db, user.id),
		reset: url.searchParams.has('reset')
	};
};

export const actions: Actions = {
	password: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const values = readForm(await readFormData(request), ['current', 'password']);
		const parsed = v.safeParse(changePasswordSchema, values);
		const errors = (e: Record<string, string>) => fail(400, { errors: e });
		if (!parsed.success) return errors(firstErrors(parsed.issues));
		if (isCommonPassword(parsed.output.password)) {
			return errors({ password: m.error_password_common() });
		}
		const result = await changePassword(db, {
			userId: user.id,
			current: parsed.output.current,
			next: parsed.output.password,
			keepSessionId: locals.session!.id
		});
		if (!result.ok) return errors({ current: m.account_wrong_password() });
		return { changed: true };
	}
};
