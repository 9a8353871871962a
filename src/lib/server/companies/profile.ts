/** A company's public page: its facts, scorecard, representation and newest reports. */
import type { Db } from '../db/client';
import type { Company } from '../db/schema';
import { ReadCache } from '../db/read-cache';
import { companyScope } from '../reports/rollups';
import { listReportsForCompany, type ReportCursor, type ReportSummary } from '../reports/reports';
import { getScorecard, type Scorecard } from '../reports/scorecard';
import { findCompanyBySlug } from './companies';
import { getRepresentation } from './representatives';

export type CompanyProfile = {
	companyId: number;
	company: Pick<Company, 'slug' | 'name' | 'website' | 'industry'>;
	/** Whether someone with an address on the company's domain may claim it. */
	canClaim: boolean;
	scorecard: Scorecard;
	representation: { count: number; since: number | null };
	reports: ReportSummary[];
	/** Cursor of the next (older) page of reports, if any. */
	next: string | null;
};

/**
 * First pages computed until the next write. Older pages are not kept: a crawler walking a
 * large company's thousands of pages would push out the pages people read.
 */
const firstPages = new ReadCache<CompanyProfile>(500);

/** Everything the company page shows to anyone; undefined for an unknown slug. */
export function getCompanyProfile(
	db: Db,
	slug: string,
	before: ReportCursor | null = null
): CompanyProfile | undefined {
	if (before) return computeProfile(db, slug, before);
	return firstPages.read(db, slug, () => computeProfile(db, slug, null));
}

function computeProfile(
	db: Db,
	slug: string,
	before: ReportCursor | null
): CompanyProfile | undefined {
	const found = findCompanyBySlug(db, slug);
	if (!found) return undefined;
	const page = listReportsForCompany(db, found.id, { before, limit: 20 });
	return {
		companyId: found.id,
		company: {
			slug: found.slug,
			name: found.name,
			website: found.website,
			industry: found.industry
		},
		canClaim: !!found.domain,
		scorecard: getScorecard(db, companyScope(found.id)),
		representation: getRepresentation(db, found.id),
		reports: page.reports,
		next: page.next
	};
}
