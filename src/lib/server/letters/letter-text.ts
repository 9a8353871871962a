/**
 * The text of a formal complaint letter, written from a report's facts and timeline in one of
 * the interface languages (decision 024). Pure: the page, the tests and nothing else call it.
 */
import type { CaseEvent } from '../../case-timeline';
import { deriveCaseFigures } from '../../case-timeline';
import { categoryLabelIn, escalationLabelIn, eventKindLabelIn } from '../../labels';
import { m } from '../../paraglide/messages';
import type { Locale } from '../../paraglide/runtime';
import { currencyDigits } from '../../taxonomy';
import type { Report } from '../db/schema';
import type { Period, WaitRule } from '../guide';
import { letterAsks, type LetterAsk } from '../../validation/letter';

/** Who the letter is to: the company itself, or a body from the escalation guide. */
export type LetterRecipient =
	| {
			kind: 'company';
			name: string;
			/** The body the case goes to next, if the guide knows one. */ next: string | null;
	  }
	| {
			kind: 'body';
			name: string;
			url: string;
			wait: WaitRule;
			/** From when it takes this case. */ from: string;
	  };

/** The report's facts the letter tells: stored public text only, already redacted. */
export type LetterFacts = Pick<
	Report,
	| 'title'
	| 'product'
	| 'category'
	| 'startedOn'
	| 'endedOn'
	| 'outcome'
	| 'contacts'
	| 'contactsAtLeast'
	| 'agents'
	| 'agentsAtLeast'
	| 'effortMinutes'
	| 'effortAtLeast'
	| 'outageMinutes'
	| 'currency'
	| 'amountDisputedMinor'
	| 'amountRecoveredMinor'
	| 'orderValueMinor'
> & { company: string; escalations: readonly string[]; events: readonly CaseEvent[] };

/** What the author typed for this letter only: never stored (decision 024). */
export type LetterSender = { name: string; address: string; account: string; reference: string };

export type LetterInput = {
	facts: LetterFacts;
	recipient: LetterRecipient;
	asks: readonly LetterAsk[];
	sender: LetterSender;
	/** Calendar dates (YYYY-MM-DD): the letter's date and the date a reply is asked for. */
	today: string;
	replyBy: string;
};

/** The day the author first told the company: the first contact, else the first contact of any kind. */
export function firstContactOn(events: readonly CaseEvent[]): string | null {
	const first =
		events.find((e) => e.kind === 'first-contact') ?? events.find((e) => e.kind === 'contact');
	return first?.occurredOn ?? null;
}

/** Intl formatting in the letter's language: long dates, money, hours, periods and lists. */
function formatsFor(locale: Locale) {
	const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
	const dayTime = new Intl.DateTimeFormat(locale, {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'UTC'
	});
	const hours = new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: 'hour',
		unitDisplay: 'long',
		maximumFractionDigits: 1
	});
	const list = new Intl.ListFormat(locale, { type: 'conjunction' });
	return {
		/** A local date, with its local time of day when known (no time zone: the consumer's clock). */
		date: (on: string, at?: string | null) =>
			at
				? dayTime.format(Date.parse(`${on}T${at}:00Z`))
				: day.format(Date.parse(`${on}T00:00:00Z`)),
		money: (minor: number, currency: string) =>
			new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
				minor / 10 ** currencyDigits(currency)
			),
		hours: (minutes: number) => hours.format(minutes / 60),
		period: (p: Period) =>
			new Intl.NumberFormat(locale, {
				style: 'unit',
				unit: p.unit.slice(0, -1),
				unitDisplay: 'long'
			}).format(p.count),
		number: (n: number) => new Intl.NumberFormat(locale).format(n),
		list: (items: string[]) => list.format(items)
	};
}

