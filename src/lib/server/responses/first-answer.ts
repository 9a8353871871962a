/** When a company began answering reports on Recourse: the marker on its reports-per-month chart. */
import { and, eq, isNull, min } from 'drizzle-orm';
import type { Db } from '../db/client';
import { companyResponse } from '../db/schema';

/**
 * The month (YYYY-MM, UTC) of the company's first visible answer to a report filed on Recourse;
 * null when it never answered. One seek on the (company, created) index.
 */
export function firstAnswerMonth(db: Db, companyId: number): string | null {
	const row = db
		.select({ at: min(companyResponse.createdAt) })
		.from(companyResponse)
		.where(
			and(
				eq(companyResponse.companyId, companyId),
				eq(companyResponse.source, 'recourse'),
				isNull(companyResponse.hiddenAt)
			)
		)
		.get();
	return row?.at == null ? null : new Date(row.at).toISOString().slice(0, 7);
}
