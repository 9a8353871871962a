import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { readUnsubscribeToken, unsubscribe } from '$lib/server/companies/alerts';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// No log-in: the signed link is the proof (companies/alerts.ts). GET only shows what the button
// will do, so that a mail scanner that follows links unsubscribes nobody.
const problem = (reason: 'invalid' | 'expired') =>
	reason === 'expired' ? m.unsubscribe_expired() : m.unsubscribe_invalid();

export const load: PageServerLoad = ({ params }) => {
	const found = readUnsubscribeToken(db, params.token);
	return found.ok
		? { company: found.companyName, email: found.email, problem: null }
		: { company: null, email: null, problem: problem(found.reason) };
};

export const actions: Actions = {
	default: ({ params }) => {
		const result = unsubscribe(db, params.token);
		if (!result.ok) return fail(400, { problem: problem(result.reason) });
		return { done: result.companyName };
	}
};
