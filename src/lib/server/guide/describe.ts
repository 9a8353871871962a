/** A guide route as a page shows it: every text in the reader's language. */
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import {
	guideRoutes,
	type GuideRoute,
	type GuideRouteKind,
	type Period,
	type WaitRule
} from './index';
import { regionName } from '../places/places';

const periodUnits = { days: 'day', weeks: 'week', months: 'month' } as const;

/** "8 weeks", "1 mes", "30 dni": Intl's unit names, so every language gets its own grammar. */
export function periodText(period: Period, locale: Locale = getLocale()): string {
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: periodUnits[period.unit],
		unitDisplay: 'long'
	}).format(period.count);
}

/** The waiting rule as a sentence. */
export function waitText(wait: WaitRule, locale: Locale = getLocale()): string {
	switch (wait.kind) {
		case 'none':
			return m.guide_wait_none({}, { locale });
		case 'after-complaint':
			return m.guide_wait_after_complaint({}, { locale });
		case 'after-first-contact':
			return m.guide_wait_after_first_contact(
				{ period: periodText(wait.period, locale) },
				{ locale }
			);
		case 'final-response-or-after':
			return m.guide_wait_final_response_or_after(
				{ period: periodText(wait.period, locale) },
				{ locale }
			);
	}
}

const kindLabels: Record<GuideRouteKind, () => string> = {
	ombudsman: m.guide_kind_ombudsman,
	regulator: m.guide_kind_regulator,
	adr: m.guide_kind_adr,
	'consumer-office': m.guide_kind_consumer_office,
	company: m.guide_kind_company
};

export type RouteView = {
	id: string;
	name: string;
	url: string;
	kind: string;
	escalation: GuideRoute['escalation'];
	wait: string;
	companyReplies: string | null;
	scope: string;
	checkedOn: string;
	regionOnly: string | null;
	alternativeTo: string | null;
};

/** The route's texts in the request's language. */
export function describeRoute(route: GuideRoute): RouteView {
	const locale = getLocale();
	const alternative = route.alternativeTo
		? guideRoutes.find((r) => r.id === route.alternativeTo)
		: undefined;
	return {
		id: route.id,
		name: route.name,
		url: route.url,
		kind: kindLabels[route.kind](),
		escalation: route.escalation,
		wait: waitText(route.wait, locale),
		companyReplies: route.companyReplies
			? m.guide_company_replies({ period: periodText(route.companyReplies, locale) })
			: null,
		scope: route.scope[locale],
		checkedOn: route.checkedOn,
		regionOnly: route.region ? m.guide_region_only({ region: regionName(route.region) }) : null,
		alternativeTo: alternative ? m.guide_alternative({ name: alternative.name }) : null
	};
}
