import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { readPageParams } from '$lib/server/page-params';
import { integer, one } from '$lib/server/query-params';
import {
	listNotifications,
	markAllRead,
	rememberUserLocale
} from '$lib/server/notifications/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { before } = readPageParams(url, { before: one(integer(1, Number.MAX_SAFE_INTEGER)) });
	const page = listNotifications(db, user.id, getLocale(), { before });
	return { ...page, paged: before !== null };
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
