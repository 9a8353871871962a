import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { reportCard } from '$lib/server/og/cards';
import { cardResponse } from '$lib/server/og/render';
import { parseReportId } from '$lib/server/reports/report-id';
import type { RequestHandler } from './$types';

/** The picture a shared link to the report shows (og:image); none for a hidden report. */
export const GET: RequestHandler = ({ params }) => {
	const id = parseReportId(params.id);
	const card = id === null ? undefined : reportCard(db, id);
	if (!card) error(404);
	return cardResponse(card);
};
