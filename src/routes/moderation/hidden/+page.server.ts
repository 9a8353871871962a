import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guard';
import { canModerate } from '$lib/server/auth/roles';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { submitDecision } from '$lib/server/moderation/decision-form';
import {
	listHidden,
	listModerators,
	listRemoved,
	type HiddenFilters
} from '$lib/server/moderation/moderation';
import { flagReasons, type FlagReason } from '$lib/taxonomy';
import { readDayRange } from '$lib/validation/moderation';
import type { Actions, PageServerLoad } from './$types';

function moderator(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!canModerate(user)) error(403);
	return user;
}

export const load: PageServerLoad = ({ locals, url }) => {
	const user = moderator(locals, url);
	const params = url.searchParams;
	const values = {
		status: params.get('status') === 'removed' ? 'removed' : 'hidden',
		reason: params.get('reason') ?? '',
		moderator: params.get('moderator') ?? '',
		from: params.get('from') ?? '',
		to: params.get('to') ?? ''
	};
	const errors: Record<string, string> = {};
	const range = readDayRange(values.from, values.to);
	if (range.invalid.from) errors.from = m.error_date();
	if (range.invalid.to) errors.to = m.error_date();
	const moderators = listModerators(db);
	const filters: HiddenFilters = {
		reason: (flagReasons as readonly string[]).includes(values.reason)
			? (values.reason as FlagReason)
			: null,
		moderatorId: moderators.some((mod) => mod.id === values.moderator) ? values.moderator : null,
		from: range.from,
		to: range.to
	};
	return {
		values,
		errors,
		moderators,
		me: user.id,
		hidden: values.status === 'hidden' ? listHidden(db, filters) : [],
		removed: values.status === 'removed' ? listRemoved(db, filters) : []
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
