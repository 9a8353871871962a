/** The report form's server side, shared by "new" and "edit": parse, save, and turn problems into field errors. */
import { m } from '$lib/paraglide/messages';
import { renderMarkdown } from '../markdown';
import { findPersonalData, redactPersonalData } from '../privacy/redact';
import { formatMoneyInput } from '../../report-values';
import { readForm } from '../../validation/form-data';
import {
	parseReport,
	reportFields,
	reportMultiFields,
	type ReportFormFailure,
	type ReportFormValues,
	type ReportInput
} from '../../validation/report';
import type { ReportDetail, SaveReportResult } from './reports';

export function readReportForm(data: FormData): ReportFormValues {
	return readForm(data, reportFields, reportMultiFields);
}

/** The "Preview" button submits the form too: it renders the narrative and saves nothing. */
export function isPreview(data: FormData): boolean {
	return data.get('intent') === 'preview';
}

/** What the form shows after "Preview": the typed values and the rendered narrative. */
export function previewReportForm(values: ReportFormValues): ReportFormFailure {
	const narrative = typeof values.narrative === 'string' ? values.narrative : '';
	const redactions = personalDataIn(values);
	return {
		values,
		errors: {},
		preview: renderMarkdown(redactPersonalData(narrative).text),
		...(redactions.length ? { redactions } : {})
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
	const parsed = parseReport(values);
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
		trigger: r.trigger ?? '',
		startedOn: r.startedOn,
		endedOn: r.endedOn ?? '',
		contacts: count(r.contacts),
		hours: r.effortMinutes === null ? '' : String(Math.round((r.effortMinutes / 60) * 100) / 100),
		agents: count(r.agents),
		promisesBroken: count(r.promisesBroken),
		channels: detail.channels,
		escalations: detail.escalations,
		currency: r.currency ?? '',
		amountDisputed: formatMoneyInput(r.amountDisputedMinor, r.currency),
		amountRecovered: formatMoneyInput(r.amountRecoveredMinor, r.currency),
		outcome: r.outcome,
		rating: r.rating === null ? '' : String(r.rating),
		narrative: r.narrative,
		language: r.language
	};
}
