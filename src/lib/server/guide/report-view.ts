/** What a report page shows of the guide: its author's next step, everyone else where to escalate. */
import { guideHref } from '$lib/guide-href';
import type { ReportDetail } from '../reports/reports';
import { caseFactsOf, caseNextStep } from './case';
import { describeRoute, type RouteView } from './describe';
import { routesFor } from './index';

/** How many bodies the public panel names; the guide page lists them all. */
const PUBLIC_ROUTES = 3;

export type EscalationGuide = {
	href: string;
	/** The author's next body and its date; null once resolved or every route is used. */
	step: {
		route: RouteView;
		from: string;
		basis: 'first-contact' | 'final-response' | 'none';
		countedFrom: string | null;
	} | null;
	/** For everyone else: the first bodies for this country and industry, no dates. */
	routes: RouteView[];
};

export function escalationGuide(
	detail: ReportDetail,
	respondedAt: number | null,
	isAuthor: boolean
): EscalationGuide {
	const { country, region } = detail.report;
	const industry = detail.company.industry;
	const href = guideHref(country, industry);
	if (isAuthor) {
		const step = caseNextStep(caseFactsOf(detail, respondedAt));
		return {
			href,
			step: step && { ...step, route: describeRoute(step.route) },
			routes: []
		};
	}
	return {
		href,
		step: null,
		routes: routesFor(country, industry, region).slice(0, PUBLIC_ROUTES).map(describeRoute)
	};
}
