/** The query parameters of each API operation, as tables for readParams (filters come from explore). */
import { integer, mapped, matching, one, oneOf } from '../query-params';
import { reportCursor } from '../reports/explore';
import { countryCodes } from '../places/places';
import { industries } from '../../taxonomy';

/** `limit`: items per page, 1 to 200, 50 when absent. */
export const pageLimit = one(integer(1, 200), 50);

/** GET /reports: explore's filters (readExploreQuery adds them) and paging. */
export const reportsParams = { cursor: one(reportCursor), limit: pageLimit };

/**
 * A company list is ordered by name key (folded name); its cursor carries the last key,
 * base64url-encoded so that it is one opaque token whatever the name holds.
 */
export function encodeCompanyCursor(nameKey: string): string {
	return Buffer.from(nameKey, 'utf8').toString('base64url');
}

const companyCursor = mapped(
	matching(/^[A-Za-z0-9_-]{1,400}$/, 'a cursor given by the previous page'),
	(token) => {
		const key = Buffer.from(token, 'base64url').toString('utf8');
		// Decoding is lenient; only a token that encodes back to itself is one we gave.
		return key && encodeCompanyCursor(key) === token ? key : null;
	},
	'a cursor given by the previous page'
);

/** GET /companies. */
export const companiesParams = { cursor: one(companyCursor), limit: pageLimit };

/** GET /patterns. */
export const patternsParams = { sort: one(oneOf(['volume', 'growth'] as const), 'volume') };

/** GET /what-works: one industry, one country, both or neither (every report). */
export const whatWorksParams = {
	industry: one(oneOf(industries)),
	country: one(oneOf(countryCodes))
};
