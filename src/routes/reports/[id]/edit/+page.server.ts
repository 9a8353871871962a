import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { canModerate } from '$lib/server/auth/roles';
import type { SessionUser } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { formPlaces } from '$lib/server/places/places';
import { readFormData } from '$lib/server/form-request';
import {
	answerWithoutSaving,
	isRedactionConfirmed,
	readReportForm,
	reportToFormValues,
	submitReportForm
} from '$lib/server/reports/report-form';
import { getReport, updateReport } from '$lib/server/reports/reports';
import { alertNewReport } from '$lib/server/companies/alerts';
import { mail } from '$lib/server/mail';
import { parseReportId } from '$lib/server/reports/report-id';
import { responseOf } from '$lib/server/reports/report-figures';
import type { Actions, PageServerLoad } from './$types';

function loadOwnReport(idParam: string, user: SessionUser) {
	const id = parseReportId(idParam);
	const detail = id === null ? undefined : getReport(db, id);
	if (!detail) error(404);
	if (detail.report.authorId !== user.id) {
		// A hidden report does not exist for those who may not see it (as on its page).
		error(detail.report.hiddenAt !== null && !canModerate(user) ? 404 : 403);
	}
	return detail;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const detail = loadOwnReport(params.id, user);
	return {
		id: detail.report.id,
		values: reportToFormValues(detail),
		places: formPlaces(),
		// Once answered, the report stays about the company that answered (decision 019).
		answeredBy: responseOf(db, detail.report.id) ? detail.company.name : null
	};
};

export const actions: Actions = {
	default: async ({ locals, request, url, params }) => {
		const user = requireUser(locals, url);
		const detail = loadOwnReport(params.id, user);
		const data = await readFormData(request);
		const values = readReportForm(data);
		const shown = answerWithoutSaving(data, values);
		if (shown) return shown.status === 400 ? fail(400, shown.failure) : shown.failure;
		const result = await submitReportForm(
			values,
			(input) => updateReport(db, detail.report.id, input, user.id),
			isRedactionConfirmed(data)
		);
		// Moved to another company by its author: that company's team hears of it as new.
		if (result.ok && getReport(db, result.id)?.company.id !== detail.company.id) {
			await alertNewReport(db, mail, result.id, url.origin);
		}
		if (result.ok) redirect(303, localizeHref(`/reports/${result.id}?updated=1`));
		if ('status' in result) error(result.status);
		return fail(400, result.failure);
	}
};
