import { countCompanies, listCompanies, searchCompanies } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const query = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	if (query) {
		return { query, companies: searchCompanies(db, query, 50), next: null, total: null };
	}
	const after = url.searchParams.get('after')?.slice(0, 200) ?? null;
	const page = listCompanies(db, { after, limit: 50 });
	return { query, companies: page.companies, next: page.next, after, total: countCompanies(db) };
};
