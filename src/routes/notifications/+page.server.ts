import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { listNotifications, markAllRead } from '$lib/server/notifications/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	const before = Number(url.searchParams.get('before'));
	const page = listNotifications(db, user.id, {
		before: Number.isSafeInteger(before) && before > 0 ? before : null
	});
	return { ...page, paged: url.searchParams.has('before') };
};

export const actions: Actions = {
	read: ({ locals, url }) => {
		const user = requireUser(locals, url);
		markAllRead(db, user.id);
		return { read: true };
	}
};
