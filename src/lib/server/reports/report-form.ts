/** The report form's server side, shared by "new" and "edit": parse, save, and turn problems into field errors. */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { eventsToRows, readEventRows } from '../../case-timeline';
import { formatMoney } from '../../format';
import { formatCount } from '../../quantity-input';
import { isCountry, isRegionOf } from '../places/places';
import { renderMarkdown } from '../markdown';
import { findPersonalData, redactPersonalData } from '../privacy/redact';
import { formatMoneyInput } from '../../report-values';
import { readForm } from '../../validation/form-data';
import {
	parseReport,
	reportFields,
	reportMultiFields,
	type ReportErrors,
	type ReportFormFailure,
	type ReportFormValues,
	type ReportInput,
	type ReportParse
} from '../../validation/report';
import type { ReportDetail, SaveReportResult } from './reports';

export function readReportForm(data: FormData): ReportFormValues {
	return { ...readForm(data, reportFields, reportMultiFields), events: readEventRows(data) };
}

/**
 * Validates the form as the submit does: the schema, then what only the server knows (whether
 * the country and region exist). "Preview" runs exactly this, so it never passes what publishing refuses.
 */
export function validateReportForm(values: ReportFormValues): ReportParse {
	const parsed = parseReport(values);
	const errors: ReportErrors = parsed.ok ? {} : { ...parsed.errors };
	const country = typeof values.country === 'string' ? values.country.trim() : '';
	const region = typeof values.region === 'string' ? values.region.trim() : '';
	if (country && !errors.country && !isCountry(country)) errors.country = m.error_choose();
	if (region && !errors.region && !isRegionOf(region, country)) {
		errors.region = m.error_region_country();
	}
	if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
	return parsed;
}

/**
 * "Preview" and "Add another event" submit the form too and save nothing: the form comes back
 * with every typed value (and, for a preview, its errors, the amounts as read and the rendered
 * narrative); null for a real submission.
 */
export function answerWithoutSaving(
	data: FormData,
	values: ReportFormValues
): { status: 200 | 400; failure: ReportFormFailure } | null {
	const intent = data.get('intent');
	if (intent === 'add-event') return { status: 200, failure: { values, errors: {} } };
	if (intent !== 'preview') return null;
	const narrative = typeof values.narrative === 'string' ? values.narrative : '';
	const redactions = personalDataIn(values);
	const parsed = validateReportForm(values);
	return {
		status: parsed.ok ? 200 : 400,
		failure: {
			values,
			errors: parsed.ok ? {} : parsed.errors,
			preview: renderMarkdown(redactPersonalData(narrative).text),
			...(parsed.ok ? { readAs: readAs(parsed.input) } : {}),
			...(redactions.length ? { redactions } : {})
		}
	};
}

/** The amounts and counts as the server read them, in the reader's format, echoed before publishing. */
function readAs(input: ReportInput): NonNullable<ReportFormFailure['readAs']> {
	const locale = getLocale();
	const money = (minor: number | null) =>
		minor === null || !input.currency ? undefined : formatMoney(minor, input.currency);
	const count = (n: number | null, atLeast: boolean) =>
		n === null ? undefined : formatCount(n, atLeast, locale);
	return {
		orderValue: money(input.orderValueMinor),
		amountDisputed: money(input.amountDisputedMinor),
		amountRecovered: money(input.amountRecoveredMinor),
		contacts: count(input.contacts, input.contactsAtLeast),
		agents: count(input.agents, input.agentsAtLeast)
	};
}

/** Personal data in the public text fields: what publishing would remove. */
function personalDataIn(values: ReportFormValues) {
	return [values.title, values.product, values.narrative].flatMap((value) =>
		typeof value === 'string' ? findPersonalData(value) : []
	);
}

/**
 * What the author confirmed would be removed (the form's hidden field): publishing goes ahead
 * only if it is exactly what the text holds now, so data added after the warning warns again.
 */
