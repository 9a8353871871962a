import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { isAdmin } from '$lib/server/auth/roles';
import { db } from '$lib/server/db';
import { listOutbox } from '$lib/server/mail/mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!isAdmin(user)) error(403);
	const before = Number(url.searchParams.get('before'));
	return {
		...listOutbox(db, { before: Number.isSafeInteger(before) && before > 0 ? before : null }),
		paged: url.searchParams.has('before')
	};
};
