import { listTopCompanies } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { risingPatterns } from '$lib/server/patterns/patterns';
import { listLatestReports } from '$lib/server/reports/reports';
import { siteTotals } from '$lib/server/reports/totals';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	latest: listLatestReports(db, 10),
	rising: risingPatterns(db, 5).map((p) => ({
		slug: p.slug,
		category: p.category,
		trigger: p.trigger,
		recent: p.recent,
		previous: p.previous
	})),
	topCompanies: listTopCompanies(db, 10),
	totals: siteTotals(db)
});
