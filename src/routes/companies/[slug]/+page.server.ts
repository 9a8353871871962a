import { error } from '@sveltejs/kit';
import ScorecardFigures from '$lib/components/ScorecardFigures.svelte';
import { getCompanyProfile } from '$lib/server/companies/profile';
import { isRepresentative } from '$lib/server/companies/representatives';
import { canModerate } from '$lib/server/auth/roles';
import { db } from '$lib/server/db';
import { handMarkup } from '$lib/parked-markup';
import { renderOnce } from '$lib/server/render-cache';
import { readPageParams } from '$lib/server/page-params';
import { one } from '$lib/server/query-params';
import { reportCursor } from '$lib/server/reports/explore';
import { companyWorks } from '$lib/server/reports/what-works';
import { firstAnswerMonth } from '$lib/server/responses/first-answer';
import type { PageServerLoad } from './$types';

/**
 * Read-only figures and links: the page ships no JavaScript, like the report page. Serialising
 * its data for hydration cost more than rendering its largest table (issue 6).
 */
export const csr = false;

export const load: PageServerLoad = ({ params, url, locals, isDataRequest }) => {
	const { before } = readPageParams(url, { before: one(reportCursor) });
	const profile = getCompanyProfile(db, params.slug, before);
	if (!profile) error(404);
	const { companyId, scorecard, ...shown } = profile;
	return {
		...shown,
		reportCount: scorecard.reportCount,
		// The figures are the same for every reader: rendered once per language and data version
		// (on the largest company they cost more than the rest of the request), and handed over
		// without being serialised for a browser that runs no script here (see parked-markup.ts).
		figures:
			scorecard.reportCount > 0
				? handMarkup(
						renderOnce(db, `company:${companyId}`, ScorecardFigures, () => ({
							card: scorecard,
							works: companyWorks(db, companyId, shown.company),
							answeringSince: firstAnswerMonth(db, companyId)
						})),
						isDataRequest
					)
				: null,
		isRepresentative: !!locals.user && isRepresentative(db, locals.user.id, companyId),
		canModerate: canModerate(locals.user),
		paged: before !== null
	};
};
