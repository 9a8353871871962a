import { json } from '@sveltejs/kit';
import { searchCompanies } from '$lib/server/companies/companies';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Company names for the report form's autocomplete. Public data only. */
export const GET: RequestHandler = ({ url }) => {
	const query = (url.searchParams.get('q') ?? '').slice(0, 100);
	const companies = searchCompanies(db, query, 8).map(({ slug, name }) => ({ slug, name }));
	return json(companies);
};
