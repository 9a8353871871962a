import { error, fail } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import {
	defaultLetterValues,
	letterCaseFor,
	letterRecipients,
	readLetterForm,
	type LetterCase
} from '$lib/server/letters/letter-form';
import type { Actions, PageServerLoad } from './$types';

/**
 * The author's letter holds their name and address: no cache anywhere may keep it (decision
 * 024). A letter for anyone else is a report that does not exist (404), signed in or not.
 */
function ownCase(
	locals: App.Locals,
	id: string,
	setHeaders: (headers: Record<string, string>) => void
): LetterCase {
	setHeaders({ 'cache-control': 'private, no-store' });
	const found = letterCaseFor(db, id, locals.user);
	if (!found) error(404);
	return found;
}

export const load: PageServerLoad = ({ locals, params, setHeaders }) => {
	const c = ownCase(locals, params.id, setHeaders);
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
		const c = ownCase(locals, params.id, setHeaders);
		const result = readLetterForm(c, await readFormData(request), getLocale());
		if (!result.ok) return fail(400, { values: result.values, errors: result.errors });
		return { values: result.values, letter: result.letter };
	}
};
