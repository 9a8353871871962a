import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { isAdmin } from '$lib/server/auth/roles';
import { db } from '$lib/server/db';
import { readPageParams } from '$lib/server/page-params';
import { integer, one } from '$lib/server/query-params';
import { listOutbox } from '$lib/server/mail/mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!isAdmin(user)) error(403);
	const { before } = readPageParams(url, { before: one(integer(1, Number.MAX_SAFE_INTEGER)) });
	return { ...listOutbox(db, { before }), paged: before !== null };
};
