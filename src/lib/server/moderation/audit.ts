/**
 * The audit trail: every moderation and administration action, append-only, newest first, read
 * as who (name and role), what (a sentence in the reader's language), on what (a link), when
 * and why (reason and note); filtered by actor, action and date; exported as CSV.
 */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { localizeHref, type Locale } from '$lib/paraglide/runtime';
import { flagReasonLabelIn } from '$lib/labels';
import { flagReasons } from '$lib/taxonomy';
import { parseJsonObject } from '../json-object';
import type { Db } from '../db/client';
import { auditLog, company, report, user } from '../db/schema';

export type AuditInput = {
	/** Null for actions taken from the command line. */
	actorId: string | null;
	action: string;
	targetType: string;
	targetId: string | number;
	reason?: string | null;
	/** Why, in the actor's words. */
	note?: string | null;
	details?: Record<string, unknown>;
};

/** Appends one entry; call it in the same transaction as the action it records. */
export function recordAudit(tx: Db, entry: AuditInput, now = Date.now()): void {
	tx.insert(auditLog)
		.values({
			actorId: entry.actorId,
			action: entry.action,
			targetType: entry.targetType,
			targetId: String(entry.targetId),
			reason: entry.reason ?? null,
			note: entry.note || null,
			details: entry.details ? JSON.stringify(entry.details) : null,
			createdAt: now
		})
		.run();
}

type Sentence = (locale: Locale, details: Record<string, unknown>) => string;
const role = (value: unknown, locale: Locale) =>
	value === 'admin'
		? m.role_admin({}, { locale })
		: value === 'moderator'
			? m.role_moderator({}, { locale })
			: value === 'user'
				? m.role_user({}, { locale })
				: String(value ?? '');

const teamRole = (value: unknown, locale: Locale) =>
	value === 'manager'
		? m.team_role_manager({}, { locale })
		: value === 'responder'
			? m.team_role_responder({}, { locale })
			: String(value ?? '');

/** Every action the trail knows, with its sentence: the "action" filter offers these. */
const sentences: Record<string, Sentence> = {
	'report.hide': (locale) => m.audit_do_report_hide({}, { locale }),
	'report.restore': (locale) => m.audit_do_report_restore({}, { locale }),
	'report.remove-proposed': (locale) => m.audit_do_report_remove_proposed({}, { locale }),
	'report.remove': (locale) => m.audit_do_report_remove({}, { locale }),
	'report.remove-rejected': (locale) => m.audit_do_report_remove_rejected({}, { locale }),
	'report.dismiss': (locale) => m.audit_do_report_dismiss({}, { locale }),
	'report.deleted-by-author': (locale) => m.audit_do_report_deleted({}, { locale }),
	'response.hide': (locale) => m.audit_do_response_hide({}, { locale }),
	'response.restore': (locale) => m.audit_do_response_restore({}, { locale }),
	'response.remove-proposed': (locale) => m.audit_do_response_remove_proposed({}, { locale }),
	'response.remove': (locale) => m.audit_do_response_remove({}, { locale }),
	'response.remove-rejected': (locale) => m.audit_do_response_remove_rejected({}, { locale }),
	'response.dismiss': (locale) => m.audit_do_response_dismiss({}, { locale }),
	'entry.hide': (locale) => m.audit_do_entry_hide({}, { locale }),
	'entry.restore': (locale) => m.audit_do_entry_restore({}, { locale }),
	'entry.remove-proposed': (locale) => m.audit_do_entry_remove_proposed({}, { locale }),
	'entry.remove': (locale) => m.audit_do_entry_remove({}, { locale }),
	'entry.remove-rejected': (locale) => m.audit_do_entry_remove_rejected({}, { locale }),
	'entry.dismiss': (locale) => m.audit_do_entry_dismiss({}, { locale }),
	'representative.verified': (locale) => m.audit_do_representative_verified({}, { locale }),
	'representative.granted': (locale) => m.audit_do_representative_granted({}, { locale }),
	'representative.revoked': (locale) => m.audit_do_representative_revoked({}, { locale }),
	'representative.invited': (locale) => m.audit_do_representative_invited({}, { locale }),
	'representative.joined': (locale) => m.audit_do_representative_joined({}, { locale }),
	'representative.role': (locale, d) =>
		m.audit_do_representative_role(
			{ from: teamRole(d.from, locale), to: teamRole(d.to, locale) },
			{ locale }
		),
	'representative.removed': (locale) => m.audit_do_representative_removed({}, { locale }),
	'user.role': (locale, d) =>
		m.audit_do_user_role({ from: role(d.from, locale), to: role(d.to, locale) }, { locale })
};
export const auditActions = Object.keys(sentences);

/** Each known action and what it reads as, for the "action" filter. */
export function auditActionChoices(locale: Locale) {
	return auditActions.map((action) => ({
		value: action,
		label: sentences[action]!(locale, { from: '…', to: '…' })
	}));
}

export type AuditFilters = {
	actorId?: string | null;
	action?: string | null;
	/** UTC ms, inclusive. */
	from?: number | null;
	/** UTC ms, exclusive. */
	to?: number | null;
};

function conditions(filters: AuditFilters): SQL | undefined {
	return and(
		filters.actorId ? eq(auditLog.actorId, filters.actorId) : undefined,
		filters.action ? eq(auditLog.action, filters.action) : undefined,
		filters.from ? gte(auditLog.createdAt, filters.from) : undefined,
		filters.to ? lt(auditLog.createdAt, filters.to) : undefined
	);
}

