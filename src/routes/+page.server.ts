import { listTopCompanies } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { listLatestReports } from '$lib/server/reports/reports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	latest: listLatestReports(db, 10),
	topCompanies: listTopCompanies(db, 10)
});
