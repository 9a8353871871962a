import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { rememberUserLocale } from '$lib/server/notifications/notifications';
import { requireUser } from '$lib/server/auth/guard';
import { acceptInvite, findInvite, type AcceptResult } from '$lib/server/companies/team';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const problem = (reason: Exclude<AcceptResult, { ok: true }>['reason']) =>
	({
		invalid: m.invite_invalid(),
		expired: m.invite_expired(),
		used: m.invite_used(),
		'already-representative': m.invite_already()
	})[reason];

export const load: PageServerLoad = ({ params, locals, url }) => {
	const found = findInvite(db, params.token);
	return {
		invite: found.ok
			? { companyName: found.companyName, companySlug: found.companySlug, role: found.role }
			: null,
		problem: found.ok ? null : problem(found.reason),
		signedIn: !!locals.user,
		here: url.pathname
	};
};

export const actions: Actions = {
	default: async ({ params, locals, url }) => {
		const user = requireUser(locals, url);
		const result = acceptInvite(db, user, params.token);
		if (!result.ok) return fail(400, { problem: problem(result.reason) });
		// New-report alerts are written in the language the invitation was accepted in.
		rememberUserLocale(db, user.id, getLocale());
		redirect(303, localizeHref(`/companies/${result.companySlug}/dashboard?verified=1`));
	}
};
