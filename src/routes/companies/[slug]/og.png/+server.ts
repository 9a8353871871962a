import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { companyCard } from '$lib/server/og/cards';
import { cardResponse } from '$lib/server/og/render';
import type { RequestHandler } from './$types';

/** The picture a shared link to the scorecard shows (og:image). */
export const GET: RequestHandler = ({ params }) => {
	const card = companyCard(db, params.slug);
	if (!card) error(404);
	return cardResponse(card);
};
