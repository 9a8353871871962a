import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { patternCard } from '$lib/server/og/cards';
import { cardResponse } from '$lib/server/og/render';
import type { RequestHandler } from './$types';

/** The picture a shared link to the pattern shows (og:image). */
export const GET: RequestHandler = ({ params }) => {
	const card = patternCard(db, params.slug);
	if (!card) error(404);
	return cardResponse(card);
};
