import { error } from '@sveltejs/kit';
import { getCompanyProfile } from '$lib/server/companies/profile';
import { isRepresentative } from '$lib/server/companies/representatives';
import { canModerate } from '$lib/server/auth/roles';
import { db } from '$lib/server/db';
import { decodeCursor } from '$lib/server/reports/reports';
import type { PageServerLoad } from './$types';

/**
 * Read-only figures and links: the page ships no JavaScript, like the report page. Serialising
 * its data for hydration cost more than rendering its largest table (issue 6).
 */
export const csr = false;

export const load: PageServerLoad = ({ params, url, locals }) => {
	const before = decodeCursor(url.searchParams.get('before'));
	const profile = getCompanyProfile(db, params.slug, before);
	if (!profile) error(404);
	const { companyId, ...shown } = profile;
	return {
		...shown,
		isRepresentative: !!locals.user && isRepresentative(db, locals.user.id, companyId),
		canModerate: canModerate(locals.user),
		paged: before !== null
	};
};
