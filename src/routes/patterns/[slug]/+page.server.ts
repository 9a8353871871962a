import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getPattern } from '$lib/server/patterns/patterns';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const detail = getPattern(db, params.slug);
	if (!detail) error(404);
	return detail;
};
