import { error, fail, redirect } from '@sveltejs/kit';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { rememberUserLocale } from '$lib/server/notifications/notifications';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guard';
import { alertChoiceOf, setAlertChoice } from '$lib/server/companies/alerts';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import {
	changeRole,
	inviteColleague,
	listTeam,
	removeColleague,
	representativeRole
} from '$lib/server/companies/team';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { mail } from '$lib/server/mail';
import { alertChoices, isOneOf, representativeRoles } from '$lib/taxonomy';
import type { Actions, PageServerLoad } from './$types';

/** The company's representatives only: the guard runs in the load and in each action. */
function memberOf(locals: App.Locals, url: URL, slug: string) {
	const user = requireUser(locals, url);
	const company = findCompanyBySlug(db, slug);
	if (!company) error(404);
	const role = representativeRole(db, user.id, company.id);
	if (!role) error(403);
	return { user, company, role };
}

const text = (data: FormData, name: string) => {
	const value = data.get(name);
	return typeof value === 'string' ? value.trim() : '';
};
const memberId = (data: FormData) => {
	const id = Number(text(data, 'id'));
	return Number.isSafeInteger(id) && id > 0 ? id : -1;
};

export const load: PageServerLoad = ({ params, locals, url }) => {
	const { user, company, role } = memberOf(locals, url, params.slug);
	const team = listTeam(db, company.id);
	return {
		company: { slug: company.slug, name: company.name, domain: company.domain },
		role,
		userId: user.id,
		alerts: alertChoiceOf(db, user.id, company.id),
		members: team.members,
		invites: role === 'manager' ? team.invites : []
	};
};

export const actions: Actions = {
	invite: async ({ params, locals, url, request }) => {
		const { user, company } = memberOf(locals, url, params.slug);
		const data = await readFormData(request);
		const values = { email: text(data, 'email'), role: text(data, 'role') };
		const errors: Record<string, string> = {};
		if (!values.email) errors.email = m.error_required();
		else if (values.email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(values.email)) {
			errors.email = m.error_email();
		}
		if (!isOneOf(representativeRoles, values.role)) errors.role = m.error_required();
		if (Object.keys(errors).length || !isOneOf(representativeRoles, values.role)) {
			return fail(400, { invite: { values, errors } });
		}
		const result = await inviteColleague(
			db,
			mail,
			user,
			{ companyId: company.id, email: values.email, role: values.role },
			url.origin
		);
		if (!result.ok) {
			if (result.reason === 'forbidden') error(403);
			const domain = company.domain ?? '';
			const message = {
				'no-domain': m.team_error_no_domain(),
				'shared-domain': m.team_error_shared_domain(),
				'wrong-domain': m.team_error_wrong_domain({ domain }),
				'already-representative': m.team_error_already(),
				'too-many': m.team_error_too_many()
			}[result.reason];
			return fail(400, {
				invite: { values, errors: { email: message } as Record<string, string> }
			});
		}
		return { invited: values.email.toLowerCase() };
	},
	role: async ({ params, locals, url, request }) => {
		const { user, company } = memberOf(locals, url, params.slug);
		const data = await readFormData(request);
		const id = memberId(data);
		const role = text(data, 'role');
		if (!isOneOf(representativeRoles, role))
			return fail(400, { member: { id, error: m.error_required() } });
		const result = changeRole(db, user, { companyId: company.id, representativeId: id, role });
		if (!result.ok) {
			if (result.reason === 'forbidden') error(403);
			if (result.reason === 'not-found') error(404);
			return fail(400, { member: { id, error: m.team_last_manager() } });
		}
		return { roleChanged: true };
	},
	remove: async ({ params, locals, url, request }) => {
		const { user, company } = memberOf(locals, url, params.slug);
		const data = await readFormData(request);
		const id = memberId(data);
		const result = removeColleague(db, user, { companyId: company.id, representativeId: id });
		if (!result.ok) {
			if (result.reason === 'forbidden') error(403);
			if (result.reason === 'not-found') error(404);
			return fail(400, { member: { id, error: m.team_last_manager() } });
		}
		// Someone who left the team has nothing more to see here.
		if (!representativeRole(db, user.id, company.id)) {
			redirect(303, localizeHref(`/companies/${company.slug}`));
		}
		return { removed: true };
	},
	alerts: async ({ params, locals, url, request }) => {
		const { user, company } = memberOf(locals, url, params.slug);
		const data = await readFormData(request);
		const choice = text(data, 'alerts');
		if (!isOneOf(alertChoices, choice)) return fail(400, { alertsError: m.error_required() });
		setAlertChoice(db, user.id, company.id, choice);
		// The alerts are written in the language the choice was made in.
		rememberUserLocale(db, user.id, getLocale());
		return { alertsSaved: true };
	}
};
