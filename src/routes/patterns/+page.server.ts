import { db } from '$lib/server/db';
import { listPatterns } from '$lib/server/patterns/patterns';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const sort = url.searchParams.get('sort') === 'growth' ? 'growth' : 'volume';
	return { sort, patterns: listPatterns(db, { sort, minCompanies: 2 }) };
};
