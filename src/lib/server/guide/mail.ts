/** The next step as a line of a mail to a report's author, in the author's language. */
import { m } from '$lib/paraglide/messages';
import { localizeHref, type Locale } from '$lib/paraglide/runtime';
import { guideHref } from '$lib/guide-href';
import type { Db } from '../db/client';
import { getReport } from '../reports/reports';
import { caseFactsOf, caseNextStep } from './case';

/**
 * "Not resolved? Your next step: … takes your case from …", or null when the case is resolved,
 * every route is used or the report is gone. `respondedAt` is the company's public response.
 */
export function nextStepMailLine(
	db: Db,
	reportId: number,
	respondedAt: number | null,
	locale: Locale,
	origin: string
): string | null {
	const detail = getReport(db, reportId);
	if (!detail) return null;
	const step = caseNextStep(caseFactsOf(detail, respondedAt));
	if (!step) return null;
	const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${step.from}T00:00:00Z`)
	);
	const guide =
		origin +
		localizeHref(guideHref(detail.report.country, detail.company.industry), {
			locale
		});
	return m.mail_next_step({ name: step.route.name, date, url: step.route.url, guide }, { locale });
}
