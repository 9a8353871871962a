import { error, fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { canModerate } from '$lib/server/auth/roles';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { submitDecision } from '$lib/server/moderation/decision-form';
import { readHiddenFilters } from '$lib/server/moderation/list-filters';
import { listHidden, listRemoved } from '$lib/server/moderation/moderation';
import type { Actions, PageServerLoad } from './$types';

function moderator(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!canModerate(user)) error(403);
	return user;
}

export const load: PageServerLoad = ({ locals, url }) => {
	const user = moderator(locals, url);
	const { typed, errors, refused, moderators, status, filters } = readHiddenFilters(
		db,
		url.searchParams
	);
	return {
		values: { ...typed, status },
		errors,
		moderators,
		me: user.id,
		hidden: !refused && status === 'hidden' ? listHidden(db, filters) : [],
		removed: !refused && status === 'removed' ? listRemoved(db, filters) : []
	};
};

export const actions: Actions = {
	decide: async ({ locals, url, request }) => {
		const user = moderator(locals, url);
		const outcome = submitDecision(db, user, await readFormData(request));
		if (outcome.ok) return { decided: outcome.decided, action: outcome.action };
		if (outcome.status === 403 || outcome.status === 404) error(outcome.status);
		return fail(outcome.status, { values: outcome.values, errors: outcome.errors });
	}
};
