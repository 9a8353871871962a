import { describe, expect, it } from 'vitest';
import {
	blankEventRow,
	deriveCaseFigures,
	parseEventRows,
	readEventRows,
	type CaseEvent,
	type EventFormRow
} from './case-timeline';

const row = (fields: Partial<EventFormRow>): EventFormRow => ({ ...blankEventRow(), ...fields });
const event = (fields: Partial<CaseEvent> & Pick<CaseEvent, 'kind' | 'occurredOn'>): CaseEvent => ({
	occurredAt: null,
	promisedOn: null,
	promisedAt: null,
	escalationTo: null,
	note: null,
	...fields
});

/** The founding outage case: cut 18 hours before the switch-over, out for 112 hours, three repair dates missed. */
const outage: CaseEvent[] = [
	event({
		kind: 'promise-made',
		occurredOn: '2026-09-01',
		promisedOn: '2026-09-15',
		promisedAt: '08:00'
	}),
	event({ kind: 'service-lost', occurredOn: '2026-09-14', occurredAt: '14:00' }),
	event({
		kind: 'promise-made',
		occurredOn: '2026-09-14',
		promisedOn: '2026-09-14',
		promisedAt: '23:59'
	}),
	event({ kind: 'promise-broken', occurredOn: '2026-09-15', occurredAt: '00:00' }),
	event({ kind: 'promise-made', occurredOn: '2026-09-15', promisedOn: '2026-09-16' }),
	event({ kind: 'promise-broken', occurredOn: '2026-09-16' }),
	event({ kind: 'promise-made', occurredOn: '2026-09-16', promisedOn: '2026-09-18' }),
	event({
		kind: 'escalation',
		occurredOn: '2026-09-18',
		escalationTo: 'regulator',
		note: 'State utility board'
	}),
	event({ kind: 'promise-broken', occurredOn: '2026-09-18' }),
	event({ kind: 'service-restored', occurredOn: '2026-09-19', occurredAt: '06:00' }),
	event({ kind: 'resolved', occurredOn: '2026-09-19' })
];

describe('case figures from a timeline', () => {
	it('measure the founding outage: 112 h out, cut 18 h early, 3 of 4 promises broken, resolved after the regulator', () => {
		const figures = deriveCaseFigures(outage);
		expect(figures.outageMinutes).toBe(112 * 60);
		expect(figures.promiseDeltaMinutes).toBe(-18 * 60);
		expect(figures.promisesMade).toBe(4);
		expect(figures.promisesBroken).toBe(3);
		expect(figures.brokenPromises.map((p) => [p.promisedOn, p.brokenOn])).toEqual([
			['2026-09-14', '2026-09-15'],
			['2026-09-16', '2026-09-16'],
			['2026-09-18', '2026-09-18']
		]);
		expect(figures.resolvedOn).toBe('2026-09-19');
		expect(figures.resolvedAfter).toBe('regulator');
	});

	it('count whole days only when a time is missing, and nothing without a timeline', () => {
		const days = deriveCaseFigures([
			event({ kind: 'service-lost', occurredOn: '2024-03-01', occurredAt: '15:00' }),
			event({ kind: 'service-restored', occurredOn: '2024-03-04' })
		]);
		expect(days.outageMinutes).toBe(3 * 24 * 60);
		expect(deriveCaseFigures([])).toMatchObject({
			outageMinutes: null,
			promiseDeltaMinutes: null,
			promisesMade: null,
			promisesBroken: null,
			resolvedAfter: null
		});
	});
});

describe('timeline rows from the form', () => {
	it('are read by row number, blank rows dropped, and sorted by date and time', () => {
		const data = new FormData();
		data.set('event.1.kind', 'service-restored');
		data.set('event.1.date', '2024-03-06');
		data.set('event.0.kind', 'service-lost');
		data.set('event.0.date', '2024-03-01');
		data.set('event.2.kind', '');
		data.set('event.2.note', ' ');
		data.set('event.x.kind', 'note');
		const rows = readEventRows(data);
		expect(rows.map((r) => r.kind)).toEqual(['service-lost', 'service-restored']);
		const parsed = parseEventRows(rows.reverse(), '2030-01-01');
		expect(parsed.ok && parsed.events.map((e) => e.kind)).toEqual([
			'service-lost',
			'service-restored'
		]);
	});

	it('report each problem beside its field', () => {
		const parsed = parseEventRows(
			[
				row({ kind: 'promise-made', date: '2024-02-30' }),
				row({ kind: 'escalation', date: '2024-03-01', time: '25:00' }),
				row({ kind: 'teleport', date: '2031-01-01' })
			],
			'2030-01-01'
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toEqual({
			'event.0.date': 'date',
			'event.0.promisedDate': 'promised-needed',
			'event.1.time': 'time',
			'event.1.escalation': 'escalation-needed',
			'event.2.kind': 'kind',
			'event.2.date': 'date-future'
		});
	});
});
