/** The audit trail's filters as typed in its address: who, which action, from and to which day. */
import { m } from '$lib/paraglide/messages';
import { readDayRange } from '../../validation/moderation';
import type { Db } from '../db/client';
import { auditActions, listAuditActors, type AuditFilters } from './audit';

/** The filters, the values to show back in the form, and an error beside each unreadable date. */
export function readAuditFilters(db: Db, params: URLSearchParams) {
	const values = {
		actor: params.get('actor') ?? '',
		action: params.get('action') ?? '',
		from: params.get('from') ?? '',
		to: params.get('to') ?? ''
	};
	const errors: Record<string, string> = {};
	const range = readDayRange(values.from, values.to);
	if (range.invalid.from) errors.from = m.error_date();
	if (range.invalid.to) errors.to = m.error_date();
	const actors = listAuditActors(db);
	const filters: AuditFilters = {
		actorId: actors.some((a) => a.id === values.actor) ? values.actor : null,
		action: auditActions.includes(values.action) ? values.action : null,
		from: range.from,
		to: range.to
	};
	return { values, errors, actors, filters };
}