function selectEntries(db: Db, where: SQL | undefined, limit: number) {
	return db
		.select({
			id: auditLog.id,
			action: auditLog.action,
			targetType: auditLog.targetType,
			targetId: auditLog.targetId,
			reason: auditLog.reason,
			note: auditLog.note,
			details: auditLog.details,
			createdAt: auditLog.createdAt,
			actorId: auditLog.actorId,
			actorName: user.displayName,
			actorRole: user.role,
			companyName: company.name,
			companySlug: company.slug,
			reportTitle: report.title,
			targetUserName: sql<
				string | null
			>`(select u2.display_name from ${user} u2 where ${auditLog.targetType} = 'user' and u2.id = ${auditLog.targetId})`
		})
		.from(auditLog)
		.leftJoin(user, eq(auditLog.actorId, user.id))
		.leftJoin(
			company,
			and(
				eq(auditLog.targetType, 'company'),
				eq(company.id, sql`cast(${auditLog.targetId} as integer)`)
			)
		)
		.leftJoin(
			report,
			and(
				eq(auditLog.targetType, 'report'),
				eq(report.id, sql`cast(${auditLog.targetId} as integer)`)
			)
		)
		.where(where)
		.orderBy(desc(auditLog.id))
		.limit(limit)
		.all();
}
type Row = ReturnType<typeof selectEntries>[number];

/** One entry as the reader reads it. */
export type AuditView = {
	id: number;
	createdAt: number;
	actorName: string | null;
	actorRole: string | null;
	action: string;
	sentence: string;
	target: string;
	/** A path on this site in the reader's language; null when the target has no page (any more). */
	href: string | null;
	reason: string;
	note: string;
};

function view(row: Row, locale: Locale): AuditView {
	const details = parseJsonObject(row.details);
	const sentence = sentences[row.action]?.(locale, details) ?? row.action;
	const reportId = typeof details.reportId === 'number' ? details.reportId : null;
	let target = `${row.targetType} ${row.targetId}`;
	let href: string | null = null;
	if (row.targetType === 'report') {
		// A removed report has no page; its title stays in the entry.
		target = row.reportTitle ?? String(details.title ?? target);
		if (row.reportTitle !== null) href = localizeHref(`/reports/${row.targetId}`, { locale });
	} else if (row.targetType === 'response' || row.targetType === 'entry') {
		target = String(details.title ?? target);
		const anchor = row.targetType === 'entry' ? `#entry-${row.targetId}` : '#response';
		if (reportId !== null) href = localizeHref(`/reports/${reportId}`, { locale }) + anchor;
	} else if (row.targetType === 'company' && row.companySlug) {
		target = row.companyName ?? target;
		href = localizeHref(`/companies/${row.companySlug}`, { locale });
	} else if (row.targetType === 'user') {
		target = row.targetUserName ?? target;
	}
	const reason = row.reason
		? (flagReasons as readonly string[]).includes(row.reason)
			? flagReasonLabelIn(row.reason, locale)
			: row.reason
		: '';
	const note = row.note ?? (typeof details.note === 'string' ? details.note : '');
	return {
		id: row.id,
		createdAt: row.createdAt,
		actorName: row.actorName,
		actorRole: row.actorRole ? role(row.actorRole, locale) : null,
		action: row.action,
		sentence,
		target,
		href,
		reason,
		note
	};
}

/** One page of the trail, newest first (keyset by id), each entry in the reader's language. */
export function listAudit(
	db: Db,
	locale: Locale,
	options: AuditFilters & { before?: number | null; limit?: number } = {}
) {
	const limit = options.limit ?? 50;
	const rows = selectEntries(
		db,
		and(conditions(options), options.before ? lt(auditLog.id, options.before) : undefined),
		limit + 1
	);
	const page = rows.slice(0, limit).map((row) => view(row, locale));
	return { entries: page, next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** Everyone who appears as an actor in the trail: the choices of the "who" filter. */
export function listAuditActors(db: Db) {
	const ids = db.selectDistinct({ id: auditLog.actorId }).from(auditLog).all();
	const known = ids.map((r) => r.id).filter((id): id is string => id !== null);
	if (known.length === 0) return [];
	return db
		.select({ id: user.id, name: user.displayName, role: user.role })
		.from(user)
		.where(inArray(user.id, known))
		.orderBy(user.displayName)
		.all();
}

/** The whole filtered trail in pages of `batch`, newest first, for the CSV export. */
export function* auditExportBatches(
	db: Db,
	locale: Locale,
	filters: AuditFilters,
	origin: string,
	batch = 1000
): Generator<string[][]> {
	let before: number | null = null;
	for (;;) {
		const rows = selectEntries(
			db,
			and(conditions(filters), before ? lt(auditLog.id, before) : undefined),
			batch
		);
		if (rows.length === 0) return;
		yield rows.map((row) => {
			const v = view(row, locale);
			return [
				new Date(v.createdAt).toISOString(),
				v.actorName ?? '',
				v.actorRole ?? '',
				v.action,
				v.sentence,
				v.target,
				v.href ? origin + v.href : '',
				v.reason,
				v.note
			];
		});
		before = rows[rows.length - 1]!.id;
		if (rows.length < batch) return;
	}
}

export const auditCsvHeader = [
	'time_utc',
	'actor',
	'actor_role',
	'action',
	'description',
	'target',
	'url',
	'reason',
	'note'
];
