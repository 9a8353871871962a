import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { answerFollowupByToken, readFollowupByToken } from '$lib/server/followups/followups';
import { followupAnswers, type FollowupAnswer } from '$lib/followup-answers';
import { followupSchema } from '$lib/validation/followup';
import { firstErrors, readForm } from '$lib/validation/form-data';
import type { Actions, PageServerLoad } from './$types';

/**
 * "Is it fixed?" answered by the link mailed to a report's author: the token is the authority,
 * for one answer, until it expires. GET only shows the question (mail scanners follow links);
 * the answer is recorded by the form's POST.
 */
const tokenOf = (params: { token: string }) => params.token.slice(0, 100);

export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	// The page differs before and after the answer, and its address is a credential.
	setHeaders({ 'cache-control': 'private, no-store' });
	const view = readFollowupByToken(db, tokenOf(params));
	const chosen = url.searchParams.get('answer');
	return {
		status: view?.status ?? 'unknown',
		report: view
			? { id: view.report.id, title: view.report.title, language: view.report.language }
			: null,
		chosen: followupAnswers.includes(chosen as FollowupAnswer) ? (chosen as FollowupAnswer) : null
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const values = readForm(await readFormData(request), ['answer']);
		const parsed = v.safeParse(followupSchema, values);
		if (!parsed.success) return fail(400, { errors: firstErrors(parsed.issues) });
		const result = answerFollowupByToken(db, tokenOf(params), parsed.output.answer);
		if (!result.ok) {
			return fail(result.reason === 'not-found' ? 404 : 410, { refused: result.reason });
		}
		return {
			recorded: { answer: parsed.output.answer, outcome: result.outcome, reportId: result.reportId }
		};
	}
};
