/**
 * How a generated case unfolded: its first contact, its escalations with their dates, its
 * resolution and what the author says resolved it. Drawn from a generator of its own per report
 * (seed and id), so that every other generated fact stays what it was before stories existed.
 */
import { escalations, type Escalation } from '../../taxonomy';
import type { EventKind, ResolutionRoute } from '../../case-timeline';
import { Random } from './random';

export type StoryEvent = { kind: EventKind; day: number; escalationTo: Escalation | null };

export type CaseStory = {
	resolvedBy: ResolutionRoute | null;
	/** Day number of the "resolved" event, or null. */
	resolvedDay: number | null;
	events: StoryEvent[];
};

export type StoryFacts = {
	seed: number;
	id: number;
	startDay: number;
	/** The end of the incident, or null while it goes on. */
	endDay: number | null;
	createdDay: number;
	resolved: boolean;
	/** Bit i: the report names the i-th escalation of the taxonomy. */
	escalationMask: number;
};

/** One in four cases is told without a timeline: its escalations then have no dates. */
const TIMELINE_SHARE = 0.75;

/** The story of one generated case (deterministic in its facts). */
export function caseStory(f: StoryFacts): CaseStory {
	const random = new Random((Math.imul(f.seed, 0x9e3779b1) ^ f.id) >>> 0);
	const named = escalations.filter((_, i) => f.escalationMask & (1 << i));
	let resolvedBy: ResolutionRoute | null = null;
	if (f.resolved) {
		const r = random.next();
		// Most who escalated credit the last escalation; the rest the company, or say nothing.
		if (named.length) resolvedBy = r < 0.75 ? named[named.length - 1]! : r < 0.9 ? 'company' : null;
		else resolvedBy = r < 0.85 ? 'company' : null;
	}
	const resolvedDay = f.resolved && f.endDay !== null ? f.endDay : null;
	if (!random.chance(TIMELINE_SHARE)) return { resolvedBy, resolvedDay: null, events: [] };
	const last = resolvedDay ?? f.createdDay;
	const first = Math.min(last, f.startDay + random.int(3));
	const events: StoryEvent[] = [{ kind: 'first-contact', day: first, escalationTo: null }];
	// Escalations in taxonomy order (supervisor first, court last), spread over the case.
	named.forEach((escalation, i) => {
		const share = (i + 0.5 + 0.4 * (random.next() - 0.5)) / named.length;
		events.push({
			kind: 'escalation',
			day: first + Math.floor((last - first) * share),
			escalationTo: escalation
		});
	});
	if (resolvedDay !== null) events.push({ kind: 'resolved', day: resolvedDay, escalationTo: null });
	return { resolvedBy, resolvedDay, events };
}
