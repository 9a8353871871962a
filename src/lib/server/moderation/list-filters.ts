/**
 * The filters of the staff lists (the audit trail, hidden and removed items) as typed in their
 * address, read by the strict parser the public views use: a value the list does not know (a
 * reason, a moderator, a day) is refused beside its field and the list stays empty, never
 * widened to everything as if the filter had not been given.
 */
import { m } from '$lib/paraglide/messages';
import {
	integer,
	isoDate,
	one,
	oneOf,
	readParams,
	type ParamTable,
	type ParamValues
} from '../query-params';
import type { Db } from '../db/client';
import { auditActions, listAuditActors } from './audit';
import { listModerators } from './moderation';
import { flagReasons } from '../../taxonomy';

const DAY_MS = 86_400_000;
const days = { from: one(isoDate), to: one(isoDate) };

export type StaffFilters<T extends ParamTable> = {
	/** What was read; only meaningful when `refused` is false. */
	values: ParamValues<T & typeof days>;
	/** Each parameter as typed, to show back in the form. */
	typed: Record<keyof T | 'from' | 'to', string>;
	/** A message beside each refused field, in the reader's language. */
	errors: Partial<Record<keyof T | 'from' | 'to', string>>;
	refused: boolean;
	/** The days as instants: from the start of `from` to the end of `to` (exclusive). */
	span: { from: number | null; to: number | null };
};

/** Reads `table` plus a from/to day range; names the list does not take are passed over. */
export function readStaffFilters<T extends ParamTable>(
	params: URLSearchParams,
	table: T
): StaffFilters<T> {
	const full = { ...table, ...days };
	const { values, problems } = readParams(params, full, { unknownNames: 'ignore' });
	const errors: Record<string, string> = {};
	for (const p of problems) {
		errors[p.parameter] ??= p.parameter in days ? m.error_date() : m.error_choose();
	}
	if (values.from && values.to && values.from > values.to) errors.to ??= m.error_end_before_start();
	const typed = Object.fromEntries(
		Object.keys(full).map((name) => [name, (params.get(name) ?? '').slice(0, 100)])
	);
	const at = (day: string | null) => (day ? Date.parse(`${day}T00:00:00Z`) : null);
	const to = at(values.to);
	return {
		values: values as StaffFilters<T>['values'],
		typed: typed as StaffFilters<T>['typed'],
		errors: errors as StaffFilters<T>['errors'],
		refused: Object.keys(errors).length > 0,
		span: { from: at(values.from), to: to === null ? null : to + DAY_MS }
	};
}

/** The audit trail's filters (who, which action, from and to which day) and its page. */
export function readAuditFilters(db: Db, params: URLSearchParams) {
	const actors = listAuditActors(db);
	const read = readStaffFilters(params, {
		actor: one(oneOf(actors.map((a) => a.id))),
		action: one(oneOf(auditActions)),
		// A page of the trail: the id of the last entry the previous page showed.
		before: one(integer(1, Number.MAX_SAFE_INTEGER))
	});
	const { actor, action, before } = read.values;
	return {
		...read,
		actors,
		before,
		filters: { actorId: actor, action, from: read.span.from, to: read.span.to }
	};
}

/** The hidden and removed items' filters: which list, the reason, the moderator, the days. */
export function readHiddenFilters(db: Db, params: URLSearchParams) {
	const moderators = listModerators(db);
	const read = readStaffFilters(params, {
		status: one(oneOf(['hidden', 'removed'] as const), 'hidden'),
		reason: one(oneOf(flagReasons)),
		moderator: one(oneOf(moderators.map((mod) => mod.id)))
	});
	const { status, reason, moderator } = read.values;
	return {
		...read,
		moderators,
		status,
		filters: { reason, moderatorId: moderator, from: read.span.from, to: read.span.to }
	};
}
