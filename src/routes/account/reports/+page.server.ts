import { requireUser } from '$lib/server/auth/guard';
import { listMyReports } from '$lib/server/authors/my-reports';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** "before" is `createdAt-id` of the last report of the previous page. */
function readCursor(value: string | null) {
	const match = value?.match(/^(\d{1,15})-(\d{1,15})$/);
	return match ? { createdAt: Number(match[1]), id: Number(match[2]) } : null;
}

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		...listMyReports(db, user.id, { before: readCursor(url.searchParams.get('before')) }),
		paged: url.searchParams.has('before')
	};
};
