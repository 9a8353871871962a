import { requireUser } from '$lib/server/auth/guard';
import { listMyReports } from '$lib/server/authors/my-reports';
import { db } from '$lib/server/db';
import { readPageParams } from '$lib/server/page-params';
import { one } from '$lib/server/query-params';
import { reportCursor } from '$lib/server/reports/explore';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	// "before" is `createdAt-id` of the last report of the previous page.
	const { before } = readPageParams(url, { before: one(reportCursor) });
	return { ...listMyReports(db, user.id, { before }), paged: before !== null };
};
