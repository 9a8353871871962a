/**
 * What the share card of each public page says, in the reader's language, from the figures the
 * page itself reads (cached per data version): no query of its own beyond theirs.
 */
import { m } from '$lib/paraglide/messages';
import { formatNumber, formatPercent } from '$lib/format';
import { outcomeLabel, patternTitle } from '$lib/labels';
import type { Db } from '../db/client';
import { getCompanyProfile } from '../companies/profile';
import { getPattern } from '../patterns/patterns';
import { getReport } from '../reports/reports';
import type { Card } from './card';

/** The card of a company's scorecard; undefined for an unknown slug. */
export function companyCard(db: Db, slug: string): Card | undefined {
	const profile = getCompanyProfile(db, slug);
	if (!profile) return undefined;
	const { scorecard } = profile;
	const lines: string[] = [];
	if (scorecard.rating.n > 0 && scorecard.rating.mean !== null) {
		lines.push(
			`${m.scorecard_avg_rating()}: ${m.scorecard_rating_value({ value: formatNumber(scorecard.rating.mean) })} (${m.n_of({ n: formatNumber(scorecard.rating.n) })})`
		);
	}
	const filedHere = scorecard.responses.find((r) => r.source === 'recourse');
	if (filedHere && filedHere.reports > 0) {
		lines.push(
			m.og_answered({
				share: formatPercent(filedHere.responded / filedHere.reports),
				n: formatNumber(filedHere.reports)
			})
		);
	}
	return {
		kicker: m.og_kicker_company(),
		title: profile.company.name,
		figure: m.report_count({ count: scorecard.reportCount }),
		lines,
		site: m.site_name()
	};
}

/** The card of a pattern; undefined for an unknown or empty one. */
export function patternCard(db: Db, slug: string): Card | undefined {
	const detail = getPattern(db, slug);
	if (!detail) return undefined;
	const p = detail.pattern;
	return {
		kicker: m.patterns_title(),
		title: patternTitle(p.category, p.trigger),
		figure: m.report_count({ count: p.reportCount }),
		lines: [
			m.pattern_companies({ count: p.companyCount }),
			m.me_too_count({ count: p.meTooCount })
		],
		site: m.site_name()
	};
}

/** The card of a public report; undefined for an unknown or hidden one. */
export function reportCard(db: Db, id: number): Card | undefined {
	const detail = getReport(db, id);
	if (!detail || detail.report.hiddenAt !== null) return undefined;
	const r = detail.report;
	const lines: string[] = [];
	if (r.rating !== null) {
		lines.push(
			`${m.report_rating()}: ${m.scorecard_rating_value({ value: formatNumber(r.rating) })}`
		);
	}
	return {
		kicker: m.og_kicker_report({ company: detail.company.name }),
		title: r.title,
		figure: outcomeLabel(r.outcome),
		lines,
		site: m.site_name()
	};
}
