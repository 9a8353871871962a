import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import {
	isPreview,
	previewReportForm,
	readReportForm,
	submitReportForm
} from '$lib/server/reports/report-form';
import { createReport } from '$lib/server/reports/reports';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
	const slug = url.searchParams.get('company');
	const company = slug ? findCompanyBySlug(db, slug) : undefined;
	return { values: company ? { company: company.name } : {} };
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const user = requireUser(locals, url);
		const data = await readFormData(request);
		const values = readReportForm(data);
		if (isPreview(data)) return previewReportForm(values);
		const result = submitReportForm(values, (input) => createReport(db, input, user.id));
		if (result.ok) redirect(303, `/reports/${result.id}?published=1`);
		if ('status' in result) error(result.status);
		return fail(400, result.failure);
	}
};
