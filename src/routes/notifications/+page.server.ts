import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	listNotifications,
	markAllRead,
	rememberUserLocale
} from '$lib/server/notifications/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	const before = Number(url.searchParams.get('before'));
	const page = listNotifications(db, user.id, getLocale(), {
		before: Number.isSafeInteger(before) && before > 0 ? before : null
	});
	return { ...page, paged: url.searchParams.has('before') };
};

export const actions: Actions = {
	read: ({ locals, url }) => {
		const user = requireUser(locals, url);
		markAllRead(db, user.id);
		// Reading notices in a language is a choice of it: mail follows.
		rememberUserLocale(db, user.id, getLocale());
		return { read: true };
	}
};
