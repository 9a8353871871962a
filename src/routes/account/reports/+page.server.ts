import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import * as v from 'valibot';
import { requireUser } from '$lib/server/auth/guard';
import { listMyReports } from '$lib/server/authors/my-reports';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { answerFollowupAsAuthor } from '$lib/server/followups/followups';
import { readPageParams } from '$lib/server/page-params';
import { one } from '$lib/server/query-params';
import { reportCursor } from '$lib/server/reports/explore';
import { followupFromListSchema } from '$lib/validation/followup';
import { firstErrors, readForm } from '$lib/validation/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	// "before" is `createdAt-id` of the last report of the previous page.
	const { before } = readPageParams(url, { before: one(reportCursor) });
	return { ...listMyReports(db, user.id, { before }), paged: before !== null };
};

export const actions: Actions = {
	/** "Is it fixed?" answered from the list: the author's open question of one report. */
	followup: async ({ locals, request, url }) => {
		const user = requireUser(locals, url);
		const values = readForm(await readFormData(request), ['answer', 'report']);
		const parsed = v.safeParse(followupFromListSchema, values);
		if (!parsed.success) {
			return fail(400, { report: values.report, errors: firstErrors(parsed.issues) });
		}
		const result = answerFollowupAsAuthor(db, user, parsed.output.report, parsed.output.answer);
		if (!result.ok) {
			if (result.reason === 'forbidden') error(403);
			if (result.reason === 'not-found') error(404);
			return fail(410, { report: values.report, errors: { answer: m.followup_used() } });
		}
		return { recorded: { reportId: result.reportId, answer: parsed.output.answer } };
	}
};
