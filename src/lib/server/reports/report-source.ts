/** Where a report comes from (its source, as in `report.source`; not a URL's origin): Recourse, or an imported record with its original facts. */
import type { CfpbDetails } from '../import/cfpb-record';
import type { Report } from '../db/schema';

export type ReportSource =
	| { name: 'recourse' }
	| { name: 'cfpb'; externalId: string; url: string; details: Partial<CfpbDetails> };

/** The public page of a complaint on the CFPB's own site. */
export function cfpbComplaintUrl(id: string): string {
	return `https://www.consumerfinance.gov/data-research/consumer-complaints/search/detail/${encodeURIComponent(id)}`;
}

function parseJson<T>(text: string | null, fallback: T): T {
	if (!text) return fallback;
	try {
		return JSON.parse(text) as T;
	} catch {
		return fallback;
	}
}

/** The source of a report and, for imported ones, the facts as the source published them. */
export function reportSource(
	row: Pick<Report, 'source' | 'externalId' | 'sourceDetails'>
): ReportSource {
	if (row.source === 'cfpb' && row.externalId) {
		return {
			name: 'cfpb',
			externalId: row.externalId,
			url: cfpbComplaintUrl(row.externalId),
			details: parseJson<Partial<CfpbDetails>>(row.sourceDetails, {})
		};
	}
	return { name: 'recourse' };
}

/** A report's vulnerability tags (slugs). */
export function reportTags(row: Pick<Report, 'tags'>): string[] {
	const tags = parseJson<unknown>(row.tags, []);
	return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}
