import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getPattern } from '$lib/server/patterns/patterns';
import type { PageServerLoad } from './$types';

/** Read-only figures and links: no JavaScript, like the company and report pages (issue 6). */
export const csr = false;

export const load: PageServerLoad = ({ params }) => {
	const detail = getPattern(db, params.slug);
	if (!detail) error(404);
	return detail;
};