export function isRedactionConfirmed(data: FormData): string | null {
	const value = data.get('confirmRedactions');
	return typeof value === 'string' ? value : null;
}

/** The confirmation token of a list of findings. */
export function redactionToken(redactions: { text: string }[]): string {
	return JSON.stringify(redactions.map((r) => r.text));
}

/**
 * Validates and saves; on failure returns what the form needs to show each error beside its
 * field with every typed value kept (or the HTTP status when the report cannot be saved at all).
 */
export async function submitReportForm(
	values: ReportFormValues,
	save: (input: ReportInput) => SaveReportResult | Promise<SaveReportResult>,
	redactionConfirmed: string | null = null
): Promise<
	| { ok: true; id: number }
	| { ok: false; failure: ReportFormFailure }
	| { ok: false; status: 403 | 404 }
> {
	const parsed = validateReportForm(values);
	if (!parsed.ok) return { ok: false, failure: { values, errors: parsed.errors } };
	// Personal data is always removed on save; the author first sees what, and may edit instead.
	const redactions = personalDataIn(values);
	if (redactions.length && redactionConfirmed !== redactionToken(redactions)) {
		return { ok: false, failure: { values, errors: {}, redactions } };
	}
	const result = await save(parsed.input);
	if (result.ok) return result;
	const problem = result.problem;
	if (problem === 'not-found') return { ok: false, status: 404 };
	if (problem === 'forbidden') return { ok: false, status: 403 };
	if (problem.reason === 'not-found') {
		const name = parsed.input.company;
		return {
			ok: false,
			failure: {
				values,
				errors: { company: m.error_company_not_found({ name }) },
				suggestions: problem.suggestions.map(({ slug, name }) => ({ slug, name }))
			}
		};
	}
	if (problem.reason === 'answered') {
		const message = m.report_company_answered({ company: problem.company });
		return { ok: false, failure: { values, errors: { company: message } } };
	}
	if (problem.reason === 'invalid-website') {
		return { ok: false, failure: { values, errors: { website: m.error_website_invalid() } } };
	}
	return {
		ok: false,
		failure: {
			values,
			errors: { website: m.error_website_taken({ company: problem.existing.name }) },
			existing: { slug: problem.existing.slug, name: problem.existing.name }
		}
	};
}

/** The form's initial values for editing a saved report. */
export function reportToFormValues(detail: ReportDetail): ReportFormValues {
	const r = detail.report;
	const count = (n: number | null) => (n === null ? '' : String(n));
	return {
		company: detail.company.name,
		website: '',
		industry: '',
		title: r.title,
		product: r.product,
		category: r.category,
		categories: detail.categories.filter((c) => c !== r.category),
		trigger: r.trigger ?? '',
		triggers: detail.triggers.filter((t) => t !== r.trigger),
		startedOn: r.startedOn,
		endedOn: r.endedOn ?? '',
		contacts: formatCount(r.contacts, r.contactsAtLeast),
		hours:
			r.effortMinutes === null
				? ''
				: formatCount(Math.round((r.effortMinutes / 60) * 100) / 100, r.effortAtLeast),
		agents: formatCount(r.agents, r.agentsAtLeast),
		// Counted from the timeline when it has promises: the typed field is then left as it was.
		promisesBroken: r.promisesMade === null ? count(r.promisesBroken) : '',
		channels: detail.channels,
		escalations: detail.escalations,
		currency: r.currency ?? '',
		orderValue: formatMoneyInput(r.orderValueMinor, r.currency),
		amountDisputed: formatMoneyInput(r.amountDisputedMinor, r.currency),
		amountRecovered: formatMoneyInput(r.amountRecoveredMinor, r.currency),
		country: r.country ?? '',
		region: r.region ?? '',
		outcome: r.outcome,
		resolvedBy: r.resolvedBy ?? '',
		events: eventsToRows(detail.events),
		rating: r.rating === null ? '' : String(r.rating),
		narrative: r.narrative,
		language: r.language
	};
}