/** The letter as plain text, lines separated by "\n", ready to copy or print. */
export function writeLetter(input: LetterInput, locale: Locale): string {
	const { facts, recipient, sender } = input;
	const f = formatsFor(locale);
	const o = { locale };
	const toBody = recipient.kind === 'body';
	const blocks: string[][] = [];
	const add = (...lines: (string | null | false | undefined)[]) => {
		const kept = lines.filter((l): l is string => typeof l === 'string' && l !== '');
		if (kept.length) blocks.push(kept);
	};
	const sentences = (...parts: (string | null | false)[]) => parts.filter(Boolean).join(' ');

	add(sender.name.trim(), ...sender.address.split(/\r?\n/).map((l) => l.trim()));
	add(recipient.name, toBody ? recipient.url : null);
	add(f.date(input.today));
	add(
		toBody
			? m.letter_subject_body({ company: facts.company, title: facts.title }, o)
			: m.letter_subject_company({ title: facts.title }, o),
		sender.account.trim() && m.letter_account_line({ account: sender.account.trim() }, o),
		sender.reference.trim() && m.letter_reference_line({ reference: sender.reference.trim() }, o)
	);
	add(m.letter_greeting({}, o));

	const about = {
		product: facts.product.trim() || facts.company,
		category: categoryLabelIn(facts.category, locale)
	};
	add(
		sentences(
			toBody
				? m.letter_opening_body({ company: facts.company, ...about }, o)
				: m.letter_opening_company(about, o),
			m.letter_started({ date: f.date(facts.startedOn) }, o),
			facts.endedOn !== null && m.letter_ended({ date: f.date(facts.endedOn) }, o),
			facts.outcome !== 'resolved' && m.letter_unresolved({}, o),
			facts.outageMinutes !== null &&
				facts.outageMinutes > 0 &&
				m.letter_outage({ duration: f.hours(facts.outageMinutes) }, o)
		)
	);
	if (recipient.kind === 'body') {
		const told = firstContactOn(facts.events);
		add(
			sentences(
				told
					? m.letter_told_company({ company: facts.company, date: f.date(told) }, o)
					: m.letter_told_company_undated({ company: facts.company }, o),
				waitSentence(recipient.wait, recipient.from, f, locale)
			)
		);
	}

	if (facts.events.length) {
		add(m.letter_facts_heading({}, o), ...facts.events.map((e) => `- ${eventLine(e, f, locale)}`));
	}
	const broken = deriveCaseFigures(facts.events).brokenPromises;
	if (broken.length) {
		add(
			toBody ? m.letter_promises_body({}, o) : m.letter_promises_company({}, o),
			...broken.map(
				(p) =>
					'- ' +
					(p.promisedOn
						? m.letter_promise_broken(
								{
									promised: f.date(p.promisedOn, p.promisedAt),
									broken: f.date(p.brokenOn, p.brokenAt)
								},
								o
							)
						: m.letter_promise_broken_undated({ broken: f.date(p.brokenOn, p.brokenAt) }, o))
			)
		);
	}

	const atLeast = (text: string, flag: boolean) =>
		flag ? m.letter_at_least({ value: text }, o) : text;
	const effort = [
		facts.contacts !== null &&
			m.letter_effort_contacts(
				{ count: atLeast(f.number(facts.contacts), facts.contactsAtLeast) },
				o
			),
		facts.agents !== null &&
			m.letter_effort_agents({ count: atLeast(f.number(facts.agents), facts.agentsAtLeast) }, o),
		facts.effortMinutes !== null &&
			m.letter_effort_time(
				{ duration: atLeast(f.hours(facts.effortMinutes), facts.effortAtLeast) },
				o
			)
	].filter((l) => typeof l === 'string');
	if (effort.length) add(m.letter_effort_heading({}, o), ...effort.map((l) => `- ${l}`));

	const money = (minor: number | null) =>
		minor !== null && minor > 0 && facts.currency ? f.money(minor, facts.currency) : null;
	const disputed = money(facts.amountDisputedMinor);
	const orderValue = money(facts.orderValueMinor);
	const recovered = money(facts.amountRecoveredMinor);
	add(
		sentences(
			disputed && m.letter_amount_disputed({ amount: disputed }, o),
			orderValue && m.letter_order_value({ amount: orderValue }, o),
			recovered && m.letter_amount_recovered({ amount: recovered }, o),
			facts.escalations.length > 0 &&
				m.letter_escalations(
					{ list: f.list(facts.escalations.map((e) => escalationLabelIn(e, locale))) },
					o
				)
		)
	);

	if (input.asks.length) {
		const askText: Record<LetterAsk, () => string> = {
			fix: () => m.letter_ask_fix({}, o),
			refund: () =>
				disputed ? m.letter_ask_refund_amount({ amount: disputed }, o) : m.letter_ask_refund({}, o),
			compensation: () => m.letter_ask_compensation({}, o),
			'final-response': () => m.letter_ask_final_response({}, o),
			cancel: () => m.letter_ask_cancel({}, o)
		};
		add(
			toBody ? m.letter_asks_body({ company: facts.company }, o) : m.letter_asks_company({}, o),
			...letterAsks.filter((a) => input.asks.includes(a)).map((a) => `- ${askText[a]()}`)
		);
	}
	const replyBy = f.date(input.replyBy);
	add(
		recipient.kind === 'body'
			? m.letter_deadline_body({ date: replyBy }, o)
			: recipient.next
				? m.letter_deadline_company_next({ date: replyBy, body: recipient.next }, o)
				: m.letter_deadline_company({ date: replyBy }, o)
	);
	add(m.letter_closing({}, o));
	add(sender.name.trim());
	const text = blocks.map((lines) => lines.join('\n')).join('\n\n') + '\n';
	// Russian dates end in "г.", and a sentence ending in a date would end in two full stops.
	return locale === 'ru' ? text.replaceAll(' г..', ' г.') : text;
}

type Formats = ReturnType<typeof formatsFor>;

/** One timeline event: "14 September 2026, 14:00: Service lost (…) – its note". */
function eventLine(e: CaseEvent, f: Formats, locale: Locale): string {
	const o = { locale };
	const details = [
		e.promisedOn && m.letter_event_promised({ when: f.date(e.promisedOn, e.promisedAt) }, o),
		e.escalationTo &&
			m.letter_event_escalated({ whom: escalationLabelIn(e.escalationTo, locale) }, o)
	].filter(Boolean);
	const kind = eventKindLabelIn(e.kind, locale);
	return (
		`${f.date(e.occurredOn, e.occurredAt)}: ${kind}` +
		(details.length ? ` (${details.join('; ')})` : '') +
		(e.note ? ` – ${e.note}` : '')
	);
}

/** The body's waiting rule, and the date from which it applies to this case. */
function waitSentence(wait: WaitRule, from: string, f: Formats, locale: Locale): string {
	const o = { locale };
	switch (wait.kind) {
		case 'none':
			return m.letter_wait_none({}, o);
		case 'after-complaint':
			return m.letter_wait_after_complaint({}, o);
		case 'after-first-contact':
			return m.letter_wait_after_first_contact(
				{ period: f.period(wait.period), date: f.date(from) },
				o
			);
		case 'final-response-or-after':
			return m.letter_wait_final_response({ period: f.period(wait.period), date: f.date(from) }, o);
	}
}
