/**
 * A case's timeline: dated events as the author tells them, read from the form and turned into
 * the figures a page, an export and the roll-ups count (decision 017). Pure, shared by both sides.
 */
import { escalations, isOneOf, type Escalation } from './taxonomy';

export const eventKinds = [
	'first-contact',
	'contact',
	'promise-made',
	'promise-broken',
	'service-lost',
	'service-restored',
	'escalation',
	'company-response',
	'refund',
	'resolved',
	'note'
] as const;
export type EventKind = (typeof eventKinds)[number];

/** What finally resolved a case: the company on its own, or an escalation to someone. */
export const resolutionRoutes = ['company', ...escalations] as const;
export type ResolutionRoute = (typeof resolutionRoutes)[number];

/** One event as stored: a calendar date and, when known, a local time of day (HH:MM). */
export type CaseEvent = {
	kind: EventKind;
	occurredOn: string;
	occurredAt: string | null;
	/** For a promise: the date and time the company promised. */
	promisedOn: string | null;
	promisedAt: string | null;
	/** For an escalation: to whom. */
	escalationTo: Escalation | null;
	/** Free text: who (the named regulator), what was said, a reference number. */
	note: string | null;
};

export const TIMELINE_MAX_EVENTS = 60;
export const EVENT_NOTE_MAX = 300;
/** Blank rows the form offers below the events already typed. */
export const BLANK_EVENT_ROWS = 2;

export const eventFields = [
	'kind',
	'date',
	'time',
	'promisedDate',
	'promisedTime',
	'escalation',
	'note'
] as const;
export type EventField = (typeof eventFields)[number];
/** One event row of the form, as typed. */
export type EventFormRow = Record<EventField, string>;
/** Field errors of event rows, keyed `event.<row>.<field>`. */
export type EventErrors = Record<string, EventErrorCode>;
export type EventErrorCode =
	| 'kind'
	| 'date'
	| 'date-future'
	| 'time'
	| 'promised-date'
	| 'promised-needed'
	| 'escalation-needed'
	| 'note-too-long'
	| 'too-many';

export const eventFieldName = (row: number, field: EventField) => `event.${row}.${field}`;

/** The event rows of a submitted form, in row order, blank rows dropped. */
export function readEventRows(data: FormData): EventFormRow[] {
	const rows = new Map<number, EventFormRow>();
	for (const [name, value] of data) {
		const match = /^event\.(\d{1,3})\.(\w+)$/.exec(name);
		if (!match || typeof value !== 'string') continue;
		const field = match[2] as EventField;
		if (!(eventFields as readonly string[]).includes(field)) continue;
		const index = Number(match[1]);
		const row = rows.get(index) ?? blankEventRow();
		row[field] = value;
		rows.set(index, row);
	}
	return [...rows.entries()]
		.sort(([a], [b]) => a - b)
		.map(([, row]) => row)
		.filter((row) => eventFields.some((f) => row[f].trim() !== ''));
}

