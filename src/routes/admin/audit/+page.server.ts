import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { canModerate, isAdmin } from '$lib/server/auth/roles';
import { db } from '$lib/server/db';
import { auditActionChoices, listAudit } from '$lib/server/moderation/audit';
import { readAuditFilters } from '$lib/server/moderation/list-filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!canModerate(user)) error(403);
	const { typed, errors, refused, actors, filters, before } = readAuditFilters(
		db,
		url.searchParams
	);
	const values = { actor: typed.actor, action: typed.action, from: typed.from, to: typed.to };
	return {
		...(refused ? { entries: [], next: null } : listAudit(db, getLocale(), { ...filters, before })),
		values,
		// The filters as typed, for the export link and the pager.
		query: new URLSearchParams(Object.entries(values).filter(([, value]) => value)).toString(),
		errors,
		actors,
		actions: auditActionChoices(getLocale()),
		canExport: isAdmin(user),
		paged: url.searchParams.has('before')
	};
};
