import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { formPlaces } from '$lib/server/places/places';
import { groupCommit } from '$lib/server/db/group-commit';
import { readFormData } from '$lib/server/form-request';
import { rateLimits } from '$lib/server/rate-limit';
import { config } from '$lib/server/config';
import { m } from '$lib/paraglide/messages';
import {
	answerWithoutSaving,
	isRedactionConfirmed,
	readReportForm,
	submitReportForm
} from '$lib/server/reports/report-form';
import { createReport } from '$lib/server/reports/reports';
import { alertNewReport } from '$lib/server/companies/alerts';
import { mail } from '$lib/server/mail';
import type { ReportFormValues } from '$lib/validation/report';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
	const slug = url.searchParams.get('company');
	const company = slug ? findCompanyBySlug(db, slug) : undefined;
	return { values: company ? { company: company.name } : {}, places: formPlaces() };
};

export const actions: Actions = {
	default: async ({ locals, request, url, setHeaders }) => {
		const user = requireUser(locals, url);
		const limited = (retryAfterSeconds: number, values: ReportFormValues) => {
			setHeaders({ 'retry-after': String(retryAfterSeconds) });
			return fail(429, {
				values,
				errors: { title: m.error_reports_limited({ seconds: retryAfterSeconds }) }
			});
		};
		const posts = config.rateLimits
			? rateLimits.reportFormPostsPerUser.consume(user.id)
			: { ok: true as const };
		const data = await readFormData(request);
		const values = readReportForm(data);
		if (!posts.ok) return limited(posts.retryAfterSeconds, values);
		const shown = answerWithoutSaving(data, values);
		if (shown) return shown.status === 400 ? fail(400, shown.failure) : shown.failure;
		// Only published reports spend the quota: checked here, recorded once one is saved.
		const quota = config.rateLimits
			? rateLimits.reportsPerUser.check(user.id)
			: { ok: true as const };
		if (!quota.ok) return limited(quota.retryAfterSeconds, values);
		// Submissions arriving together share one COMMIT (group-commit.ts).
		const result = await submitReportForm(
			values,
			(input) => groupCommit(db).run((tx) => createReport(tx, input, user.id)),
			isRedactionConfirmed(data)
		);
		if (result.ok && config.rateLimits) rateLimits.reportsPerUser.record(user.id);
		if (result.ok) await alertNewReport(db, mail, result.id, url.origin);
		if (result.ok) redirect(303, localizeHref(`/reports/${result.id}?published=1`));
		if ('status' in result) error(result.status);
		return fail(400, result.failure);
	}
};
