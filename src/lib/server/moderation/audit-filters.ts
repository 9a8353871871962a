/** The audit trail's filters as typed in its address: who, which action, from and to which day. */
import { m } from '$lib/paraglide/messages';
import { dayStart } from '../../validation/moderation';
import type { Db } from '../db/client';
import { auditActions, listAuditActors, type AuditFilters } from './audit';

const DAY_MS = 86_400_000;

/** The filters, the values to show back in the form, and an error beside each unreadable date. */
export function readAuditFilters(db: Db, params: URLSearchParams) {
	const values = {
		actor: params.get('actor') ?? '',
		action: params.get('action') ?? '',
		from: params.get('from') ?? '',
		to: params.get('to') ?? ''
	};
	const errors: Record<string, string> = {};
	const from = dayStart(values.from);
	const to = dayStart(values.to);
	if (from === 'invalid') errors.from = m.error_date();
	if (to === 'invalid') errors.to = m.error_date();
	const actors = listAuditActors(db);
	const filters: AuditFilters = {
		actorId: actors.some((a) => a.id === values.actor) ? values.actor : null,
		action: auditActions.includes(values.action) ? values.action : null,
		from: typeof from === 'number' ? from : null,
		// "To" includes the whole day typed.
		to: typeof to === 'number' ? to + DAY_MS : null
	};
	return { values, errors, actors, filters };
}
