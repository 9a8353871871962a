/** Atom feeds of reports (per company, per pattern, per explore view), built with the `feed` library. */
import { Feed } from 'feed';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { categoryLabel, outcomeLabel, sourceLabel } from '../../labels';
import type { Db } from '../db/client';
import { listExploreReports, type ExploreFilters } from './explore';

/** The 50 newest reports of a filter state as an Atom document. */
export function atomFeedResponse(
	db: Db,
	filters: ExploreFilters,
	feed: { title: string; selfUrl: string; pageUrl: string }
): Response {
	// Feeds follow what is new, not what is most relevant.
	const { reports } = listExploreReports(db, { ...filters, q: '' }, { limit: 50 });
	const atom = new Feed({
		id: feed.selfUrl,
		title: feed.title,
		link: feed.pageUrl,
		feedLinks: { atom: feed.selfUrl },
		updated: new Date(reports[0]?.createdAt ?? 0),
		generator: m.site_name(),
		copyright: m.footer_text()
	});
	const origin = new URL(feed.selfUrl).origin;
	for (const r of reports) {
		atom.addItem({
			id: `${origin}/reports/${r.id}`,
			link: origin + localizeHref(`/reports/${r.id}`),
			title: m.report_title_meta({ title: r.title, company: r.companyName }),
			date: new Date(r.createdAt),
			description: [
				r.source === 'recourse' ? null : sourceLabel(r.source),
				categoryLabel(r.category),
				outcomeLabel(r.outcome),
				r.rating === null ? null : m.scorecard_rating_value({ value: r.rating })
			]
				.filter(Boolean)
				.join(' · ')
		});
	}
	return new Response(atom.atom1(), {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
}
