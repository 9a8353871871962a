import { db } from '$lib/server/db';
import { readPageParams } from '$lib/server/page-params';
import { one, oneOf } from '$lib/server/query-params';
import { listPatterns } from '$lib/server/patterns/patterns';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const { sort } = readPageParams(url, {
		sort: one(oneOf(['volume', 'growth'] as const), 'volume')
	});
	return { sort, patterns: listPatterns(db, { sort, minCompanies: 2 }) };
};
