/** A report's timeline: its events saved with the report and read back in order. */
import { asc, eq } from 'drizzle-orm';
import { statementCache, type Db } from '../db/client';
import { reportEvent } from '../db/schema';
import type { CaseEvent } from '../../case-timeline';
import { redactPersonalData } from '../privacy/redact';

/** The insert of one event; its parameters come from `eventParameters`. */
export const insertEventSql = `insert into report_event (report_id, position, kind, occurred_on,
	occurred_at, promised_on, promised_at, escalation_to, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The parameters of `insertEventSql` for the event at `position` of a report's timeline. */
export function eventParameters(reportId: number, position: number, e: CaseEvent) {
	return [
		reportId,
		position,
		e.kind,
		e.occurredOn,
		e.occurredAt,
		e.promisedOn,
		e.promisedAt,
		e.escalationTo,
		// Notes are public text: personal data never reaches them, as for the narrative.
		e.note === null ? null : redactPersonalData(e.note).text
	];
}

/** Replaces a report's events (in time order) with `events`. */
export function saveEvents(tx: Db, reportId: number, events: readonly CaseEvent[], isNew = false) {
	if (!isNew) tx.delete(reportEvent).where(eq(reportEvent.reportId, reportId)).run();
	if (!events.length) return;
	const insert = statementCache(tx).prepare(insertEventSql);
	events.forEach((e, position) => insert.run(...eventParameters(reportId, position, e)));
}

/** A report's events, in time order. */
export function readEvents(db: Db, reportId: number): CaseEvent[] {
	return db
		.select({
			kind: reportEvent.kind,
			occurredOn: reportEvent.occurredOn,
			occurredAt: reportEvent.occurredAt,
			promisedOn: reportEvent.promisedOn,
			promisedAt: reportEvent.promisedAt,
			escalationTo: reportEvent.escalationTo,
			note: reportEvent.note
		})
		.from(reportEvent)
		.where(eq(reportEvent.reportId, reportId))
		.orderBy(asc(reportEvent.position))
		.all();
}
