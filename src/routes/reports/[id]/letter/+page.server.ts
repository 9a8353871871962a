import { error, fail } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import {
	defaultLetterValues,
	letterCaseFor,
	letterRecipients,
	readLetterForm
} from '$lib/server/letters/letter-form';
import type { Actions, PageServerLoad } from './$types';

/**
 * The author's letter holds their name and address: no cache anywhere may keep it (decision
 * 024). A letter for anyone else is a report that does not exist (404), signed in or not.
 */
const PRIVATE = { 'cache-control': 'private, no-store' };

export const load: PageServerLoad = ({ locals, params, request, setHeaders }) => {
	// After a form post without JavaScript the action has set it already (a header is set once).
	if (request.method !== 'POST') setHeaders(PRIVATE);
	const c = letterCaseFor(db, params.id, locals.user);
	if (!c) error(404);
	return {
		report: { id: c.detail.report.id, title: c.detail.report.title },
		company: c.detail.company.name,
		recipients: letterRecipients(c).map(({ id, recipient }) => ({
			id,
			kind: recipient.kind,
			name: recipient.name
		})),
		defaults: defaultLetterValues(c)
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, setHeaders }) => {
		setHeaders(PRIVATE);
		const c = letterCaseFor(db, params.id, locals.user);
		if (!c) error(404);
		const result = readLetterForm(c, await readFormData(request), getLocale());
		if (!result.ok) return fail(400, { values: result.values, errors: result.errors });
		return { values: result.values, letter: result.letter };
	}
};
