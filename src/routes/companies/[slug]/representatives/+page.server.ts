import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guard';
import { canModerate } from '$lib/server/auth/roles';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import {
	grantRepresentative,
	listRepresentatives,
	revokeRepresentative
} from '$lib/server/companies/representatives';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import type { Actions, PageServerLoad } from './$types';

/** Moderators only: the guard runs in the load and in each action. */
function moderatorAndCompany(locals: App.Locals, url: URL, slug: string) {
	const user = requireUser(locals, url);
	if (!canModerate(user)) error(403);
	const company = findCompanyBySlug(db, slug);
	if (!company) error(404);
	return { user, company };
}

const text = (data: FormData, name: string) => {
	const value = data.get(name);
	return typeof value === 'string' ? value.trim() : '';
};

export const load: PageServerLoad = ({ params, locals, url }) => {
	const { company } = moderatorAndCompany(locals, url, params.slug);
	return {
		company: { slug: company.slug, name: company.name },
		representatives: listRepresentatives(db, company.id)
	};
};

export const actions: Actions = {
	grant: async ({ params, locals, url, request }) => {
		const { user, company } = moderatorAndCompany(locals, url, params.slug);
		const data = await readFormData(request);
		const values = { email: text(data, 'email'), reason: text(data, 'reason') };
		const errors: Record<string, string> = {};
		if (!values.email) errors.email = m.error_required();
		if (!values.reason) errors.reason = m.error_required();
		if (values.reason.length > 500) errors.reason = m.error_too_long({ max: 500 });
		if (Object.keys(errors).length) return fail(400, { grant: { values, errors } });
		const result = grantRepresentative(db, user, { companyId: company.id, ...values });
		if (!result.ok) {
			const message =
				result.reason === 'no-user' ? m.representatives_no_user() : m.representatives_already();
			return fail(400, { grant: { values, errors: { email: message } as Record<string, string> } });
		}
		return { granted: true };
	},
	revoke: async ({ params, locals, url, request }) => {
		const { user, company } = moderatorAndCompany(locals, url, params.slug);
		const data = await readFormData(request);
		const id = Number(text(data, 'id'));
		const reason = text(data, 'reason');
		if (!reason || reason.length > 500) {
			return fail(400, {
				revoke: { id, error: reason ? m.error_too_long({ max: 500 }) : m.error_required() }
			});
		}
		const result = revokeRepresentative(db, user, {
			companyId: company.id,
			representativeId: Number.isSafeInteger(id) ? id : -1,
			reason
		});
		if (!result.ok) error(404);
		return { revoked: true };
	}
};
