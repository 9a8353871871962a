import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { canModerate } from '$lib/server/auth/roles';
import { db } from '$lib/server/db';
import { listAudit } from '$lib/server/moderation/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!canModerate(user)) error(403);
	const before = Number(url.searchParams.get('before'));
	return {
		...listAudit(db, { before: Number.isSafeInteger(before) && before > 0 ? before : null }),
		paged: url.searchParams.has('before')
	};
};
