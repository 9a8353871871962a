import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getPattern } from '$lib/server/patterns/patterns';
import type { PageServerLoad } from './$types';

/** Read-only figures and links: no JavaScript, like the company and report pages (issue 6). */
export const csr = false;

export const load: PageServerLoad = ({ params }) => {
	const detail = getPattern(db, params.slug);
	if (!detail) error(404);
	const { scorecard: card, ...rest } = detail;
	// Only the figures the page shows: SvelteKit serialises load data even when no script reads
	// it, and the whole scorecard cost as much to serialise as the page to render.
	return {
		...rest,
		scorecard: {
			reportCount: card.reportCount,
			months: card.months,
			outcomes: card.outcomes,
			escalations: card.escalations,
			contacts: card.contacts,
			effortMinutes: card.effortMinutes,
			agents: card.agents,
			promisesBroken: card.promisesBroken
		}
	};
};
