import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guard';
import { findCompanyBySlug } from '$lib/server/companies/companies';
import { isRepresentative, startClaim, verifyClaim } from '$lib/server/companies/representatives';
import { isSharedDomain, registrableDomain } from '$lib/server/companies/work-email';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/form-request';
import { mail } from '$lib/server/mail';
import type { Actions, PageServerLoad } from './$types';

function companyOr404(slug: string) {
	const company = findCompanyBySlug(db, slug);
	if (!company) error(404);
	return company;
}

export const load: PageServerLoad = ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	const company = companyOr404(params.slug);
	if (isRepresentative(db, user.id, company.id)) {
		redirect(303, localizeHref(`/companies/${company.slug}/dashboard`));
	}
	const domain = company.domain;
	return {
		company: {
			slug: company.slug,
			name: company.name,
			// Shown as the domain an address must be on: subdomains of it count as well.
			domain: domain ? (registrableDomain(domain) ?? domain) : null,
			shared: domain ? isSharedDomain(domain) : false
		},
		sent: url.searchParams.get('sent')
	};
};

const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

export const actions: Actions = {
	/** Step 1: mail a code to an address on the company's domain. */
	send: async ({ params, locals, request, url }) => {
		const user = requireUser(locals, url);
		const company = companyOr404(params.slug);
		const value = (await readFormData(request)).get('email');
		const email = typeof value === 'string' ? value.trim() : '';
		const failWith = (message: string) =>
			fail(400, { step: 'send' as const, email, errors: { email: message } });
		if (!emailPattern.test(email)) return failWith(m.claim_email_invalid());
		const result = await startClaim(db, mail, {
			userId: user.id,
			companyId: company.id,
			email,
			companyName: company.name,
			domain: company.domain
		});
		if (!result.ok) {
			if (result.reason === 'already-representative') {
				redirect(303, localizeHref(`/companies/${company.slug}/dashboard`));
			}
			const domain = registrableDomain(company.domain ?? '') ?? company.domain ?? '';
			const messages = {
				'too-many': () => m.claim_too_many(),
				'no-domain': () => m.claim_no_domain(),
				'shared-domain': () => m.claim_shared_domain({ domain, company: company.name }),
				'wrong-domain': () => m.claim_wrong_domain({ domain })
			};
			return failWith(messages[result.reason]());
		}
		redirect(
			303,
			localizeHref(
				`/companies/${company.slug}/claim?sent=${encodeURIComponent(email.toLowerCase())}`
			)
		);
	},

	/** Step 2: the code from the mail makes the user a representative. */
	verify: async ({ params, locals, request, url }) => {
		const user = requireUser(locals, url);
		const company = companyOr404(params.slug);
		const value = (await readFormData(request)).get('code');
		const code = typeof value === 'string' ? value.replace(/\s+/g, '') : '';
		if (!/^\d{6}$/.test(code)) {
			return fail(400, { step: 'verify' as const, errors: { code: m.claim_code_format() } });
		}
		const result = verifyClaim(db, { userId: user.id, companyId: company.id, code });
		if (!result.ok) {
			const message =
				result.reason === 'wrong-code'
					? m.claim_code_wrong()
					: result.reason === 'too-many-attempts'
						? m.claim_code_locked()
						: m.claim_code_expired();
			return fail(400, { step: 'verify' as const, errors: { code: message } });
		}
		redirect(303, localizeHref(`/companies/${company.slug}/dashboard?verified=1`));
	}
};
