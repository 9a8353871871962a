/** One report's case read into the guide's question: which body next, and from which day. */
import type { CaseEvent } from '$lib/case-timeline';
import { escalations as escalationValues, type Escalation, type Industry } from '$lib/taxonomy';
import type { ReportDetail } from '../reports/reports';
import { nextStep, type NextStep } from './index';

export type CaseFacts = {
	country: string | null;
	region: string | null;
	industry: Industry | null;
	startedOn: string;
	outcome: string;
	resolvedOn: string | null;
	/** The escalations ticked on the form. */
	escalations: readonly string[];
	events: readonly Pick<CaseEvent, 'kind' | 'occurredOn' | 'escalationTo'>[];
	/** When the company's public response was posted (ms), if it has one. */
	respondedAt: number | null;
};

/** The facts of a stored report, and the time of its public response if it has one. */
export function caseFactsOf(detail: ReportDetail, respondedAt: number | null): CaseFacts {
	const { report } = detail;
	return {
		country: report.country,
		region: report.region,
		industry: detail.company.industry,
		startedOn: report.startedOn,
		outcome: report.outcome,
		resolvedOn: report.resolvedOn,
		escalations: detail.escalations,
		events: detail.events,
		respondedAt
	};
}

/**
 * The days a waiting rule counts from: the first contact (the timeline's first-contact event, or
 * the day the problem started) and the final response (the latest company response, on the
 * timeline or posted publicly).
 */
export function caseDates(c: CaseFacts): { firstContact: string; finalResponse: string | null } {
	const firstContact = c.events.find((e) => e.kind === 'first-contact')?.occurredOn ?? c.startedOn;
	const responses = c.events.filter((e) => e.kind === 'company-response').map((e) => e.occurredOn);
	if (c.respondedAt !== null) responses.push(new Date(c.respondedAt).toISOString().slice(0, 10));
	return { firstContact, finalResponse: responses.sort().at(-1) ?? null };
}

/** A next step and the day its date is counted from (the first contact or the final response). */
export type CaseStep = NextStep & { countedFrom: string | null };

/**
 * The next step of an unresolved case: the first contact is the timeline's first-contact event
 * or the day the problem started; the final response is the latest company response, on the
 * timeline or posted publicly. Null for a resolved case or when every route has been used.
 */
export function caseNextStep(c: CaseFacts, today?: string): CaseStep | null {
	if (c.outcome === 'resolved' || c.resolvedOn !== null) return null;
	const { firstContact, finalResponse } = caseDates(c);
	const step = nextStep({
		country: c.country,
		region: c.region,
		industry: c.industry,
		firstContactOn: firstContact,
		finalResponseOn: finalResponse,
		escalatedTo: escalationsMade(c),
		today
	});
	if (!step) return null;
	const countedFrom =
		step.basis === 'final-response'
			? finalResponse
			: step.basis === 'first-contact'
				? firstContact
				: null;
	return { ...step, countedFrom };
}

/** Each escalation as many times as the timeline tells it, and at least once when ticked. */
function escalationsMade(c: CaseFacts): Escalation[] {
	const made: Escalation[] = [];
	for (const kind of escalationValues) {
		const onTimeline = c.events.filter((e) => e.kind === 'escalation' && e.escalationTo === kind);
		const ticked = c.escalations.includes(kind);
		for (let i = 0; i < Math.max(onTimeline.length, ticked ? 1 : 0); i++) made.push(kind);
	}
	return made;
}
