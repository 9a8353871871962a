import { db } from '$lib/server/db';
import { exportView } from '$lib/server/reports/export-response';
import type { RequestHandler } from './$types';

/** The reports of any explore view as JSON, streamed (see exportView). */
export const GET: RequestHandler = ({ url }) => exportView(db, url, 'json');
