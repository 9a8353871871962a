import { error } from '@sveltejs/kit';
import { stringify } from 'csv-stringify/sync';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { isAdmin } from '$lib/server/auth/roles';
import { db } from '$lib/server/db';
import { auditCsvHeader, auditExportBatches } from '$lib/server/moderation/audit';
import { readAuditFilters } from '$lib/server/moderation/list-filters';
import type { RequestHandler } from './$types';

/** A cell a spreadsheet would run as a formula is written as text (OWASP "CSV injection"). */
const defuseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The filtered audit trail as CSV, for administrators only, in the reader's language. */
export const GET: RequestHandler = ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!isAdmin(user)) error(403);
	const { filters, refused } = readAuditFilters(db, url.searchParams);
	// An export of a filter that could not be read would be the whole trail: refused instead.
	if (refused) error(400, m.error_bad_request());
	const rows = [...auditExportBatches(db, getLocale(), filters, url.origin)].flat();
	const body = '\uFEFF' + stringify([auditCsvHeader, ...rows], { cast: { string: defuseFormula } });
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="recourse-audit.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
