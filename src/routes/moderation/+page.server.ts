import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guard';
import { canModerate } from '$lib/server/auth/roles';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import {
	listModerationQueue,
	moderate,
	moderationActions
} from '$lib/server/moderation/moderation';
import { firstErrors, readForm } from '$lib/validation/form-data';
import { flagReasons } from '$lib/taxonomy';
import type { Actions, PageServerLoad } from './$types';

function moderator(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!canModerate(user)) error(403);
	return user;
}

export const load: PageServerLoad = ({ locals, url }) => {
	moderator(locals, url);
	return { queue: listModerationQueue(db) };
};

const decisionSchema = v.object({
	targetType: v.picklist(['report', 'response'] as const),
	targetId: v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number)),
	action: v.picklist(moderationActions, () => m.error_choose()),
	reason: v.picklist(flagReasons, () => m.flag_reason_required()),
	note: v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(500, () => m.error_too_long({ max: 500 }))
	)
});

export const actions: Actions = {
	decide: async ({ locals, url, request }) => {
		const user = moderator(locals, url);
		const values = readForm(await readFormData(request), [
			'targetType',
			'targetId',
			'action',
			'reason',
			'note'
		] as const);
		const parsed = v.safeParse(decisionSchema, values);
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.issues) });
		const result = moderate(db, user, parsed.output);
		if (!result.ok && result.reason === 'forbidden') error(403);
		if (!result.ok && result.reason === 'not-found') error(404);
		if (!result.ok) {
			return fail(409, {
				values,
				errors: { action: m.moderation_no_change() } as Record<string, string>
			});
		}
		return { decided: `${parsed.output.targetType}:${parsed.output.targetId}` };
	}
};
