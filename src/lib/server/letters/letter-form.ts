/**
 * The complaint letter of a report: who may write it (its author only), to whom, and the
 * submitted form read into a letter. Nothing typed here is stored (decision 024).
 */
import * as v from 'valibot';
import { m } from '../../paraglide/messages';
import type { Locale } from '../../paraglide/runtime';
import { firstErrors } from '../../validation/form-data';
import {
	letterAsks,
	letterSchema,
	LETTER_DEADLINE_DAYS,
	type LetterAsk
} from '../../validation/letter';
import type { Db } from '../db/client';
import { parseReportId } from '../reports/report-id';
import { getReport, type ReportDetail } from '../reports/reports';
import { addPeriod, routesFor, takesCaseFrom } from '../guide';
import { caseDates, caseFactsOf, caseNextStep } from '../guide/case';
import { getResponse } from '../responses/responses';
import { writeLetter, type LetterFacts, type LetterRecipient } from './letter-text';

/** A report its author may write a letter about, and when the company answered it publicly. */
export type LetterCase = { detail: ReportDetail; respondedAt: number | null };

/**
 * The report behind `idParam` when `user` wrote it; undefined for anyone else and for a report
 * that does not exist, so that the page answers both alike (404) and tells nobody it exists.
 * A hidden report is still its author's.
 */
export function letterCaseFor(
	db: Db,
	idParam: string,
	user: { id: string } | null | undefined
): LetterCase | undefined {
	if (!user) return undefined;
	const id = parseReportId(idParam);
	const detail = id === null ? undefined : getReport(db, id);
	if (!detail || detail.report.authorId !== user.id) return undefined;
	return { detail, respondedAt: getResponse(db, detail.report.id)?.createdAt ?? null };
}

/** One choice of recipient: its form value and who it is. */
export type RecipientChoice = { id: string; recipient: LetterRecipient };

/** The company first, then the bodies the escalation guide names for the report's country and industry. */
export function letterRecipients(c: LetterCase, today: string = todayUtc()): RecipientChoice[] {
	const { report, company } = c.detail;
	const facts = caseFactsOf(c.detail, c.respondedAt);
	// The next step the report page shows its author: the body a letter to the company names.
	const next = caseNextStep(facts, today);
	// Counted as that step counts: from the first contact or the company's final response.
	const { firstContact, finalResponse } = caseDates(facts);
	// A regional body only for someone known to live in its region, as the next step does.
	const bodies = routesFor(report.country, company.industry, report.region).filter(
		(route) =>
			route.kind !== 'company' && (route.region === undefined || route.region === report.region)
	);
	return [
		{
			id: 'company',
			recipient: {
				kind: 'company',
				name: company.name,
				next: next && next.route.kind !== 'company' ? next.route.name : null
			}
		},
		...bodies.map((route) => ({
			id: route.id,
			recipient: {
				kind: 'body' as const,
				name: route.name,
				url: route.url,
				wait: route.wait,
				from: takesCaseFrom(route.wait, {
					firstContactOn: firstContact,
					finalResponseOn: finalResponse,
					today
				}).from
			}
		}))
	];
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The form as typed: strings, kept whole when something is wrong. */
export type LetterValues = {
	recipient: string;
	name: string;
	address: string;
	account: string;
	reference: string;
	deadline: string;
	asks: string[];
};
export type LetterErrors = Partial<Record<keyof LetterValues, string>>;

/** What the form starts with: to the company, a reply within 14 days, asks that fit the case. */
export function defaultLetterValues(c: LetterCase): LetterValues {
	const r = c.detail.report;
	const asks = new Set<LetterAsk>(['final-response']);
	if (r.outcome !== 'resolved') asks.add('fix');
	if ((r.amountDisputedMinor ?? 0) > 0) asks.add('refund');
	if (r.category === 'cancellation-obstructed') asks.add('cancel');
	return {
		recipient: 'company',
		name: '',
		address: '',
		account: '',
		reference: '',
		deadline: String(LETTER_DEADLINE_DAYS),
		asks: letterAsks.filter((a) => asks.has(a))
	};
}

/** The report's facts as the letter tells them: its stored (redacted) texts and figures. */
export function letterFacts(detail: ReportDetail): LetterFacts {
	return {
		...detail.report,
		company: detail.company.name,
		escalations: detail.escalations,
		events: detail.events
	};
}

/** Reads the submitted form; on success the letter text, else an error beside each field. */
export function readLetterForm(
	c: LetterCase,
	data: FormData,
	locale: Locale,
	today: string = todayUtc()
):
	| { ok: true; values: LetterValues; letter: string }
	| { ok: false; values: LetterValues; errors: LetterErrors } {
	const text = (name: string) => {
		const value = data.get(name);
		return typeof value === 'string' ? value : '';
	};
	const values: LetterValues = {
		recipient: text('recipient'),
		name: text('name'),
		address: text('address'),
		account: text('account'),
		reference: text('reference'),
		deadline: text('deadline'),
		asks: data.getAll('asks').filter((x): x is string => typeof x === 'string')
	};
	const parsed = v.safeParse(letterSchema, values);
	const errors: LetterErrors = parsed.success ? {} : firstErrors(parsed.issues);
	const choice = letterRecipients(c, today).find((r) => r.id === values.recipient);
	if (!choice && !errors.recipient) errors.recipient = m.letter_to_unknown();
	if (!parsed.success || !choice) return { ok: false, values, errors };
	const letter = writeLetter(
		{
			facts: letterFacts(c.detail),
			recipient: choice.recipient,
			asks: parsed.output.asks,
			sender: parsed.output,
			today,
			replyBy: addPeriod(today, { count: parsed.output.deadline, unit: 'days' })
		},
		locale
	);
	return { ok: true, values, letter };
}
