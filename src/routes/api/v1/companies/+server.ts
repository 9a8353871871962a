import { apiJson, pageLimit } from '$lib/server/api/respond';
import { listCompanies } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const page = listCompanies(db, {
		after: url.searchParams.get('cursor')?.slice(0, 200) ?? null,
		limit: pageLimit(url.searchParams)
	});
	return apiJson({
		data: page.companies.map((c) => ({
			slug: c.slug,
			name: c.name,
			industry: c.industry,
			report_count: c.reportCount,
			url: `${url.origin}/companies/${c.slug}`
		})),
		next_cursor: page.next
	});
};
