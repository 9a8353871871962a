import { whatWorksParams } from '$lib/server/api/params';
import { invalidParamsResponse } from '$lib/server/api/problem';
import { apiRead, snakeCaseKeys } from '$lib/server/api/respond';
import { db } from '$lib/server/db';
import { readParams } from '$lib/server/query-params';
import { getWhatWorks, placeScope } from '$lib/server/reports/what-works';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const query = readParams(url.searchParams, whatWorksParams, { unknownNames: 'refuse' });
	if (query.problems.length) return invalidParamsResponse(url.origin, query.problems);
	return apiRead(db, () => {
		const { industry, country } = query.values;
		return {
			data: {
				industry,
				country,
				what_works: snakeCaseKeys(getWhatWorks(db, placeScope(industry, country)))
			}
		};
	});
};
