import { db } from '$lib/server/db';
import { countUnread } from '$lib/server/notifications/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user
		? {
				displayName: locals.user.displayName,
				role: locals.user.role,
				unread: countUnread(db, locals.user.id)
			}
		: null
});
