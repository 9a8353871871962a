import { countCompanies, listCompanies, searchCompanies } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import { readPageParams } from '$lib/server/page-params';
import { one, text } from '$lib/server/query-params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	// `after` is the name key of the last company of the previous page.
	const { q: query, after } = readPageParams(url, { q: one(text(100), ''), after: one(text(200)) });
	if (query) {
		return { query, companies: searchCompanies(db, query, 50), next: null, total: null };
	}
	const page = listCompanies(db, { after, limit: 50 });
	return { query, companies: page.companies, next: page.next, after, total: countCompanies(db) };
};