export function blankEventRow(): EventFormRow {
	return {
		kind: '',
		date: '',
		time: '',
		promisedDate: '',
		promisedTime: '',
		escalation: '',
		note: ''
	};
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
/** Whether text is a real calendar date (YYYY-MM-DD) from 1970 on. */
export function isRealDate(s: string): boolean {
	if (!isoDate.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1970-01-01';
}
const isTime = (s: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);

/**
 * Validates typed rows; `latest` is the latest date anyone can be living today. Events come back
 * in time order (the order typed breaks ties), with errors keyed by the row as typed.
 */
export function parseEventRows(
	rows: EventFormRow[],
	latest: string
): { ok: true; events: CaseEvent[] } | { ok: false; errors: EventErrors } {
	const errors: EventErrors = {};
	if (rows.length > TIMELINE_MAX_EVENTS) {
		errors[eventFieldName(TIMELINE_MAX_EVENTS, 'kind')] = 'too-many';
	}
	const events: CaseEvent[] = [];
	rows.slice(0, TIMELINE_MAX_EVENTS).forEach((typed, i) => {
		const row = Object.fromEntries(eventFields.map((f) => [f, typed[f].trim()])) as EventFormRow;
		const fail = (field: EventField, code: EventErrorCode) => {
			errors[eventFieldName(i, field)] ??= code;
		};
		if (!isOneOf(eventKinds, row.kind)) fail('kind', 'kind');
		if (!isRealDate(row.date)) fail('date', 'date');
		else if (row.date > latest) fail('date', 'date-future');
		if (row.time && !isTime(row.time)) fail('time', 'time');
		if (row.promisedDate && !isRealDate(row.promisedDate)) fail('promisedDate', 'promised-date');
		if (row.promisedTime && !isTime(row.promisedTime)) fail('promisedTime', 'time');
		if (row.promisedTime && !row.promisedDate) fail('promisedDate', 'promised-date');
		if (row.kind === 'promise-made' && !row.promisedDate) fail('promisedDate', 'promised-needed');
		if (row.escalation && !isOneOf(escalations, row.escalation)) {
			fail('escalation', 'escalation-needed');
		}
		if (row.kind === 'escalation' && !row.escalation) fail('escalation', 'escalation-needed');
		if ([...row.note].length > EVENT_NOTE_MAX) fail('note', 'note-too-long');
		const promise = row.kind === 'promise-made';
		events.push({
			kind: row.kind as EventKind,
			occurredOn: row.date,
			occurredAt: row.time || null,
			promisedOn: promise ? row.promisedDate || null : null,
			promisedAt: promise ? row.promisedTime || null : null,
			escalationTo:
				row.kind === 'escalation' && isOneOf(escalations, row.escalation) ? row.escalation : null,
			note: row.note || null
		});
	});
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, events: sortEvents(events) };
}

/** Time order; events of one day without a time keep the order they were typed in. */
export function sortEvents(events: CaseEvent[]): CaseEvent[] {
	return events
		.map((event, i) => ({ event, i }))
		.sort(
			(a, b) =>
				a.event.occurredOn.localeCompare(b.event.occurredOn) ||
				(a.event.occurredAt && b.event.occurredAt
					? a.event.occurredAt.localeCompare(b.event.occurredAt)
					: 0) ||
				a.i - b.i
		)
		.map(({ event }) => event);
}

/** The form rows of stored events (the edit form's starting point). */
export function eventsToRows(events: CaseEvent[]): EventFormRow[] {
	return events.map((e) => ({
		kind: e.kind,
		date: e.occurredOn,
		time: e.occurredAt ?? '',
		promisedDate: e.promisedOn ?? '',
		promisedTime: e.promisedAt ?? '',
		escalation: e.escalationTo ?? '',
		note: e.note ?? ''
	}));
}

/** Minutes since the epoch of a local date and time (the consumer's own clock; no time zone). */
function minutesOf(date: string, time: string): number {
	return Date.parse(`${date}T${time}:00Z`) / 60_000;
}

/** A broken promise: what was promised for when, and when it was seen to be broken. */
export type BrokenPromise = {
	promisedOn: string | null;
	promisedAt: string | null;
	brokenOn: string;
	brokenAt: string | null;
};

/** The figures a timeline gives, stored on the report so that lists and roll-ups need no events. */
export type CaseFigures = {
	/** Service lost to service restored, when both carry a time (else whole days × 24). */
	outageMinutes: number | null;
	/** Promised against actual for the first timed promise: negative when it came early. */
	promiseDeltaMinutes: number | null;
	promisesMade: number | null;
	/** Counted from the timeline when it has promises, else null (the typed count stands). */
	promisesBroken: number | null;
	resolvedOn: string | null;
	/** The escalation after which the case was resolved (the last one before "resolved"). */
	resolvedAfter: Escalation | null;
	brokenPromises: BrokenPromise[];
};

/** Derives the case's figures from its events (in time order). */
export function deriveCaseFigures(events: readonly CaseEvent[]): CaseFigures {
	const lost = events.find((e) => e.kind === 'service-lost');
	const restored = lost
		? events.find((e) => e.kind === 'service-restored' && events.indexOf(e) > events.indexOf(lost))
		: undefined;
	let outageMinutes: number | null = null;
	if (lost && restored) {
		// Without both times only whole days are known: counted from the dates, never guessed in hours.
		const both = lost.occurredAt && restored.occurredAt;
		outageMinutes =
			minutesOf(restored.occurredOn, both ? restored.occurredAt! : '00:00') -
			minutesOf(lost.occurredOn, both ? lost.occurredAt! : '00:00');
	}
	// Each broken promise answers the latest promise made before it that is still open.
	const open: CaseEvent[] = [];
	const brokenPromises: BrokenPromise[] = [];
	for (const e of events) {
		if (e.kind === 'promise-made') open.push(e);
		if (e.kind !== 'promise-broken') continue;
		const made = open.pop();
		brokenPromises.push({
			promisedOn: made?.promisedOn ?? null,
			promisedAt: made?.promisedAt ?? null,
			brokenOn: e.occurredOn,
			brokenAt: e.occurredAt
		});
	}
	const made = events.filter((e) => e.kind === 'promise-made').length;
	const resolvedIndex = events.findIndex((e) => e.kind === 'resolved');
	const resolved = resolvedIndex >= 0 ? events[resolvedIndex] : undefined;
	const lastEscalation = events
		.slice(0, resolvedIndex >= 0 ? resolvedIndex : 0)
		.findLast((e) => e.kind === 'escalation' && e.escalationTo);
	return {
		outageMinutes,
		promiseDeltaMinutes: promisedVersusActual(events),
		promisesMade: made || brokenPromises.length ? made : null,
		promisesBroken: made || brokenPromises.length ? brokenPromises.length : null,
		resolvedOn: resolved?.occurredOn ?? null,
		resolvedAfter: lastEscalation?.escalationTo ?? null,
		brokenPromises
	};
}

/** What shows whether a promise was kept: the service changing, or the promise declared broken. */
const outcomeOfPromise: ReadonlySet<EventKind> = new Set([
	'promise-broken',
	'service-lost',
	'service-restored'
]);

/**
 * Promised against actual, in minutes, for the first promise with a promised time: what happened
 * next (the service cut or restored, or the promise broken) minus the time promised. Negative
 * when it came early: a line cut the day before the agreed switch-over.
 */
function promisedVersusActual(events: readonly CaseEvent[]): number | null {
	for (const [i, promise] of events.entries()) {
		if (promise.kind !== 'promise-made' || !promise.promisedOn || !promise.promisedAt) continue;
		const actual = events.slice(i + 1).find((e) => outcomeOfPromise.has(e.kind));
		if (!actual?.occurredAt) return null;
		return (
			minutesOf(actual.occurredOn, actual.occurredAt) -
			minutesOf(promise.promisedOn, promise.promisedAt)
		);
	}
	return null;
}

/** Whole days from the first event (or the start date) to resolution, or null when not resolved. */
export function daysToResolution(startedOn: string, resolvedOn: string | null): number | null {
	if (!resolvedOn) return null;
	return Math.round((Date.parse(resolvedOn) - Date.parse(startedOn)) / 86_400_000);
}
